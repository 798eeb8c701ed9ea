import { getDocFromCache, type DocumentReference } from 'firebase/firestore';

/**
 * Firestore stores a write on the device a moment after it is made (its queue runs it), and
 * a page that unloads within that moment loses the write, though the app has already shown
 * it (a message as sending). Until the write is stored, leaving the page asks first.
 */
export function createUnloadGuard(target: EventTarget | undefined) {
  let unstored = 0;
  const askFirst = (event: Event) => event.preventDefault();
  return (stored: Promise<unknown>): void => {
    if (!target) return;
    if (unstored++ === 0) target.addEventListener('beforeunload', askFirst);
    void stored
      .catch(() => undefined)
      .finally(() => {
        if (--unstored === 0) target.removeEventListener('beforeunload', askFirst);
      });
  };
}

const guardThisPage = createUnloadGuard(typeof window === 'undefined' ? undefined : window);

/**
 * Guards the page until the write just handed to Firestore is stored on the device. Firestore's
 * queue runs one operation at a time, in order, so a cache read queued after the write settles
 * once the write is stored; which document it reads does not matter (one of the write's, found
 * or not).
 */
export function guardUntilStored(ref: DocumentReference): void {
  guardThisPage(getDocFromCache(ref));
}
