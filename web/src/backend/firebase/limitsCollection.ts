import { rateLimitDocSchema, rateLimitKinds, rateLimitPath, type RateLimitDoc, type RateLimitKind } from '@domain';
import { doc, onSnapshot, type Firestore, type Unsubscribe } from 'firebase/firestore';
import { parseDocument, readOptions } from './documents';

/**
 * `users/{uid}/limits/{kind}`: the writer's rate-limit counters, which the rules step with
 * every ticket, message and note. Followed for the session so the client picks the right step
 * (see RateLimitCounters); includes this client's own pending steps, as the cache shows them.
 */
export function subscribeRateLimits(
  db: Firestore,
  uid: string,
  onCounter: (kind: RateLimitKind, counter: RateLimitDoc | undefined) => void,
): Unsubscribe {
  const stops = rateLimitKinds.map((kind) =>
    onSnapshot(
      doc(db, rateLimitPath(uid, kind)),
      (snapshot) => {
        if (!snapshot.exists()) return onCounter(kind, undefined);
        try {
          onCounter(kind, parseDocument(rateLimitDocSchema, 'Rate limit', snapshot.ref.path, snapshot.data(readOptions)));
        } catch (error) {
          console.error(error);
        }
      },
      // Without the counter the client still writes; the rules refuse a wrong step, and it is retried.
      (error) => console.warn(`Stopped following the ${kind} rate limit.`, error),
    ),
  );
  return () => stops.forEach((stop) => stop());
}
