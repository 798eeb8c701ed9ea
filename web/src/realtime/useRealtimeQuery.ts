import {
  hashKey,
  keepPreviousData,
  useQuery,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type { OnError, Unsubscribe } from '../backend/port';
import { keepEqual } from './keepEqual';

export type Subscribe<T> = (onData: (value: T) => void, onError: OnError) => Unsubscribe;

/** One live listener per query key and client, however many components show that key. */
const listenersByClient = new WeakMap<QueryClient, Map<string, Unsubscribe>>();

function listenersOf(queryClient: QueryClient): Map<string, Unsubscribe> {
  let listeners = listenersByClient.get(queryClient);
  if (!listeners) {
    const created = new Map<string, Unsubscribe>();
    // When a query leaves the cache (no component used it for gcTime), stop its listener.
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'removed') return;
      created.get(event.query.queryHash)?.();
      created.delete(event.query.queryHash);
    });
    listenersByClient.set(queryClient, created);
    listeners = created;
  }
  return listeners;
}

/**
 * Starts (or restarts) the key's listener. The first snapshot fulfils the query; every later
 * snapshot goes straight into the cache with setQueryData, so the UI never needs a refetch.
 */
function listen<T>(queryClient: QueryClient, queryKey: QueryKey, subscribe: Subscribe<T>): Promise<T> {
  const listeners = listenersOf(queryClient);
  const hash = hashKey(queryKey);
  listeners.get(hash)?.();
  return new Promise<T>((resolve, reject) => {
    let first = true;
    const unsubscribe = subscribe(
      (value) => {
        if (first) {
          first = false;
          resolve(value);
        } else {
          queryClient.setQueryData(queryKey, value);
        }
      },
      (error) => {
        listeners.get(hash)?.();
        listeners.delete(hash);
        if (first) {
          first = false;
          reject(error);
        } else {
          // A listener that fails later (e.g. access revoked) restarts and reports its error.
          void queryClient.invalidateQueries({ queryKey, exact: true });
        }
      },
    );
    listeners.set(hash, unsubscribe);
  });
}

/**
 * TanStack Query fed by a realtime subscription (a Firestore listener or a local liveQuery).
 * staleTime Infinity and no refetch on focus or reconnect: the listener keeps it fresh.
 */
export function useRealtimeQuery<T>(
  queryKey: QueryKey,
  subscribe: Subscribe<T>,
  options: { enabled?: boolean; keepPreviousWhileLoading?: boolean } = {},
) {
  const queryClient = useQueryClient();
  return useQuery<T, Error>({
    queryKey,
    queryFn: () => listen(queryClient, queryKey, subscribe),
    staleTime: Infinity,
    gcTime: 30_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
    // A listener refused at first may be racing a write that creates what it reads (a chat
    // opened on a ticket the server does not have yet): try again, briefly.
    retry: (failures, error) => failures < 1 && (error as { code?: string }).code === 'permission-denied',
    retryDelay: 1000,
    enabled: options.enabled ?? true,
    // E.g. the chat loading an older page: keep showing what is there, not a spinner.
    placeholderData: options.keepPreviousWhileLoading ? keepPreviousData : undefined,
    // Every snapshot is a new value; what it left unchanged keeps its identity (Dates too).
    structuralSharing: keepEqual,
  });
}
