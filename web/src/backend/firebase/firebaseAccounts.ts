import {
  DomainError,
  changePasswordInputSchema,
  displayNameFromProvider,
  newPasswordInputSchema,
  parseInput,
  passwordResetInputSchema,
  renameInputSchema,
  type DomainErrorCode,
} from '@domain';
import {
  EmailAuthProvider,
  applyActionCode,
  confirmPasswordReset,
  reauthenticateWithCredential,
  sendEmailVerification,
  sendPasswordResetEmail,
  signOut,
  updatePassword,
  type ActionCodeSettings,
  type Auth,
  type User,
  type UserCredential,
} from 'firebase/auth';
import { getDocFromServer } from 'firebase/firestore';
import type { PendingWrite, Session, SignInProvider, SupportBackend } from '../port';
import { SIGNED_OUT_EVERYWHERE_REASON, SessionEndTracker } from '../sessionEnd';
import { newProfileWrite, renameSelfWrite } from '../writes';
import { commitRequest } from './commitRequest';
import { toDomainError } from './errors';
import type { FirebaseServices } from './firebaseApp';
import { redirectPending } from '../redirectPending';
import { userRef } from './usersCollection';

/** What the accounts module needs of the backend it belongs to. */
export interface AccountsHost {
  /** Resolves once the published session is this uid's (or someone else's took over). */
  readonly settledAs: (uid: string) => Promise<void>;
  /** Resolves once no one is signed in (or someone signed in meanwhile). */
  readonly settledSignedOut: () => Promise<void>;
  readonly requireSession: () => Session;
  /** Every client write goes through here (connectivity's pending count). */
  readonly track: <T>(write: Promise<T>) => Promise<T>;
}

export interface FirebaseAccountsOptions {
  /** Called before the page goes to Google (phones): the app must restore Auth when it comes back. */
  readonly beforeRedirect?: () => void;
  /** Tests: a credential the Auth emulator accepts, in place of Google's popup. */
  readonly providerSignIn?: (auth: Auth, provider: SignInProvider) => Promise<UserCredential | null>;
}

type AccountMethods = Pick<
  SupportBackend,
  | 'signInProviders'
  | 'signInWith'
  | 'sendPasswordReset'
  | 'confirmPasswordReset'
  | 'confirmEmail'
  | 'sendEmailVerification'
  | 'reloadAccount'
  | 'renameSelf'
  | 'changePassword'
  | 'signOutEverywhere'
  | 'sessionEndReason'
  | 'subscribeDemoMailbox'
>;

/** Links in the emails come back to the app (its origin); the console's templates may point them at /account-action. */
function actionSettings(): ActionCodeSettings | undefined {
  return typeof window === 'undefined' ? undefined : { url: `${window.location.origin}/` };
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/**
 * The accounts side of the Firebase backend: password reset, email verification, Google
 * sign-in, the profile page's changes, sign-out everywhere, and why a session ended.
 */
export function firebaseAccounts(services: FirebaseServices, host: AccountsHost, options: FirebaseAccountsOptions = {}) {
  const { auth, db, functions } = services;
  const ended = new SessionEndTracker();

  /** A write the UI does not await; its refusal becomes a DomainError, never an unhandled rejection. */
  function pendingWrite(id: string, write: Promise<void>, context?: Partial<Record<DomainErrorCode, string>>): PendingWrite {
    const committed = host.track(write).catch((error: unknown) => {
      throw toDomainError(error, context);
    });
    committed.catch(() => {});
    return { id, committed };
  }

  /** The users/{uid} a new account writes, unless it has one (an account made with a password, or an earlier visit). */
  async function ensureProfile(user: User): Promise<void> {
    const existing = await getDocFromServer(userRef(db, user.uid));
    if (existing.exists()) return;
    const email = user.email ?? '';
    await commitRequest(db, newProfileWrite(user.uid, { email, displayName: displayNameFromProvider(user.displayName, email) }, new Date()));
  }

  async function afterProviderSignIn(credential: UserCredential | null): Promise<void> {
    if (!credential) return;
    try {
      await ensureProfile(credential.user);
    } catch (error) {
      console.error('Could not save the new profile in users/{uid}.', error);
    }
    await host.settledAs(credential.user.uid);
  }

  /** Back from Google's page (phones): finish that sign-in. */
  if (redirectPending.read()) {
    void import('./googleSignIn')
      .then(async (google) => afterProviderSignIn(await google.redirectResult(auth)))
      .catch((error: unknown) => console.error('Signing in with Google did not complete.', error));
  }

  function currentUser(): User {
    const user = auth.currentUser;
    if (!user) throw new DomainError('unauthenticated', 'Sign in first.');
    return user;
  }

  async function reloadAccount(): Promise<void> {
    const user = currentUser();
    try {
      await user.reload();
      // A new ID token carries email_verified, which the rules want for staff rights; its
      // change also republishes the session.
      await user.getIdToken(true);
    } catch (error) {
      throw toDomainError(error);
    }
  }

  const methods: AccountMethods = {
    signInProviders: ['google'],

    async signInWith(provider) {
      try {
        const credential = options.providerSignIn
          ? await options.providerSignIn(auth, provider)
          : await (await import('./googleSignIn')).signInWithGoogle(auth, options.beforeRedirect ?? (() => {}));
        await afterProviderSignIn(credential);
      } catch (error) {
        throw toDomainError(error);
      }
    },

    async sendPasswordReset(email) {
      const input = parseInput(passwordResetInputSchema, { email });
      try {
        await sendPasswordResetEmail(auth, input.email, actionSettings());
      } catch (error) {
        // The same answer for an address without an account: nobody learns which have one.
        if (codeOf(error) === 'auth/user-not-found') return;
        throw toDomainError(error);
      }
    },

    async confirmPasswordReset(code, newPassword) {
      const { password } = parseInput(newPasswordInputSchema, { password: newPassword });
      try {
        await confirmPasswordReset(auth, code, password);
      } catch (error) {
        throw toDomainError(error);
      }
    },

    async confirmEmail(code) {
      try {
        await applyActionCode(auth, code);
      } catch (error) {
        throw toDomainError(error);
      }
      if (auth.currentUser) await reloadAccount();
    },

    async sendEmailVerification() {
      try {
        await sendEmailVerification(currentUser(), actionSettings());
      } catch (error) {
        throw toDomainError(error);
      }
    },

    reloadAccount,

    renameSelf(displayName) {
      const input = parseInput(renameInputSchema, { displayName });
      const me = host.requireSession();
      return pendingWrite(me.uid, commitRequest(db, renameSelfWrite(me.uid, input.displayName)), {
        'permission-denied': 'The desk refused this name. Choose another one.',
      });
    },

    async changePassword(input) {
      const { currentPassword, newPassword } = parseInput(changePasswordInputSchema, input);
      const user = currentUser();
      if (!user.email || !user.providerData.some((entry) => entry.providerId === 'password')) {
        throw new DomainError('failed-precondition', 'This account signs in with Google; it has no password here to change.');
      }
      try {
        await reauthenticateWithCredential(user, EmailAuthProvider.credential(user.email, currentPassword));
      } catch (error) {
        const code = codeOf(error);
        if (code === 'auth/invalid-credential' || code === 'auth/wrong-password' || code === 'auth/invalid-login-credentials') {
          throw new DomainError('unauthenticated', 'That is not your current password. Your password is unchanged.');
        }
        throw toDomainError(error);
      }
      try {
        await updatePassword(user, newPassword);
      } catch (error) {
        throw toDomainError(error);
      }
    },

    async signOutEverywhere() {
      host.requireSession();
      ended.expectSignOut(SIGNED_OUT_EVERYWHERE_REASON);
      try {
        await (await functions()).call('signOutEverywhere', {});
        await signOut(auth);
        await host.settledSignedOut();
      } catch (error) {
        ended.cancelExpectedSignOut();
        throw toDomainError(error, { 'failed-precondition': 'Could not sign out everywhere. Check your connection and try again.' });
      }
    },

    sessionEndReason: () => ended.current(),

    subscribeDemoMailbox(onData) {
      onData([]);
      return () => {};
    },
  };

  return {
    methods,
    /** Every published session, to tell an ended session from a sign-out asked for here. */
    observeSession: (before: Session | null | undefined, next: Session | null) => ended.observe(before, next),
    expectSignOut: () => ended.expectSignOut(null),
    /** A new account made with a password is asked to verify its email at once. */
    afterSignUp(user: User): void {
      sendEmailVerification(user, actionSettings()).catch((error: unknown) =>
        console.warn('Could not send the verification email; the banner offers to send it again.', error),
      );
    },
  };
}
