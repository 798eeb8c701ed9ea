import type { AppNotification } from '@domain';
import { useMemo } from 'react';
import { useBackend } from '../../backend/BackendContext';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSession } from '../../session/useSession';

/** The signed-in user's newest notifications, live, newest first. */
export function useNotifications() {
  const backend = useBackend();
  const uid = useSession().data?.uid;
  const query = useRealtimeQuery<AppNotification[]>(
    queryKeys.notifications(uid),
    (onData, onError) => backend.subscribeNotifications(onData, onError),
    { enabled: uid !== undefined },
  );
  const items = useMemo(
    () => query.data && [...query.data].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
    [query.data],
  );
  return { uid, items, isPending: query.isPending, isError: query.isError, error: query.error };
}
