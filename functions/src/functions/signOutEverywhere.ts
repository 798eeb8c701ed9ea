import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { isDomainError } from '../domain/index.js';
import { signOutEverywhere as signOutEverywhereHandler } from '../handlers/signOutEverywhere.js';
import { authClaims } from '../store/authClaims.js';
import { firestoreStore } from '../store/firestoreStore.js';

/** Callable: the signed-in caller signs out of every device (refresh tokens revoked). */
export const signOutEverywhere = onCall(async (request) => {
  try {
    await signOutEverywhereHandler(authClaims(getAuth()), firestoreStore(getFirestore()), request.auth?.uid, {
      now: new Date(),
    });
    return { ok: true };
  } catch (error) {
    if (isDomainError(error)) throw new HttpsError(error.code, error.message);
    throw error;
  }
});
