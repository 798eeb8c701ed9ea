import { useEffect, useRef } from 'react';
import type { ShortcutKey } from './shortcutList';

/** Where a key is text being typed, not a command: fields, editable content, open menus. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [contenteditable="true"], [role="combobox"], [role="listbox"], [role="menu"]')) return true;
  return false;
}

/** Whether a modal dialog is open: its own keys win (a shortcut must not act behind it). */
const modalOpen = () => document.querySelector('[role="dialog"][aria-modal="true"]') !== null;

/**
 * Keyboard shortcuts of one page or panel: each key of `handlers` runs its handler, never
 * while the person is typing in a field, with a modifier held (the browser's and the screen
 * reader's own keys), or behind a dialog. A handler given as undefined is off.
 * Enter is left to the browser (it opens the focused link itself).
 */
export function useShortcuts(handlers: Partial<Record<ShortcutKey, (() => void) | undefined>>) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTypingTarget(event.target) || modalOpen()) return;
      const key = event.key as ShortcutKey;
      // "?" needs Shift on most layouts; a letter with Shift is not its shortcut.
      if (event.shiftKey && key !== '?') return;
      const handler = key === 'Enter' ? undefined : current.current[key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
