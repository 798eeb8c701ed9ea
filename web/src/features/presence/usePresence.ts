import { PRESENCE_HEARTBEAT_MS, livePresence, type PresenceActivity, type PresenceDoc } from '@domain';
import { useEffect, useMemo, useState } from 'react';
import { useBackend } from '../../backend/BackendContext';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSession } from '../../session/useSession';

/** How often readers look again at the entries they hold: an entry past its expiry drops out within this. */
const EXPIRY_CHECK_MS = 5_000;

/** The time now, moving every `everyMs`: what readers measure the expiry against. */
function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * Presence is a courtesy to the others: a write refused (or refused at once, as after the
 * session ended, when the page leaves) is dropped, and the entry expires on its own.
 */
function bestEffort(write: () => Promise<unknown>): void {
  try {
    write().catch(() => {});
  } catch {
    // signed out already: nothing to say
  }
}

/**
 * This staff member's presence on a ticket: a heartbeat at once, on every change of what
 * they do, and every PRESENCE_HEARTBEAT_MS while the tab is on screen; the entry goes when
 * they leave the page (a tab that cannot say so expires).
 */
export function useOwnPresence(ticketId: string, activity: PresenceActivity, enabled: boolean) {
  const backend = useBackend();
  useEffect(() => {
    if (!enabled) return;
    const beat = () => {
      if (document.visibilityState === 'visible') bestEffort(() => backend.beatPresence(ticketId, activity).committed);
    };
    beat();
    const timer = setInterval(beat, PRESENCE_HEARTBEAT_MS);
    document.addEventListener('visibilitychange', beat);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', beat);
    };
  }, [backend, ticketId, activity, enabled]);
  useEffect(() => {
    if (!enabled) return;
    return () => bestEffort(() => backend.leavePresence(ticketId).committed);
  }, [backend, ticketId, enabled]);
}

/** The other staff on a ticket now (expired entries left out), live. */
export function useOthersOnTicket(ticketId: string, enabled: boolean): PresenceDoc[] {
  const backend = useBackend();
  const uid = useSession().data?.uid ?? '';
  const entries = useRealtimeQuery<PresenceDoc[]>(
    queryKeys.presence(uid, ticketId),
    (onData, onError) => backend.subscribePresence(ticketId, onData, onError),
    { enabled: enabled && uid !== '' },
  );
  const now = useNow(EXPIRY_CHECK_MS);
  return useMemo(() => livePresence(entries.data ?? [], now).filter((entry) => entry.uid !== uid), [entries.data, now, uid]);
}

/** For the queue: ticket id -> the names of the other staff on it now. */
export function useViewersByTicket(enabled: boolean): ReadonlyMap<string, string[]> {
  const backend = useBackend();
  const uid = useSession().data?.uid;
  const entries = useRealtimeQuery<PresenceDoc[]>(
    queryKeys.allPresence(uid),
    (onData, onError) => backend.subscribeAllPresence(onData, onError),
    { enabled: enabled && uid !== undefined },
  );
  const now = useNow(EXPIRY_CHECK_MS);
  return useMemo(() => {
    const byTicket = new Map<string, string[]>();
    for (const entry of livePresence(entries.data ?? [], now)) {
      if (entry.uid === uid) continue;
      byTicket.set(entry.ticketId, [...(byTicket.get(entry.ticketId) ?? []), entry.displayName]);
    }
    return byTicket;
  }, [entries.data, now, uid]);
}
