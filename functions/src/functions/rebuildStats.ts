import { getFirestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { mayRebuildStats, roleNow, roleSchema, userDocSchema } from '../domain/index.js';
import { rebuildStatsInStore } from '../handlers/rebuildStats.js';
import { firestoreStore } from '../store/firestoreStore.js';

/**
 * Admins: recompute the reports' stats from the tickets (a desk that predates them, or
 * after a repair in the console). The caller's role is the one the rules use: the token's
 * claim, checked against their profile now.
 */
export const rebuildStats = onCall({ timeoutSeconds: 540, memory: '1GiB' }, async (request) => {
  const uid = request.auth?.uid;
  if (!uid) throw new HttpsError('unauthenticated', 'Sign in first.');
  const db = getFirestore();
  const tokenRole = roleSchema.safeParse(request.auth?.token.role);
  const profile = userDocSchema.safeParse((await db.doc(`users/${uid}`).get()).data());
  const role = roleNow(
    tokenRole.success ? tokenRole.data : 'customer',
    profile.success ? profile.data : undefined,
    request.auth?.token.email_verified === true,
  );
  const decision = mayRebuildStats({ uid, role });
  if (!decision.allowed) throw new HttpsError('permission-denied', decision.reason);
  return rebuildStatsInStore(firestoreStore(db));
});
