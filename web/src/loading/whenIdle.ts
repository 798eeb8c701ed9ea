/** Runs `work` when the browser is idle (within 5 s), or after 2 s where it cannot tell. Returns a cancel. */
export function whenIdle(work: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  if (window.requestIdleCallback) {
    const idle = window.requestIdleCallback(work, { timeout: 5_000 });
    return () => window.cancelIdleCallback(idle);
  }
  const timer = window.setTimeout(work, 2_000);
  return () => window.clearTimeout(timer);
}

/**
 * A load run once and shared by every caller; one that failed (the network dropped) runs
 * again at the next call.
 */
export function loadOnce<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * A module loaded the first time it is wanted, or once the browser is idle after this is
 * called (so it is there when wanted, at once).
 */
export function loadOnFirstUse<M>(load: () => Promise<M>): () => Promise<M> {
  const once = loadOnce(load);
  whenIdle(() => void once().catch(() => {}));
  return once;
}
