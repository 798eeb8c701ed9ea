import type { OnError, Unsubscribe } from './port';

/**
 * A subscription whose code loads on first use: it subscribes once `load` has brought the
 * module, unless unsubscribed meanwhile; a module that does not load is the subscriber's
 * error, as a failed read would be.
 */
export function subscribeWhenLoaded<M>(
  load: () => Promise<M>,
  subscribe: (module: M) => Unsubscribe,
  onError: OnError,
  loadFailed: (error: unknown) => Error,
): Unsubscribe {
  let stop: Unsubscribe | undefined;
  let stopped = false;
  load().then(
    (module) => {
      if (!stopped) stop = subscribe(module);
    },
    (error: unknown) => {
      if (!stopped) onError(loadFailed(error));
    },
  );
  return () => {
    stopped = true;
    stop?.();
  };
}
