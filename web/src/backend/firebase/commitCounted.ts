import type { RateLimitKind } from '@domain';
import type { Firestore } from 'firebase/firestore';
import type { WriteRequest } from '../clientRequest';
import type { RateLimitCounters } from '../rateLimitCounters';
import { commitRequest } from './commitRequest';
import { codeOf } from './errors';
import { readRateLimitFromServer } from './limitsCollection';

/**
 * Commits a new ticket, message or note together with its writer's rate-limit step (see
 * writes.ts). The step is picked from what this client knows of the counter, and that view
 * can be wrong: a write made right after sign-in, before the counter's listener has answered,
 * or a listener the server has left believing there is no counter (seen on the emulator after
 * an offline spell). The rules then refuse the whole batch, so the counter is read from the
 * server and the same documents (same ids) are committed once more with the right step; a
 * second refusal is the real answer. `request` builds the batch: it throws at once, before
 * anything is written, while the window is full.
 */
export function commitCounted(db: Firestore, counters: RateLimitCounters, kind: RateLimitKind, request: () => WriteRequest): Promise<void> {
  return commitRequest(db, request()).catch(async (refusal: unknown) => {
    if (codeOf(refusal) !== 'permission-denied') throw refusal;
    // Offline again, or the read refused: the first answer stands.
    const stored = await readRateLimitFromServer(db, counters.uid, kind).catch(() => Promise.reject(refusal));
    counters.learn(kind, stored);
    try {
      await commitRequest(db, request());
    } catch (error) {
      counters.learn(kind, stored);
      throw error;
    }
  });
}
