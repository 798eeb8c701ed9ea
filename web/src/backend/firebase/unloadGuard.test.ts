import { describe, expect, it } from 'vitest';
import { createUnloadGuard } from './unloadGuard';

/** What the browser does before unloading: asks the page, which may ask the person first. */
function leavingAsksFirst(page: EventTarget): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  page.dispatchEvent(event);
  return event.defaultPrevented;
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('leaving the page while a write is not yet stored', () => {
  it('asks first until every write is stored, stored or refused alike, then lets the page go', async () => {
    const page = new EventTarget();
    const guard = createUnloadGuard(page);
    const first = deferred();
    const second = deferred();
    expect(leavingAsksFirst(page)).toBe(false);

    guard(first.promise);
    guard(second.promise);
    expect(leavingAsksFirst(page)).toBe(true);

    first.resolve();
    await first.promise;
    await Promise.resolve();
    expect(leavingAsksFirst(page)).toBe(true);

    second.reject(new Error('the cache could not be read'));
    await expect.poll(() => leavingAsksFirst(page)).toBe(false);
  });

  it('does nothing where there is no page (Node)', () => {
    expect(() => createUnloadGuard(undefined)(Promise.resolve())).not.toThrow();
  });
});
