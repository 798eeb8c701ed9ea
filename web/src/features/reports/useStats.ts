import type { StatsRange, StatsView } from '@domain';
import { useBackend } from '../../backend/BackendContext';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSession } from '../../session/useSession';

/** The reports' stats documents of a range, live: the page changes as tickets come and go. */
export function useStats(range: StatsRange) {
  const backend = useBackend();
  const uid = useSession().data?.uid;
  return useRealtimeQuery<StatsView>(
    queryKeys.stats(uid, range),
    (onData, onError) => backend.subscribeStats(range, onData, onError),
    { enabled: uid !== undefined },
  );
}
