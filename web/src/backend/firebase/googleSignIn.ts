import {
  GoogleAuthProvider,
  browserPopupRedirectResolver,
  getRedirectResult,
  signInWithPopup,
  signInWithRedirect,
  type Auth,
  type UserCredential,
} from 'firebase/auth';
import { redirectPending } from '../redirectPending';

/*
 * Sign-in with Google, in a chunk of its own: the popup and redirect resolver is loaded only
 * when someone presses the button (or comes back from Google's page), never with the app.
 */

/** Phones: a popup is a new tab there, which people lose; the whole page goes to Google instead. */
function prefersRedirect(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(pointer: coarse) and (max-width: 48em)').matches;
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

async function redirect(auth: Auth, provider: GoogleAuthProvider, beforeRedirect: () => void): Promise<null> {
  beforeRedirect();
  redirectPending.set();
  await signInWithRedirect(auth, provider, browserPopupRedirectResolver);
  return null;
}

/**
 * A popup on a computer, a redirect on a phone (and wherever a popup is blocked). Resolves
 * with the credential after a popup; after a redirect the page leaves, and the next start
 * reads the result (redirectResult).
 */
export async function signInWithGoogle(auth: Auth, beforeRedirect: () => void): Promise<UserCredential | null> {
  const provider = new GoogleAuthProvider();
  provider.setCustomParameters({ prompt: 'select_account' });
  if (prefersRedirect()) return redirect(auth, provider, beforeRedirect);
  try {
    return await signInWithPopup(auth, provider, browserPopupRedirectResolver);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'auth/popup-blocked' || code === 'auth/operation-not-supported-in-this-environment') {
      return redirect(auth, provider, beforeRedirect);
    }
    throw error;
  }
}

/** The result of a redirect this tab started, once (null when none was pending or it was cancelled). */
export async function redirectResult(auth: Auth): Promise<UserCredential | null> {
  if (!redirectPending.read()) return null;
  redirectPending.clear();
  return getRedirectResult(auth, browserPopupRedirectResolver);
}
