import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useRealtimeQuery, type Subscribe } from './useRealtimeQuery';

/** A live source the test pushes snapshots and errors into, counting its listeners. */
function liveSource<T>() {
  const listeners: { onData: (value: T) => void; onError: (error: Error) => void; active: boolean }[] = [];
  const subscribe: Subscribe<T> = (onData, onError) => {
    const listener = { onData, onError, active: true };
    listeners.push(listener);
    return () => {
      listener.active = false;
    };
  };
  const active = () => listeners.filter((listener) => listener.active);
  return {
    subscribe,
    active,
    started: () => listeners.length,
    push: (value: T) => act(() => active().forEach((listener) => listener.onData(value))),
    fail: (error: Error) => act(() => active().forEach((listener) => listener.onError(error))),
  };
}

function withClient() {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return { queryClient, wrapper };
}

describe('useRealtimeQuery', () => {
  it('is loading until the first snapshot, which fulfils the query', async () => {
    const source = liveSource<string[]>();
    const { wrapper } = withClient();
    const { result } = renderHook(() => useRealtimeQuery(['tickets'], source.subscribe), { wrapper });
    expect(result.current.isPending).toBe(true);
    await waitFor(() => expect(source.active()).toHaveLength(1));
    source.push(['#1']);
    await waitFor(() => expect(result.current.data).toEqual(['#1']));
  });

  it('later snapshots update the data without a refetch', async () => {
    const source = liveSource<string[]>();
    const { wrapper } = withClient();
    const { result } = renderHook(() => useRealtimeQuery(['tickets'], source.subscribe), { wrapper });
    await waitFor(() => expect(source.active()).toHaveLength(1));
    source.push(['#1']);
    await waitFor(() => expect(result.current.data).toEqual(['#1']));
    source.push(['#1', '#2']);
    await waitFor(() => expect(result.current.data).toEqual(['#1', '#2']));
    expect(source.started()).toBe(1);
  });

  it('a snapshot keeps what it did not change, Dates included, so memoised rows stay as they are', async () => {
    type Message = { id: string; text: string; createdAt: Date };
    const source = liveSource<Message[]>();
    const { wrapper } = withClient();
    const { result } = renderHook(() => useRealtimeQuery(['chat'], source.subscribe), { wrapper });
    await waitFor(() => expect(source.active()).toHaveLength(1));
    source.push([{ id: 'a', text: 'Hello', createdAt: new Date(1000) }]);
    await waitFor(() => expect(result.current.data).toHaveLength(1));
    const [first] = result.current.data ?? [];
    // Firestore hands back fresh objects and Dates with every snapshot.
    source.push([
      { id: 'a', text: 'Hello', createdAt: new Date(1000) },
      { id: 'b', text: 'Hi', createdAt: new Date(2000) },
    ]);
    await waitFor(() => expect(result.current.data).toHaveLength(2));
    expect(result.current.data?.[0]).toBe(first);
    source.push([
      { id: 'a', text: 'Hello', createdAt: new Date(1500) },
      { id: 'b', text: 'Hi', createdAt: new Date(2000) },
    ]);
    await waitFor(() => expect(result.current.data?.[0]?.createdAt).toEqual(new Date(1500)));
    expect(result.current.data?.[0]).not.toBe(first);
  });

  it('two components showing one key share one listener', async () => {
    const source = liveSource<number>();
    const { wrapper } = withClient();
    const both = renderHook(
      () => [useRealtimeQuery(['count'], source.subscribe), useRealtimeQuery(['count'], source.subscribe)] as const,
      { wrapper },
    );
    await waitFor(() => expect(source.active()).toHaveLength(1));
    source.push(3);
    await waitFor(() => expect(both.result.current.map((query) => query.data)).toEqual([3, 3]));
    expect(source.started()).toBe(1);
  });

  it('stops listening when the query leaves the cache', async () => {
    const source = liveSource<number>();
    const { queryClient, wrapper } = withClient();
    const { unmount } = renderHook(() => useRealtimeQuery(['count'], source.subscribe), { wrapper });
    await waitFor(() => expect(source.active()).toHaveLength(1));
    source.push(1);
    unmount();
    // No component uses it any more; gcTime would remove it later, removal is what counts.
    queryClient.removeQueries({ queryKey: ['count'] });
    expect(source.active()).toHaveLength(0);
  });

  it('an error before the first snapshot surfaces as the query error', async () => {
    const source = liveSource<number>();
    const { wrapper } = withClient();
    const { result } = renderHook(() => useRealtimeQuery(['count'], source.subscribe), { wrapper });
    await waitFor(() => expect(source.active()).toHaveLength(1));
    source.fail(Object.assign(new Error('The backend is unreachable.'), { code: 'unavailable' }));
    await waitFor(() => expect(result.current.error?.message).toBe('The backend is unreachable.'));
    expect(source.active()).toHaveLength(0);
  });

  it('a listener that fails later is started again and its data keeps flowing', async () => {
    const source = liveSource<number>();
    const { wrapper } = withClient();
    const { result } = renderHook(() => useRealtimeQuery(['count'], source.subscribe), { wrapper });
    await waitFor(() => expect(source.active()).toHaveLength(1));
    source.push(1);
    await waitFor(() => expect(result.current.data).toBe(1));
    source.fail(new Error('Listener dropped.'));
    await waitFor(() => expect(source.started()).toBe(2));
    expect(source.active()).toHaveLength(1);
    source.push(2);
    await waitFor(() => expect(result.current.data).toBe(2));
  });
});
