import type { DemoAccount, Session, SignInProvider, SupportBackend, Unsubscribe } from './port';

/** What a backend needs before anyone is signed in, and how to load the rest. */
export interface DeferredBackendParts {
  readonly kind: SupportBackend['kind'];
  readonly demoAccounts: readonly DemoAccount[];
  readonly signInProviders: readonly SignInProvider[];
  /**
   * Whether someone is signed in, known without the whole backend (a session kept by the
   * tab, a sign-in Firebase Auth restores); called again when that changes.
   */
  readonly watchSignedIn: (onChange: (signedIn: boolean) => void) => Unsubscribe;
  /** Loads and opens the whole backend; called at most once. */
  readonly load: () => Promise<SupportBackend>;
}

/**
 * A SupportBackend whose bulk (Firestore, Storage and Functions; or IndexedDB with the local
 * rules and triggers) loads only once someone is signed in or signs in, so the sign-in page
 * carries none of it. Until then it answers the session itself: signed out, or "wait" while
 * the rest loads for a signed-in user. Everything else is the loaded backend's, and is only
 * ever called with a session, which only the loaded backend publishes.
 */
export function deferredBackend(parts: DeferredBackendParts): SupportBackend {
  let loaded: SupportBackend | undefined;
  let loading: Promise<SupportBackend> | undefined;
  let current: Session | null | undefined;
  const listeners = new Set<(session: Session | null) => void>();
  const publish = (session: Session | null) => {
    current = session;
    for (const listener of [...listeners]) listener(session);
  };

  let stopWatching: Unsubscribe = () => {};
  const load = (): Promise<SupportBackend> =>
    (loading ??= parts.load().then((backend) => {
      loaded = backend;
      // From now on the loaded backend is the one source of the session.
      stopWatching();
      backend.subscribeSession(publish);
      return backend;
    }));
  stopWatching = parts.watchSignedIn((signedIn) => {
    if (signedIn) load().catch((error: unknown) => console.error('The backend could not be loaded.', error));
    else if (!loaded) publish(null);
  });

  // What the signed-out pages (sign-in, reset, verification, demo mailbox) call: each loads the rest first.
  const own: Pick<
    SupportBackend,
    | 'kind'
    | 'demoAccounts'
    | 'subscribeSession'
    | 'signIn'
    | 'signUp'
    | 'switchAccount'
    | 'signOut'
    | 'signInProviders'
    | 'signInWith'
    | 'sendPasswordReset'
    | 'confirmPasswordReset'
    | 'confirmEmail'
    | 'sessionEndReason'
    | 'subscribeDemoMailbox'
  > = {
    kind: parts.kind,
    demoAccounts: parts.demoAccounts,
    signInProviders: parts.signInProviders,
    signInWith: async (provider) => (await load()).signInWith(provider),
    sendPasswordReset: async (email) => (await load()).sendPasswordReset(email),
    confirmPasswordReset: async (code, password) => (await load()).confirmPasswordReset(code, password),
    confirmEmail: async (code) => (await load()).confirmEmail(code),
    sessionEndReason: () => loaded?.sessionEndReason() ?? null,
    subscribeDemoMailbox(onData) {
      let stop: Unsubscribe | undefined;
      let stopped = false;
      load().then(
        (backend) => {
          if (!stopped) stop = backend.subscribeDemoMailbox(onData);
        },
        (error: unknown) => console.error('The backend could not be loaded.', error),
      );
      return () => {
        stopped = true;
        stop?.();
      };
    },
    subscribeSession(onChange) {
      listeners.add(onChange);
      if (current !== undefined) onChange(current);
      return () => void listeners.delete(onChange);
    },
    signIn: async (input) => (await load()).signIn(input),
    signUp: async (input) => (await load()).signUp(input),
    switchAccount: async (uid) => (await load()).switchAccount(uid),
    signOut: async () => loaded?.signOut(),
  };
  return new Proxy(own as SupportBackend, {
    get(target, property, receiver) {
      if (property in target) return Reflect.get(target, property, receiver);
      if (!loaded) throw new Error(`The backend is not loaded yet: ${String(property)} needs a signed-in user.`);
      const value: unknown = Reflect.get(loaded, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(loaded) : value;
    },
  });
}
