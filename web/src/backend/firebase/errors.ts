import { DomainError, isDomainError, type DomainErrorCode } from '@domain';

/**
 * Turns whatever the Firebase SDKs throw (FirebaseError from Auth, FirestoreError, Functions'
 * HttpsError) into the DomainError the UI shows: a code it can branch on and a sentence a
 * person can act on. SDK messages ("Firebase: Error (auth/invalid-credential).") never reach
 * the screen.
 */
type Mapped = readonly [DomainErrorCode, string];

const authErrors: Record<string, Mapped> = {
  'auth/invalid-credential': [
    'unauthenticated',
    'That email and password do not match an account. Check both and try again.',
  ],
  'auth/invalid-login-credentials': [
    'unauthenticated',
    'That email and password do not match an account. Check both and try again.',
  ],
  'auth/wrong-password': [
    'unauthenticated',
    'That email and password do not match an account. Check both and try again.',
  ],
  'auth/user-not-found': [
    'unauthenticated',
    'That email and password do not match an account. Check both and try again.',
  ],
  'auth/email-already-in-use': [
    'failed-precondition',
    'An account with this email already exists. Sign in instead, or use another email.',
  ],
  'auth/weak-password': [
    'invalid-argument',
    'That password is too weak. Choose a longer one with letters and numbers.',
  ],
  'auth/invalid-email': ['invalid-argument', 'Enter an email address like name@example.com.'],
  'auth/missing-password': ['invalid-argument', 'Enter your password.'],
  'auth/user-disabled': [
    'permission-denied',
    'This account has been switched off. Contact the support desk to turn it back on.',
  ],
  'auth/too-many-requests': [
    'failed-precondition',
    'Too many attempts in a row. Wait a few minutes, then try again.',
  ],
  'auth/network-request-failed': [
    'failed-precondition',
    'The sign-in service cannot be reached. Check your connection and try again.',
  ],
  'auth/requires-recent-login': [
    'unauthenticated',
    'For your security, sign in again before doing this.',
  ],
  'auth/user-token-expired': ['unauthenticated', 'Your session has ended. Sign in again.'],
  'auth/expired-action-code': [
    'failed-precondition',
    'This link has expired. Ask for a new one: links work once, for a limited time.',
  ],
  'auth/invalid-action-code': [
    'failed-precondition',
    'This link has already been used or is not valid. Ask for a new one.',
  ],
  'auth/popup-closed-by-user': ['failed-precondition', 'The Google window was closed before signing in. Try again.'],
  'auth/cancelled-popup-request': ['failed-precondition', 'Another sign-in window is open. Finish or close it first.'],
  'auth/account-exists-with-different-credential': [
    'failed-precondition',
    'This email already has an account with a password. Sign in with your email and password instead.',
  ],
  'auth/unauthorized-domain': [
    'failed-precondition',
    'Google sign-in is not set up for this address of the desk. Ask an admin to add it to the authorised domains.',
  ],
  'auth/operation-not-allowed': [
    'failed-precondition',
    'This way of signing in is turned off for this desk. Ask an admin to enable it.',
  ],
};

/** Firestore, Storage and Functions codes (Functions' carry a `functions/` prefix). */
const serviceErrors: Record<string, Mapped> = {
  'permission-denied': ['permission-denied', 'You do not have access to this.'],
  unauthenticated: ['unauthenticated', 'Your session has ended. Sign in again.'],
  'not-found': ['not-found', 'This no longer exists.'],
  'already-exists': ['failed-precondition', 'This already exists.'],
  'invalid-argument': ['invalid-argument', 'The request was not well formed.'],
  'failed-precondition': [
    'failed-precondition',
    'The desk is not ready for this yet (for example, a database index is still building). Try again in a few minutes.',
  ],
  unavailable: [
    'failed-precondition',
    'The desk cannot be reached right now. Check your connection; changes are kept and sent when it is back.',
  ],
  'deadline-exceeded': [
    'failed-precondition',
    'The desk took too long to answer. Try again.',
  ],
  'resource-exhausted': [
    'failed-precondition',
    'The desk is busy right now. Wait a moment, then try again.',
  ],
  cancelled: ['failed-precondition', 'The request was cancelled. Try again.'],
  aborted: ['failed-precondition', 'Someone else changed this at the same moment. Try again.'],
};

const fallback: Mapped = [
  'failed-precondition',
  'Something went wrong on our side. Try again; if it keeps happening, contact the support desk.',
];

/** Codes whose server message was written for people (a Cloud Function's DomainError). */
const domainCodes: readonly string[] = [
  'invalid-argument',
  'permission-denied',
  'failed-precondition',
  'not-found',
  'unauthenticated',
];

export function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * @param context  what was being attempted, for the generic cases, e.g. "You cannot see this
 *   ticket." replaces "You do not have access to this." for permission-denied.
 */
export function toDomainError(
  error: unknown,
  context?: Partial<Record<DomainErrorCode, string>>,
): DomainError {
  if (isDomainError(error)) return error;
  const code = codeOf(error);
  if (code === undefined) return new DomainError(...fallback);

  if (code.startsWith('auth/')) {
    const [domainCode, message] = authErrors[code] ?? fallback;
    return new DomainError(domainCode, message);
  }

  // storage/unauthorized and friends speak of the same situations as Firestore's codes.
  const bare = code
    .replace(/^functions\//, '')
    .replace(/^storage\/unauthorized$/, 'permission-denied')
    .replace(/^storage\/unauthenticated$/, 'unauthenticated')
    .replace(/^storage\/object-not-found$/, 'not-found');

  if (code.startsWith('functions/') && domainCodes.includes(bare)) {
    // A callable refusing with a DomainError already phrased its message for people.
    const message = error instanceof Error && error.message ? error.message : undefined;
    if (message) return new DomainError(bare as DomainErrorCode, message);
  }

  const [domainCode, message] = serviceErrors[bare] ?? fallback;
  return new DomainError(domainCode, context?.[domainCode] ?? message);
}
