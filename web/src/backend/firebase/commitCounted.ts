import type { RateLimitKind } from '@domain';
import type { Firestore } from 'firebase/firestore';
import type { WriteRequest } from '../clientRequest';
import type { RateLimitCounters } from '../rateLimitCounters';
import { commitRequest } from './commitRequest';
import { codeOf } from './errors';
import { readRateLimitFromServer } from './limitsCollection';

/** Each session's retries, per counter: the promise the next retry waits for. */
const retriesOf = new WeakMap<RateLimitCounters, Map<RateLimitKind, Promise<unknown>>>();

/**
 * Commits a new ticket, message or note together with its writer's rate-limit step (see
 * writes.ts). The step is picked from what this client knows of the counter, and that view
 * can be wrong: a write made right after sign-in, before the counter's listener has answered,
 * or a listener the server has left believing there is no counter (seen on the emulators after
 * an offline spell). The rules then refuse the whole batch (permission-denied, which they also
 * answer for other reasons), so the counter is read from the server and the same documents
 * (same ids) are committed once more with the step that read calls for; a second refusal is
 * the answer. Retries of one counter go one at a time, each reading the counter after the one
 * before has stepped it. `request` builds the batch for a time: it throws at once, before
 * anything is written, while the window is full. These are what a person typed, so leaving
 * the page asks first until Firestore has stored them on the device.
 *
 * What this cannot do: a write the page queued before a reload has no one to retry it (its
 * refusal stands); and where the client believed there was no counter while the server had
 * one, the writes queued after the refused one count in the server's window and may be stored
 * before the retried one.
 */
export function commitCounted(
  db: Firestore,
  counters: RateLimitCounters,
  kind: RateLimitKind,
  request: (now: Date) => WriteRequest,
): Promise<void> {
  return commitRequest(db, request(new Date()), { guardUnload: true }).catch((refusal: unknown) => {
    if (codeOf(refusal) !== 'permission-denied') throw refusal;
    return oneAtATime(counters, kind, async () => {
      const stored = await readRateLimitFromServer(db, counters.uid, kind).catch((readError: unknown) => {
        // Offline again: say so, rather than repeat a refusal that may have been the counter's.
        throw codeOf(readError) === 'unavailable' ? readError : refusal;
      });
      counters.learn(kind, stored);
      try {
        await commitRequest(db, request(new Date()), { guardUnload: true });
      } catch (error) {
        counters.learn(kind, stored);
        throw error;
      }
    });
  });
}

function oneAtATime(counters: RateLimitCounters, kind: RateLimitKind, retry: () => Promise<void>): Promise<void> {
  const retries = retriesOf.get(counters) ?? new Map<RateLimitKind, Promise<unknown>>();
  retriesOf.set(counters, retries);
  const done = (retries.get(kind) ?? Promise.resolve()).then(retry, retry);
  retries.set(kind, done.catch(() => {}));
  return done;
}
