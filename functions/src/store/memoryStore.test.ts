import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memoryStore.js';
import { TransactionConflict } from './port.js';

describe('MemoryStore transactions', () => {
  it('re-runs a transaction whose read document changed meanwhile, and commits the re-run', async () => {
    const store = new MemoryStore();
    store.write('counters/x', { n: 0 });
    let attempts = 0;
    const seen = await store.runTransaction(async (tx) => {
      attempts += 1;
      const doc = await tx.get('counters/x');
      const n = (doc?.n as number | undefined) ?? 0;
      // Someone else writes between this read and the commit, on the first attempt only.
      if (attempts === 1) store.write('counters/x', { n: 10 });
      tx.set('counters/x', { n: n + 1 });
      return n;
    });
    expect(attempts).toBe(2);
    expect(seen).toBe(10);
    expect(store.read('counters/x')).toEqual({ n: 11 });
  });

  it('re-runs when a document read as missing was created meanwhile', async () => {
    const store = new MemoryStore();
    let attempts = 0;
    await store.runTransaction(async (tx) => {
      attempts += 1;
      const doc = await tx.get('a/1');
      if (attempts === 1) store.write('a/1', { v: 'other' });
      tx.set('a/1', { v: doc ? 'seen' : 'created' });
    });
    expect(attempts).toBe(2);
    expect(store.read('a/1')).toEqual({ v: 'seen' });
  });

  it('runs once when nothing it read changed, even if other documents did', async () => {
    const store = new MemoryStore();
    store.write('a/1', { v: 1 });
    let attempts = 0;
    await store.runTransaction(async (tx) => {
      attempts += 1;
      await tx.get('a/1');
      store.write('a/2', { v: 2 });
      tx.update('a/1', { w: true });
    });
    expect(attempts).toBe(1);
    expect(store.read('a/1')).toEqual({ v: 1, w: true });
  });

  it('discards the writes of a conflicted attempt', async () => {
    const store = new MemoryStore();
    store.write('a/1', { v: 0 });
    let attempts = 0;
    await store.runTransaction(async (tx) => {
      attempts += 1;
      await tx.get('a/1');
      if (attempts === 1) {
        store.write('a/1', { v: 5 });
        tx.set('b/1', { from: 'first attempt' });
      }
    });
    expect(attempts).toBe(2);
    expect(store.read('b/1')).toBeUndefined();
  });

  it('concurrent read-modify-write increments lose no update', async () => {
    const store = new MemoryStore();
    store.write('c/1', { n: 0 });
    await Promise.all(
      Array.from({ length: 25 }, () =>
        store.runTransaction(async (tx) => {
          const doc = await tx.get('c/1');
          // Let the other transactions read before this one commits.
          await new Promise((resolve) => setTimeout(resolve, 0));
          tx.set('c/1', { n: ((doc?.n as number | undefined) ?? 0) + 1 });
        }),
      ),
    );
    expect(store.read('c/1')).toEqual({ n: 25 });
  });

  it('gives up with TransactionConflict when the document keeps changing', async () => {
    const store = new MemoryStore();
    store.write('a/1', { v: 0 });
    let attempts = 0;
    const run = store.runTransaction(async (tx) => {
      attempts += 1;
      await tx.get('a/1');
      store.write('a/1', { v: attempts });
    });
    await expect(run).rejects.toBeInstanceOf(TransactionConflict);
    expect(attempts).toBeGreaterThan(1);
  });

  it('refuses a read after a write, as Firestore does', async () => {
    const store = new MemoryStore();
    await expect(
      store.runTransaction(async (tx) => {
        tx.set('a/1', { v: 1 });
        await tx.get('a/2');
      }),
    ).rejects.toThrow('Transactions must read before they write.');
    expect(store.read('a/1')).toBeUndefined();
  });

  it('hands out copies: changing what was read changes nothing stored', async () => {
    const store = new MemoryStore();
    store.write('a/1', { list: [1] });
    const copy = store.read('a/1');
    (copy?.list as number[]).push(2);
    expect(store.read('a/1')).toEqual({ list: [1] });
    expect(store.list('a')).toEqual([{ id: '1', data: { list: [1] } }]);
  });
});
