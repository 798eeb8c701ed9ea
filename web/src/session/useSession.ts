import { useBackend } from '../backend/BackendContext';
import type { Session } from '../backend/port';
import { useRealtimeQuery } from '../realtime/useRealtimeQuery';

/** Who is signed in in this tab, live: a role changed by an admin shows without reload. */
export function useSession() {
  const backend = useBackend();
  return useRealtimeQuery<Session | null>(['session'], (onData) => backend.subscribeSession(onData));
}

/** For pages that only render when signed in (the router guarantees it). */
export function useSignedInSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('This page needs a signed-in user.');
  return data;
}
