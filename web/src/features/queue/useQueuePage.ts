import { useBackend } from '../../backend/BackendContext';
import type { QueuePage, QueueQuery } from '../../backend/port';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSession } from '../../session/useSession';

/**
 * One live page of the queue. The key holds the viewer (an "Assigned to me" page differs per
 * user) and the whole query, so every component asking for the same page shares a listener.
 */
export function useQueuePage(query: QueueQuery, options: { enabled?: boolean } = {}) {
  const backend = useBackend();
  const uid = useSession().data?.uid;
  return useRealtimeQuery<QueuePage>(
    queryKeys.queue(uid, query),
    (onData, onError) => backend.subscribeQueue(query, onData, onError),
    { enabled: (options.enabled ?? true) && uid !== undefined },
  );
}
