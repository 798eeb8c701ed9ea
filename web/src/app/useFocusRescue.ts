import { useEffect, useRef } from 'react';

/**
 * Keeps focus off the body when the focused control inside a container goes away, as an
 * action button does once its move is made ("Accept" on an accepted ticket): after that
 * render, focus moves to what `next()` names. Focus that left the container for somewhere
 * else is left alone.
 */
export function useFocusRescue<T extends HTMLElement>(next: (container: T | null) => HTMLElement | null | undefined) {
  const container = useRef<T>(null);
  const lastFocused = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onFocusIn = (event: FocusEvent) => {
      lastFocused.current = event.target instanceof HTMLElement ? event.target : null;
    };
    const onFocusOut = (event: FocusEvent) => {
      // Focus moved to another control outside: not ours to rescue. (A removed control blurs
      // with no related target.)
      if (event.relatedTarget instanceof Node && !element.contains(event.relatedTarget)) lastFocused.current = null;
    };
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    return () => {
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
    };
  }, []);

  // After every render: was the focused control just removed, leaving focus on the body?
  useEffect(() => {
    const lost = lastFocused.current;
    if (!lost || lost.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    lastFocused.current = null;
    next(container.current)?.focus();
  });

  return container;
}
