import { describe, expect, it } from 'vitest';
import { DAY_MS, messageDocSchema, notificationDocSchema, ticketDocSchema, ticketEventSchema, type TicketDoc } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { autoCloseResolved } from './autoCloseResolved.js';
import { reviewTicketChange } from './reviewTicketChange.js';
import { CUSTOMER, givenTicket, givenUser } from './testSupport.js';

const ID = 't1';
const resolvedAt = new Date('2024-05-03T09:30:00Z');
const after = (days: number) => new Date(resolvedAt.getTime() + days * DAY_MS);

function desk(config?: Record<string, unknown>, fields: Partial<TicketDoc> = {}) {
  const store = new MemoryStore();
  givenUser(store, 'agent-a', 'agent', { displayName: 'Ari Agent' });
  givenUser(store, CUSTOMER.uid, 'customer', { displayName: CUSTOMER.displayName });
  if (config) store.write('config/sla', config);
  givenTicket(store, ID, {
    number: 12,
    status: 'resolved',
    assigneeUid: 'agent-a',
    firstResponseAt: new Date('2024-05-01T11:00:00Z'),
    resolvedAt,
    updatedAt: resolvedAt,
    updatedBy: 'agent-a',
    ...fields,
  });
  return store;
}
const ticket = (store: MemoryStore) => ticketDocSchema.parse(store.read(`tickets/${ID}`));

describe('autoCloseResolved (a controlled clock)', () => {
  it('closes a ticket resolved exactly 4 days ago (the default), not a moment sooner, with a system message', async () => {
    const store = desk();
    expect(await autoCloseResolved(store, { now: new Date(after(4).getTime() - 1) })).toEqual([]);
    expect(ticket(store).status).toBe('resolved');

    expect(await autoCloseResolved(store, { now: after(4) })).toEqual([ID]);
    expect(ticket(store)).toMatchObject({ status: 'closed', closedAt: after(4), chatLocked: true });
    const messages = store.list(`tickets/${ID}/messages`).map(({ data }) => messageDocSchema.parse(data));
    expect(messages).toEqual([
      expect.objectContaining({ kind: 'system', text: expect.stringContaining('closed automatically 4 days after it was resolved') }),
    ]);
    const events = store.list(`tickets/${ID}/events`).map(({ data }) => ticketEventSchema.parse(data));
    expect(events).toEqual([expect.objectContaining({ kind: 'status', from: 'resolved', to: 'closed', actorName: 'Auto-close' })]);
    const told = store.list(`users/${CUSTOMER.uid}/notifications`).map(({ data }) => notificationDocSchema.parse(data));
    expect(told).toEqual([expect.objectContaining({ kind: 'status_changed', text: expect.stringContaining('is now Closed') })]);
  });

  it('waits the days config/sla gives', async () => {
    const store = desk({ autoCloseDays: 7 });
    expect(await autoCloseResolved(store, { now: after(6.9) })).toEqual([]);
    expect(await autoCloseResolved(store, { now: after(7) })).toEqual([ID]);
  });

  it('leaves open, in-progress and reopened tickets alone, and closes a ticket once', async () => {
    const store = desk(undefined, { status: 'in_progress' });
    expect(await autoCloseResolved(store, { now: after(30) })).toEqual([]);
    store.write(`tickets/${ID}`, { ...ticket(store), status: 'resolved' });
    expect(await autoCloseResolved(store, { now: after(30) })).toEqual([ID]);
    const writes = store.writeCount;
    expect(await autoCloseResolved(store, { now: after(31) })).toEqual([]);
    expect(store.writeCount).toBe(writes);
  });

  it('is known by the update trigger as its own change: no second event, message or notification', async () => {
    const store = desk();
    const before = ticket(store);
    await autoCloseResolved(store, { now: after(4) });
    const closed = ticket(store);
    const outcome = await reviewTicketChange(store, ID, before, closed, { uid: 'agent-a' }, { now: after(4), changeKey: 'e1' });
    expect(outcome).toBe('own-change');
    expect(store.list(`tickets/${ID}/events`)).toHaveLength(1);
    expect(store.list(`tickets/${ID}/messages`)).toHaveLength(1);
  });
});
