import { useSyncExternalStore } from 'react';
import { useBackend } from '../backend/BackendContext';
import type { Session, SupportBackend } from '../backend/port';

interface SessionStore {
  readonly current: () => Session | null | undefined;
  readonly subscribe: (onChange: () => void) => () => void;
}

/**
 * One follower of each backend's session, shared by every component. A plain external store
 * rather than a query: the sign-in page needs the session and nothing else, so it does not
 * load TanStack Query (the signed-in app does).
 */
const stores = new WeakMap<SupportBackend, SessionStore>();

function sessionStoreOf(backend: SupportBackend): SessionStore {
  let store = stores.get(backend);
  if (!store) {
    let current: Session | null | undefined;
    const listeners = new Set<() => void>();
    backend.subscribeSession((session) => {
      current = session;
      for (const listener of [...listeners]) listener();
    });
    store = {
      current: () => current,
      subscribe: (onChange) => {
        listeners.add(onChange);
        return () => void listeners.delete(onChange);
      },
    };
    stores.set(backend, store);
  }
  return store;
}

/**
 * Who is signed in in this tab, live: a role changed by an admin shows without reload.
 * `data` is undefined (and `isPending` true) until the backend knows.
 */
export function useSession(): { data: Session | null | undefined; isPending: boolean } {
  const store = sessionStoreOf(useBackend());
  const data = useSyncExternalStore(store.subscribe, store.current);
  return { data, isPending: data === undefined };
}

/** For pages that only render when signed in (the router guarantees it). */
export function useSignedInSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('This page needs a signed-in user.');
  return data;
}
