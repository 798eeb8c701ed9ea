import { GoogleAuthProvider, signInWithCredential } from 'firebase/auth';
import { afterAll, describe, expect, it } from 'vitest';
import { EMULATOR_PROJECT_ID } from '../../web/src/backend/firebase/firebaseApp.js';
import type { Session, SupportBackend } from '../../web/src/backend/port.js';
import { SIGNED_OUT_EVERYWHERE_REASON } from '../../web/src/backend/sessionEnd.js';
import { nextMatching } from '../contract/scenarios.js';
import { adminAuth, adminFirestore, adminWrite, authEmulatorUrl, closeFreeTab, openFreeTab, profileField } from './firebaseHarness.js';

/**
 * Accounts on the Emulator Suite: password reset and email verification complete with the
 * out-of-band codes the Auth emulator would have mailed (read from its REST endpoint),
 * Google sign-in through the emulator's fake provider, a staff role refused to an unverified
 * account by the claims trigger, and sign-out everywhere (the callable) ending another
 * device's session.
 */

const run = `${process.pid}-${Date.now().toString(36)}`;
const emailFor = (who: string) => `${who}-${run}@accounts.test`;
const tabs: Awaited<ReturnType<typeof openFreeTab>>[] = [];

async function tab(options?: Parameters<typeof openFreeTab>[0]): Promise<SupportBackend> {
  const opened = await openFreeTab(options);
  tabs.push(opened);
  return opened.backend;
}

afterAll(async () => {
  for (const opened of tabs) await closeFreeTab(opened);
});

const sessionOf = (backend: SupportBackend, accept: (session: Session | null) => boolean, timeoutMs = 15_000) =>
  nextMatching<Session | null>((onData) => backend.subscribeSession(onData), accept, timeoutMs);

interface OobCode {
  readonly email: string;
  readonly oobCode: string;
  readonly requestType: string;
}

/** The newest code the Auth emulator "sent" to this address, once it has one. */
async function oobCodeFor(email: string, requestType: 'PASSWORD_RESET' | 'VERIFY_EMAIL', timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${authEmulatorUrl}/emulator/v1/projects/${EMULATOR_PROJECT_ID}/oobCodes`);
    const { oobCodes } = (await response.json()) as { oobCodes: OobCode[] };
    const mine = oobCodes.filter((code) => code.email === email && code.requestType === requestType);
    const newest = mine.at(-1);
    if (newest) return newest.oobCode;
    if (Date.now() > deadline) throw new Error(`No ${requestType} code for ${email} after ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Firebase accounts on the Auth emulator', () => {
  it('resets a forgotten password with the emailed code, then signs in with the new one', async () => {
    const email = emailFor('forgetful');
    await adminAuth().createUser({ email, password: 'old-password-1', displayName: 'Fern Forgetful' });
    const backend = await tab();
    await backend.sendPasswordReset(email);
    await backend.confirmPasswordReset(await oobCodeFor(email, 'PASSWORD_RESET'), 'new-password-2');
    await expect(backend.signIn({ email, password: 'old-password-1' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await backend.signIn({ email, password: 'new-password-2' });
    expect(await sessionOf(backend, (s) => s?.email === email)).toMatchObject({ email });
  });

  it('answers a reset for an address without an account exactly as for one with an account', async () => {
    const backend = await tab();
    await expect(backend.sendPasswordReset(emailFor('nobody'))).resolves.toBeUndefined();
  });

  it('asks a new account to verify its email, and the session says verified once the code is confirmed', async () => {
    const email = emailFor('newcomer');
    const backend = await tab();
    await backend.signUp({ displayName: 'Nora Newcomer', email, password: 'newcomer-password' });
    expect(await sessionOf(backend, (s) => s?.email === email)).toMatchObject({ emailVerified: false });
    await backend.confirmEmail(await oobCodeFor(email, 'VERIFY_EMAIL'));
    expect(await sessionOf(backend, (s) => s?.email === email && s.emailVerified)).toMatchObject({ emailVerified: true });
  });

  it('refuses a staff role to an unverified account: the claims trigger puts it back to customer', async () => {
    const email = emailFor('unverified');
    const backend = await tab();
    await backend.signUp({ displayName: 'Ursula Unverified', email, password: 'unverified-password' });
    const { uid } = (await sessionOf(backend, (s) => s?.email === email))!;
    await profileField(uid, 'email', (value) => value === email);
    // An admin promotes the account in the console.
    await adminWrite(() => adminFirestore().doc(`users/${uid}`).update({ role: 'agent' }));
    await profileField(uid, 'role', (value) => value === 'customer');
    expect((await adminAuth().getUser(uid)).customClaims?.role ?? 'customer').toBe('customer');
  });

  it("signs in with Google (the emulator's fake provider) and writes the profile as a sign-up does", async () => {
    const email = emailFor('google');
    const backend = await tab({
      providerSignIn: (auth) =>
        signInWithCredential(
          auth,
          GoogleAuthProvider.credential(JSON.stringify({ sub: `google-${run}`, email, email_verified: true, name: 'Gina Google' })),
        ),
    });
    await backend.signInWith('google');
    const session = (await sessionOf(backend, (s) => s?.email === email))!;
    expect(session).toMatchObject({ emailVerified: true, role: 'customer' });
    const profile = (await adminFirestore().doc(`users/${session.uid}`).get()).data();
    expect(profile).toMatchObject({ email, displayName: 'Gina Google', role: 'customer', active: true });
  });

  it('changes the password after re-authenticating, and refuses a wrong current one', async () => {
    const email = emailFor('changer');
    await adminAuth().createUser({ email, password: 'first-password', displayName: 'Chad Changer', emailVerified: true });
    const backend = await tab();
    await backend.signIn({ email, password: 'first-password' });
    await expect(backend.changePassword({ currentPassword: 'not-it-at-all', newPassword: 'second-password' })).rejects.toMatchObject({
      message: 'That is not your current password. Your password is unchanged.',
    });
    await backend.changePassword({ currentPassword: 'first-password', newPassword: 'second-password' });
    await backend.signOut();
    await backend.signIn({ email, password: 'second-password' });
    expect(await sessionOf(backend, (s) => s?.email === email)).toMatchObject({ email });
  });

  it("signs out of every device: the callable ends this session and revokes the other device's sign-in", async () => {
    const email = emailFor('everywhere');
    await adminAuth().createUser({ email, password: 'everywhere-password', displayName: 'Eve Everywhere', emailVerified: true });
    const laptop = await tab();
    await laptop.signIn({ email, password: 'everywhere-password' });
    const { uid } = (await sessionOf(laptop, (s) => s?.email === email))!;
    const phone = await openFreeTab();
    tabs.push(phone);
    await phone.backend.signIn({ email, password: 'everywhere-password' });
    await sessionOf(phone.backend, (s) => s?.uid === uid);
    const phoneToken = await phone.services.auth.currentUser!.getIdToken();
    await adminWrite(() =>
      adminFirestore().doc(`users/${uid}`).set({
        email,
        displayName: 'Eve Everywhere',
        role: 'customer',
        active: true,
        createdAt: new Date(),
        claimsSyncedAt: null,
      }),
    );
    // Firebase Auth revokes in whole seconds: a sign-in in the very second of the revocation
    // still counts as after it. Let that second pass (a property of Auth, not of this machine).
    const signedInSecond = Math.floor(Date.now() / 1000);
    await new Promise((resolve) => setTimeout(resolve, (signedInSecond + 1) * 1000 - Date.now() + 1));
    expect(await adminAuth().verifyIdToken(phoneToken, true)).toMatchObject({ uid });

    await laptop.signOutEverywhere();
    expect(await sessionOf(laptop, (s) => s === null)).toBeNull();
    expect(laptop.sessionEndReason()).toBe(SIGNED_OUT_EVERYWHERE_REASON);
    await profileField(uid, 'claimsSyncedAt', (value) => value !== null && value !== undefined);
    // The phone's sign-in is revoked: its token is refused wherever revocation is checked, and
    // in production its refresh (forced by the claimsSyncedAt stamp it follows) fails, which
    // signs it out. The Auth emulator still refreshes revoked sign-ins, so that last step
    // cannot be shown here.
    await expect(adminAuth().verifyIdToken(phoneToken, true)).rejects.toMatchObject({ code: 'auth/id-token-revoked' });
  });
});
