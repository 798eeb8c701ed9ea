// Creates the demo accounts in the running Emulator Suite: Auth users with the shared demo
// password and a verified email, their users/{uid} documents and role claims. Run beside `npm run emulators`.
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { FieldValue, getFirestore } from 'firebase-admin/firestore';
import demo from '../web/src/backend/demoAccounts.json' with { type: 'json' };
import demoCanned from '../web/src/backend/demoCannedReplies.json' with { type: 'json' };

process.env.FIREBASE_AUTH_EMULATOR_HOST ??= '127.0.0.1:9099';
process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';

initializeApp({ projectId: 'demo-support-desk' });
const auth = getAuth();
const db = getFirestore();

for (const account of demo.accounts) {
  const { uid, email, displayName, role } = account;
  // Verified: staff rights need a verified email (firestore.rules, syncRoleClaims).
  await auth.createUser({ uid, email, displayName, password: demo.password, emailVerified: true }).catch(async (error) => {
    if (error.code !== 'auth/uid-already-exists') throw error;
    await auth.updateUser(uid, { emailVerified: true });
  });
  await auth.setCustomUserClaims(uid, { role });
  await db.doc(`users/${uid}`).set({
    email,
    displayName,
    role,
    active: true,
    createdAt: FieldValue.serverTimestamp(),
    claimsSyncedAt: FieldValue.serverTimestamp(),
  });
  console.log(`${displayName} <${email}> (${role})`);
}
for (const { id, ...reply } of demoCanned.replies) await db.doc(`cannedReplies/${id}`).set(reply);
console.log(`${demoCanned.replies.length} canned replies ready.`);
console.log(`Demo accounts ready; the password of each is "${demo.password}".`);
