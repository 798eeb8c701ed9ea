import { lazy, Suspense, useCallback, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { whenIdle } from '../loading/whenIdle';

/**
 * A component whose code is not part of the screen that shows it: React.lazy, fetched as soon
 * as the browser is idle after the module that declares it has loaded (so it is there when it
 * is first wanted, offline too), or at once when it is wanted earlier.
 */
export function lazyWhenIdle<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  whenIdle(() => void load().catch(() => {}));
  return lazy(load);
}

/** Calls `onMounted` once its children are on the page (after Suspense has shown them). */
export function Mounted({ onMounted, children }: { onMounted: () => void; children: ReactNode }) {
  useEffect(onMounted, [onMounted]);
  return children;
}

/**
 * An overlay (a dialog, a drawer) whose code loads when it is first opened, not with the
 * screen it belongs to: nothing is rendered until then. Once loaded it mounts closed and
 * opens right after, as it would have from a click: Mantine's dialogs note what had focus when
 * `opened` turns true (to give it back when they close), not when they mount open. From then
 * on it stays mounted, so it closes with its transition like any other.
 */
export function OnFirstOpen({ opened, children }: { opened: boolean; children: (opened: boolean) => ReactNode }) {
  const [phase, setPhase] = useState<'unasked' | 'loading' | 'ready'>(opened ? 'loading' : 'unasked');
  if (opened && phase === 'unasked') setPhase('loading');
  const ready = useCallback(() => setPhase('ready'), []);
  if (phase === 'unasked') return null;
  return (
    <Suspense fallback={null}>
      <Mounted onMounted={ready}>{children(opened && phase === 'ready')}</Mounted>
    </Suspense>
  );
}

/**
 * A component whose code loads apart from the screen that shows it, and which renders at once
 * (without suspending) once `preload` has brought it: React.lazy suspends the first time it
 * renders even when its module is in, which would hide a page already on screen for a frame.
 * Rendered before it is in, it suspends like React.lazy (give it a Suspense boundary).
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  const preload = () => load().then((component) => (loaded = component));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Preloadable(props: P) {
    const Component = loaded ?? Lazy;
    return <Component {...props} />;
  }
  return Object.assign(Preloadable, { preload });
}
