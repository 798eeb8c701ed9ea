import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { syncRoleClaims } from '../handlers/syncRoleClaims.js';
import { authClaims } from '../store/authClaims.js';
import { firestoreStore } from '../store/firestoreStore.js';

/** users/{uid}.role, mirrored into the custom claim the rules read (the client refreshes its token). */
export const onUserWritten = onDocumentWritten('users/{uid}', async (event) => {
  await syncRoleClaims(authClaims(getAuth()), firestoreStore(getFirestore()), event.params.uid, {
    now: new Date(),
  });
});
