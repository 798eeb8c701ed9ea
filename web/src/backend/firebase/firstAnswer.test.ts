import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverFirst } from './firstAnswer';

const fromCache = (name: string) => ({ name, metadata: { fromCache: true } });
const fromServer = (name: string) => ({ name, metadata: { fromCache: false } });
type Snap = ReturnType<typeof fromCache>;

describe('serverFirst', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function listener(offline = false) {
    const seen: string[] = [];
    const gate = serverFirst<Snap>((s) => seen.push(s.name), () => offline, 1000);
    return { seen, gate };
  }

  it('holds a first answer from the cache while online, and shows the server answer instead', () => {
    const { seen, gate } = listener();
    gate.next(fromCache('cached'));
    expect(seen).toEqual([]);
    gate.next(fromServer('server'));
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['server']);
  });

  it('shows the latest cached answer when the server does not answer in time', () => {
    const { seen, gate } = listener();
    gate.next(fromCache('cached-1'));
    gate.next(fromCache('cached-2'));
    vi.advanceTimersByTime(999);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['cached-2']);
    gate.next(fromServer('server'));
    expect(seen).toEqual(['cached-2', 'server']);
  });

  it('shows cached answers at once offline, and every answer after the first', () => {
    const offline = listener(true);
    offline.gate.next(fromCache('cached'));
    expect(offline.seen).toEqual(['cached']);

    const online = listener();
    online.gate.next(fromServer('server'));
    online.gate.next(fromCache('cached-later'));
    expect(online.seen).toEqual(['server', 'cached-later']);
  });

  it('stop drops a held answer', () => {
    const { seen, gate } = listener();
    gate.next(fromCache('cached'));
    gate.stop();
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual([]);
  });
});
