/**
 * How long a listener's first answer from the local cache waits for the server's while the
 * browser is online. The emulator and a healthy connection answer well within it; a
 * connection that hangs shows the cached answer after it.
 */
export const CACHE_GRACE_MS = 1500;

interface HasMetadata {
  readonly metadata: { readonly fromCache: boolean };
}

/**
 * Firestore answers a new listener from its local cache first whenever the cache holds a
 * document the query matches (marked fromCache), and the server's answer follows. For a list
 * that first answer can be wrong, not just old: a queue search shows the one cached ticket
 * that happens to match, not the page the server has. The UI takes a subscription's first
 * answer as the list (the local backend's first answer is always complete), so the first
 * answer from the cache is held, while online, until the server's arrives or `graceMs` pass;
 * offline it is shown at once (that is what the cache is for). After the first answer, every
 * snapshot goes through as it comes.
 */
export function serverFirst<S extends HasMetadata>(
  onNext: (snapshot: S) => void,
  isOffline: () => boolean,
  graceMs = CACHE_GRACE_MS,
): { next: (snapshot: S) => void; stop: () => void } {
  let answered = false;
  let held: S | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    held = undefined;
  };
  const deliver = (snapshot: S) => {
    answered = true;
    clear();
    onNext(snapshot);
  };
  return {
    next(snapshot) {
      if (answered || !snapshot.metadata.fromCache || isOffline()) {
        deliver(snapshot);
        return;
      }
      held = snapshot;
      timer ??= setTimeout(() => {
        timer = undefined;
        if (held) deliver(held);
      }, graceMs);
    },
    stop() {
      answered = true;
      clear();
    },
  };
}
