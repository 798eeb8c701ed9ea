import { rateLimits, type RateLimits } from '@domain';
import { demoAccounts } from './demoAccounts';
import { deferredBackend } from './deferredBackend';
import type { SupportBackend } from './port';
import { redirectPending } from './redirectPending';
import { browserSessionSlot, tabSessionSlot } from './local/sessionSlot';

/**
 * Picks the adapter for this build: the local backend unless VITE_BACKEND=firebase (read
 * from import.meta.env itself, so each build leaves the other adapter out). Either loads its
 * bulk only once someone is signed in (see deferredBackend), so the sign-in page carries no
 * backend at all: the local backend knows from the tab's stored session, the Firebase one
 * from a hint it keeps beside Auth's own persistence.
 */
export function createBackend({ whileSignedInLoads = () => {} }: StartOptions = {}): SupportBackend {
  const limits = raisedRateLimits(import.meta.env.VITE_BENCH_RATE_LIMIT);
  return import.meta.env.VITE_BACKEND === 'firebase' ? firebaseBackend(limits, whileSignedInLoads) : localBackend(limits, whileSignedInLoads);
}

export interface StartOptions {
  /**
   * Called at once when someone is probably signed in: what the signed-in first screen
   * needs besides the backend can load beside it instead of after it.
   */
  readonly whileSignedInLoads?: () => void;
}

/**
 * The bench builds set VITE_BENCH_RATE_LIMIT (web/.env.bench*): their 200-message chats
 * measure delivery, not the desk's cap, so both windows take that many (and tests/bench gives
 * firestore.rules the same caps for its emulator run). Every other build: the desk's limits.
 */
function raisedRateLimits(cap: string | undefined): RateLimits | undefined {
  if (!cap) return undefined;
  const max = Number(cap);
  return { tickets: { ...rateLimits.tickets, max }, messages: { ...rateLimits.messages, max } };
}

function firebaseBackend(limits: RateLimits | undefined, whileSignedInLoads: () => void): SupportBackend {
  // Who was signed in when this browser last ran the app. Without it, Auth (and all of
  // Firebase) waits for a sign-in; with it, Auth restores the sign-in and says the truth.
  const signedInHint = browserSessionSlot('support-desk.firebase-signed-in');
  const loadAuth = async () => {
    const firebase = await import('./firebase/firebaseApp');
    const env = import.meta.env as unknown as Record<string, string | undefined>;
    const options = { ...firebase.firebaseOptionsFromEnv(env), cache: 'persistent' as const };
    return { firebase, options, core: firebase.createFirebaseAuth(options) };
  };
  let auth: ReturnType<typeof loadAuth> | undefined;
  const authOnce = () => (auth ??= loadAuth());
  const dataModules = () => Promise.all([import('./firebase/firebaseDataServices'), import('./firebase/firebaseBackend')]);
  if (redirectPending.read() || signedInHint.read() !== null) {
    // Firestore and the signed-in app download while Auth restores the sign-in.
    void authOnce();
    dataModules().catch(() => {}); // load() below reports it
    whileSignedInLoads();
  }
  return deferredBackend({
    kind: 'firebase',
    demoAccounts: [],
    signInProviders: ['google'],
    watchSignedIn: (onChange) => {
      // Back from Google's sign-in page: load it all, which reads the result.
      if (redirectPending.read()) {
        onChange(true);
        return () => {};
      }
      if (signedInHint.read() === null) {
        onChange(false);
        return () => {};
      }
      let stop: (() => void) | undefined;
      let stopped = false;
      void authOnce().then(({ firebase, core }) => {
        if (!stopped) stop = firebase.watchSignedIn(core.auth, onChange);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    load: async () => {
      const [{ options, core }, [{ createFirebaseDataServices }, { createFirebaseBackend }]] = await Promise.all([authOnce(), dataModules()]);
      const backend = createFirebaseBackend({ ...core, ...createFirebaseDataServices(core.app, options) }, limits, {
        // The page leaves for Google's: when it comes back, Auth is restored from the start.
        beforeRedirect: () => signedInHint.write('redirect'),
      });
      backend.subscribeSession((session) => signedInHint.write(session?.uid ?? null));
      return backend;
    },
  });
}

function localBackend(limits: RateLimits | undefined, whileSignedInLoads: () => void): SupportBackend {
  const sessionSlot = tabSessionSlot();
  if (sessionSlot.read() !== null) whileSignedInLoads();
  return deferredBackend({
    kind: 'local',
    demoAccounts,
    signInProviders: [],
    watchSignedIn: (onChange) => {
      onChange(sessionSlot.read() !== null);
      return () => {};
    },
    load: async () => {
      const { LocalBackend } = await import('./local/localBackend');
      const backend = new LocalBackend({ databaseName: 'support-desk', sessionSlot, rateLimits: limits });
      await backend.ready;
      return backend;
    },
  });
}
