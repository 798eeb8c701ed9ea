import type { CannedReply } from '@domain';
import { useBackend } from '../../backend/BackendContext';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSession } from '../../session/useSession';

/** The desk's canned replies, by title, live: for the composer's picker and the admins' page. */
export function useCannedReplies(options: { enabled?: boolean } = {}) {
  const backend = useBackend();
  const uid = useSession().data?.uid;
  return useRealtimeQuery<CannedReply[]>(
    queryKeys.cannedReplies(uid),
    (onData, onError) => backend.subscribeCannedReplies(onData, onError),
    { enabled: (options.enabled ?? true) && uid !== undefined },
  );
}
