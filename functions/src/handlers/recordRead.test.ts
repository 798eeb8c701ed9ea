import { describe, expect, it } from 'vitest';
import { ticketDocSchema } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { recordRead } from './recordRead.js';
import { CUSTOMER, givenTicket, givenUser } from './testSupport.js';

const at = (minutes: number) => new Date(Date.UTC(2024, 4, 1, 10, minutes));

function desk(): MemoryStore {
  const store = new MemoryStore();
  givenUser(store, 'agent-a', 'agent');
  givenUser(store, 'admin-1', 'admin');
  givenUser(store, CUSTOMER.uid, 'customer');
  givenTicket(store, 't1', { number: 1 });
  return store;
}

function read(store: MemoryStore, uid: string, lastReadAt: Date): Promise<void> {
  store.write(`tickets/t1/reads/${uid}`, { uid, ticketId: 't1', lastReadAt });
  return recordRead(store, 't1', uid);
}
const seen = (store: MemoryStore) => ticketDocSchema.parse(store.read('tickets/t1')).staffLastReadAt;

describe('recordRead', () => {
  it("staff opening the chat shows the customer 'Seen' at that time", async () => {
    const store = desk();
    await read(store, 'agent-a', at(5));
    expect(seen(store)).toEqual(at(5));
    await read(store, 'admin-1', at(9));
    expect(seen(store)).toEqual(at(9));
  });

  it("the customer's own reading changes nothing", async () => {
    const store = desk();
    await read(store, CUSTOMER.uid, at(5));
    expect(seen(store)).toBeNull();
  });

  it('never goes back to an earlier time', async () => {
    const store = desk();
    await read(store, 'admin-1', at(9));
    await read(store, 'agent-a', at(5));
    expect(seen(store)).toEqual(at(9));
  });

  it('running twice writes nothing the second time; a missing marker or reader changes nothing', async () => {
    const store = desk();
    await read(store, 'agent-a', at(5));
    const writes = store.writeCount;
    await recordRead(store, 't1', 'agent-a');
    await recordRead(store, 't1', 'admin-1');
    await recordRead(store, 't1', 'ghost');
    expect(store.writeCount).toBe(writes);
  });

  it('leaves a ticket an edit has broken alone, without failing', async () => {
    const store = desk();
    store.write('tickets/t1', { ...store.read('tickets/t1'), status: 'done' });
    await read(store, 'agent-a', at(30));
    expect(store.read('tickets/t1')?.staffLastReadAt).toBeNull();
  });
});
