import type { UserProfile } from '@domain';
import { useBackend } from '../../backend/BackendContext';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSession } from '../../session/useSession';

/** Agents and admins, live: for assignee names, pickers and filters. */
export function useStaff(options: { enabled?: boolean } = {}) {
  const backend = useBackend();
  const uid = useSession().data?.uid;
  return useRealtimeQuery<UserProfile[]>(
    queryKeys.staff(uid),
    (onData, onError) => backend.subscribeStaff(onData, onError),
    { enabled: (options.enabled ?? true) && uid !== undefined },
  );
}

