import { describe, expect, it } from 'vitest';
import { newTicketDoc, ticketDocSchema, type NewTicketInput } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { TICKET_COUNTER_PATH, allocateTicketNumber } from './allocateTicketNumber.js';

const input: NewTicketInput = {
  title: 'Invoice is wrong',
  description: 'The amount does not match my plan.',
  category: 'billing',
  priority: 'medium',
};

function seed(store: MemoryStore, count: number): string[] {
  const ids = Array.from({ length: count }, (_, i) => `ticket-${String(i).padStart(3, '0')}`);
  for (const [i, id] of ids.entries()) {
    const doc = newTicketDoc(input, { uid: `cust-${i % 7}`, displayName: 'Cust' }, new Date(2024, 0, 1, 0, i));
    expect(doc.number).toBeNull();
    store.write(`tickets/${id}`, doc);
  }
  return ids;
}

const storedNumber = (store: MemoryStore, id: string) =>
  ticketDocSchema.parse(store.read(`tickets/${id}`)).number;

describe('allocateTicketNumber', () => {
  it('gives 100 tickets created at once the numbers 1..100: none missing, none repeated', async () => {
    const store = new MemoryStore();
    const ids = seed(store, 100);

    const numbers = await Promise.all(ids.map((id) => allocateTicketNumber(store, id)));

    const expected = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([...numbers].sort((a, b) => a - b)).toEqual(expected);
    const stored = ids.map((id) => storedNumber(store, id));
    expect(stored).toEqual(numbers);
    expect([...stored].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(expected);
    expect(new Set(stored).size).toBe(100);
    expect(store.read(TICKET_COUNTER_PATH)).toEqual({ last: 100 });
  });

  it('numbers tickets one after another, starting at 1', async () => {
    const store = new MemoryStore();
    const [a, b] = seed(store, 2);
    expect(await allocateTicketNumber(store, a ?? '')).toBe(1);
    expect(await allocateTicketNumber(store, b ?? '')).toBe(2);
    expect(store.read(TICKET_COUNTER_PATH)).toEqual({ last: 2 });
  });

  it('continues from an existing counter', async () => {
    const store = new MemoryStore();
    store.write(TICKET_COUNTER_PATH, { last: 41 });
    const [id] = seed(store, 1);
    expect(await allocateTicketNumber(store, id ?? '')).toBe(42);
    expect(storedNumber(store, id ?? '')).toBe(42);
  });

  it('running twice for one ticket keeps the first number and does not advance the counter', async () => {
    const store = new MemoryStore();
    const [first, second] = seed(store, 2);
    const number = await allocateTicketNumber(store, first ?? '');
    const again = await allocateTicketNumber(store, first ?? '');
    expect(again).toBe(number);
    expect(storedNumber(store, first ?? '')).toBe(number);
    expect(store.read(TICKET_COUNTER_PATH)).toEqual({ last: 1 });
    // The next ticket gets the next number: no gap was made by the repeat.
    expect(await allocateTicketNumber(store, second ?? '')).toBe(2);
  });

  it('a duplicate delivery racing the first still yields a single number', async () => {
    const store = new MemoryStore();
    const [id] = seed(store, 1);
    const results = await Promise.all([1, 2, 3].map(() => allocateTicketNumber(store, id ?? '')));
    expect(results).toEqual([1, 1, 1]);
    expect(store.read(TICKET_COUNTER_PATH)).toEqual({ last: 1 });
  });

  it('keeps the rest of the ticket as it was', async () => {
    const store = new MemoryStore();
    const [id] = seed(store, 1);
    const before = store.read(`tickets/${id}`);
    await allocateTicketNumber(store, id ?? '');
    expect(store.read(`tickets/${id}`)).toEqual({ ...before, number: 1 });
  });

  it('rejects for a missing ticket and hands out no number', async () => {
    const store = new MemoryStore();
    await expect(allocateTicketNumber(store, 'nope')).rejects.toThrow('Ticket nope does not exist.');
    expect(store.read(TICKET_COUNTER_PATH)).toBeUndefined();
    expect(store.read('tickets/nope')).toBeUndefined();
  });
});
