import { describe, expect, it } from 'vitest';
import { notificationDocSchema, ticketDocSchema, ticketEventSchema, ticketSearchTokens } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { handleTicketCreated } from './handleTicketCreated.js';
import { CUSTOMER, docsIn, givenTicket, givenUser } from './testSupport.js';

const now = new Date('2024-05-01T10:00:01Z');
const deps = { now, random: () => 0 };

/** Three agents (in uid order a, b, c), an admin and a customer. */
function desk(options: { inactive?: string[] } = {}): MemoryStore {
  const store = new MemoryStore();
  for (const uid of ['agent-a', 'agent-b', 'agent-c']) {
    givenUser(store, uid, 'agent', { displayName: uid.toUpperCase(), active: !options.inactive?.includes(uid) });
  }
  givenUser(store, 'admin-1', 'admin', { displayName: 'Ada Admin' });
  givenUser(store, CUSTOMER.uid, 'customer', { displayName: CUSTOMER.displayName });
  return store;
}

const assigneeOf = (store: MemoryStore, id: string) => ticketDocSchema.parse(store.read(`tickets/${id}`)).assigneeUid;
const notificationsOf = (store: MemoryStore, uid: string) =>
  store.list(`users/${uid}/notifications`).map(({ data }) => notificationDocSchema.parse(data));
const eventsOf = (store: MemoryStore, ticketId: string) =>
  store.list(`tickets/${ticketId}/events`).map(({ data }) => ticketEventSchema.parse(data));

async function createInTurn(store: MemoryStore, count: number, options = deps): Promise<(string | null)[]> {
  const assignees: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    givenTicket(store, `t${i}`);
    assignees.push((await handleTicketCreated(store, `t${i}`, options)).assigneeUid);
  }
  return assignees;
}

describe('handleTicketCreated', () => {
  it('round robin over three agents gives six tickets to a, b, c, a, b, c', async () => {
    const store = desk();
    const assignees = await createInTurn(store, 6);
    expect(assignees).toEqual(['agent-a', 'agent-b', 'agent-c', 'agent-a', 'agent-b', 'agent-c']);
    expect([0, 1, 2, 3, 4, 5].map((i) => assigneeOf(store, `t${i}`))).toEqual(assignees);
    expect(store.read('config/assignment')).toMatchObject({ strategy: 'round_robin', lastAssignedUid: 'agent-c' });
  });

  it('six tickets created at the same moment still rotate fairly: two each', async () => {
    const store = desk();
    const ids = [0, 1, 2, 3, 4, 5].map((i) => `t${i}`);
    for (const id of ids) givenTicket(store, id);
    await Promise.all(ids.map((id) => handleTicketCreated(store, id, deps)));
    const counts = new Map<string | null, number>();
    for (const id of ids) counts.set(assigneeOf(store, id), (counts.get(assigneeOf(store, id)) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 'agent-a': 2, 'agent-b': 2, 'agent-c': 2 });
    const numbers = ids.map((id) => ticketDocSchema.parse(store.read(`tickets/${id}`)).number).sort();
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('skips an inactive agent, keeping the others in turn', async () => {
    const store = desk({ inactive: ['agent-b'] });
    expect(await createInTurn(store, 4)).toEqual(['agent-a', 'agent-c', 'agent-a', 'agent-c']);
    expect(notificationsOf(store, 'agent-b')).toEqual([]);
  });

  it('rotates over the configured pool in its own order, skipping uids that are not active staff', async () => {
    const store = desk({ inactive: ['agent-b'] });
    store.write('config/assignment', { strategy: 'round_robin', agentUids: ['agent-c', 'agent-b', 'nobody', 'agent-a'] });
    expect(await createInTurn(store, 3)).toEqual(['agent-c', 'agent-a', 'agent-c']);
  });

  it('manual leaves new tickets unassigned, and still numbers them and tells staff', async () => {
    const store = desk();
    store.write('config/assignment', { strategy: 'manual', agentUids: [], lastAssignedUid: null });
    expect(await createInTurn(store, 2)).toEqual([null, null]);
    const ticket = ticketDocSchema.parse(store.read('tickets/t0'));
    expect(ticket.number).toBe(1);
    expect(ticket.assigneeUid).toBeNull();
    expect(eventsOf(store, 't0').map((e) => e.kind)).toEqual(['created']);
    expect(notificationsOf(store, 'agent-a').map((n) => n.kind)).toEqual(['new_ticket', 'new_ticket']);
    expect(store.read('config/assignment')).toEqual({ strategy: 'manual', agentUids: [], lastAssignedUid: null });
  });

  it('random picks with the injected random number', async () => {
    const store = desk();
    store.write('config/assignment', { strategy: 'random' });
    const picks = [0.5, 0.99, 0.1];
    let i = 0;
    const assignees = await createInTurn(store, 3, { now, random: () => picks[i++] ?? 0 });
    expect(assignees).toEqual(['agent-b', 'agent-c', 'agent-a']);
  });

  it('stores the search words, records who opened it and who got it', async () => {
    const store = desk();
    givenTicket(store, 't0');
    await handleTicketCreated(store, 't0', deps);
    const ticket = ticketDocSchema.parse(store.read('tickets/t0'));
    expect(ticket.searchTokens).toEqual(ticketSearchTokens(ticket));
    expect(ticket.searchTokens).toEqual(expect.arrayContaining(['printer', 'fire', 'toast', 'melting']));
    expect(eventsOf(store, 't0')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'created', actorUid: CUSTOMER.uid, actorName: CUSTOMER.displayName, to: 'open' }),
        expect.objectContaining({ kind: 'assignee', actorUid: null, actorName: 'Auto-assignment', from: null, to: 'agent-a', at: now }),
      ]),
    );
    expect(eventsOf(store, 't0')).toHaveLength(2);
  });

  it('tells every active agent and admin about the new ticket, and the assignee that it is theirs', async () => {
    const store = desk({ inactive: ['agent-c'] });
    givenTicket(store, 't0');
    await handleTicketCreated(store, 't0', deps);
    for (const uid of ['agent-a', 'agent-b', 'admin-1']) {
      expect(notificationsOf(store, uid)).toContainEqual({
        kind: 'new_ticket',
        ticketId: 't0',
        text: `New ticket #1 from ${CUSTOMER.displayName}: Printer on fire`,
        createdAt: now,
        seen: false,
      });
    }
    expect(notificationsOf(store, 'agent-a').map((n) => n.kind).sort()).toEqual(['assigned', 'new_ticket']);
    expect(notificationsOf(store, 'agent-a').find((n) => n.kind === 'assigned')?.text).toBe(
      'Ticket #1 was assigned to you: Printer on fire',
    );
    expect(notificationsOf(store, 'agent-c')).toEqual([]);
    expect(notificationsOf(store, CUSTOMER.uid)).toEqual([]);
  });

  it('leaves nobody assigned when no agent is active', async () => {
    const store = desk({ inactive: ['agent-a', 'agent-b', 'agent-c'] });
    expect(await createInTurn(store, 1)).toEqual([null]);
  });

  it('keeps an assignment staff made before it ran', async () => {
    const store = desk();
    givenTicket(store, 't0', { assigneeUid: 'agent-c' });
    expect((await handleTicketCreated(store, 't0', deps)).assigneeUid).toBe('agent-c');
    expect(eventsOf(store, 't0').map((e) => e.kind)).toEqual(['created']);
    expect(store.read('config/assignment')).toBeUndefined();
  });

  it('never moves updatedAt backwards: a ticket staff changed already keeps its later time', async () => {
    const store = desk();
    const changedByStaff = new Date(now.getTime() + 750);
    givenTicket(store, 't0', { priority: 'high', updatedAt: changedByStaff, updatedBy: 'agent-b' });
    expect((await handleTicketCreated(store, 't0', deps)).assigneeUid).toBe('agent-a');
    const stored = ticketDocSchema.parse(store.read('tickets/t0'));
    expect(stored.updatedAt).toEqual(changedByStaff);
    // The auto-assignment event carries the time it stamped, so the echo is known as its own.
    expect(eventsOf(store, 't0').find((e) => e.kind === 'assignee')?.at).toEqual(changedByStaff);
  });

  it('brings updatedAt forward to its own time on a ticket nobody changed since', async () => {
    const store = desk();
    givenTicket(store, 't0');
    await handleTicketCreated(store, 't0', deps);
    expect(ticketDocSchema.parse(store.read('tickets/t0')).updatedAt).toEqual(now);
  });

  it('a second run adds nothing, and does not bring seen notifications back', async () => {
    const store = desk();
    givenTicket(store, 't0');
    const first = await handleTicketCreated(store, 't0', deps);
    const seenPath = store.list('users/agent-a/notifications').map(({ id }) => `users/agent-a/notifications/${id}`);
    for (const path of seenPath) store.write(path, { ...store.read(path), seen: true });
    const before = store.dump();
    const writes = store.writeCount;

    const second = await handleTicketCreated(store, 't0', { now: new Date('2024-05-01T11:00:00Z'), random: () => 0.9 });

    expect(second).toEqual(first);
    expect(store.writeCount).toBe(writes);
    expect(store.dump()).toEqual(before);
  });

  it('a duplicate delivery racing the first still yields one number, one assignee and one set of notifications', async () => {
    const store = desk();
    givenTicket(store, 't0');
    const results = await Promise.all([1, 2, 3].map(() => handleTicketCreated(store, 't0', deps)));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(store.read('counters/tickets')).toEqual({ last: 1 });
    expect(notificationsOf(store, 'agent-a')).toHaveLength(2);
    expect(notificationsOf(store, 'agent-b')).toHaveLength(1);
    expect(Object.keys(docsIn(store, 'tickets/t0/events'))).toHaveLength(2);
  });

  it('rejects for a missing ticket', async () => {
    const store = desk();
    await expect(handleTicketCreated(store, 'nope', deps)).rejects.toThrow('Ticket nope does not exist.');
  });
});
