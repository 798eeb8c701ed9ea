import { rateLimitDocSchema, rateLimitKinds, rateLimitPath, type RateLimitDoc, type RateLimitKind } from '@domain';
import { doc, onSnapshot, runTransaction, type DocumentReference, type Firestore, type Unsubscribe } from 'firebase/firestore';
import { zodConverter } from './documents';

/**
 * `users/{uid}/limits/{kind}`: the writer's rate-limit counters, which the rules step with
 * every ticket, message and note. Followed for the session so the client picks the right step
 * (see RateLimitCounters); includes this client's own pending steps, as the cache shows them.
 */
export const rateLimitConverter = zodConverter(rateLimitDocSchema, {
  what: 'Rate limit',
  build: (counter): RateLimitDoc => counter,
});

export function rateLimitRef(db: Firestore, uid: string, kind: RateLimitKind): DocumentReference<RateLimitDoc> {
  return doc(db, rateLimitPath(uid, kind)).withConverter(rateLimitConverter);
}

export function subscribeRateLimits(
  db: Firestore,
  uid: string,
  onCounter: (kind: RateLimitKind, counter: RateLimitDoc | undefined) => void,
): Unsubscribe {
  const stops = rateLimitKinds.map((kind) =>
    onSnapshot(
      rateLimitRef(db, uid, kind),
      (snapshot) => {
        let counter: RateLimitDoc | undefined;
        try {
          counter = snapshot.data();
        } catch (error) {
          return console.error(error);
        }
        onCounter(kind, counter);
      },
      // Without the counter the client still writes; the rules refuse a wrong step, and it is retried.
      (error) => console.warn(`Stopped following the ${kind} rate limit.`, error),
    ),
  );
  return () => stops.forEach((stop) => stop());
}

/**
 * One counter as the server holds it now (undefined: none stored). Read in a transaction, as
 * only that reads the server alone: any other read, getDocFromServer too, shows this client's
 * pending writes on top. Fails offline.
 */
export function readRateLimitFromServer(db: Firestore, uid: string, kind: RateLimitKind): Promise<RateLimitDoc | undefined> {
  return runTransaction(db, async (transaction) => (await transaction.get(rateLimitRef(db, uid, kind))).data(), { maxAttempts: 1 });
}
