import { describe, expect, it } from 'vitest';
import {
  messageDocSchema,
  notificationDocSchema,
  ticketDocSchema,
  ticketEventSchema,
  type TicketDoc,
} from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { handleTicketCreated } from './handleTicketCreated.js';
import { changeActorOfUpdate, reviewTicketChange } from './reviewTicketChange.js';
import { CUSTOMER, givenTicket, givenUser } from './testSupport.js';

const opened = new Date('2024-05-01T10:00:00Z');
const now = new Date('2024-05-01T12:00:00Z');
const ID = 't1';

function desk(): MemoryStore {
  const store = new MemoryStore();
  givenUser(store, 'agent-a', 'agent', { displayName: 'Ari Agent' });
  givenUser(store, 'agent-b', 'agent', { displayName: 'Bea Agent' });
  givenUser(store, 'admin-1', 'admin', { displayName: 'Ada Admin' });
  givenUser(store, CUSTOMER.uid, 'customer', { displayName: CUSTOMER.displayName });
  return store;
}

/** The ticket as stored before the change, numbered and (unless said) assigned to agent-a. */
function given(store: MemoryStore, fields: Partial<TicketDoc>): TicketDoc {
  return givenTicket(store, ID, { number: 7, assigneeUid: 'agent-a', ...fields });
}

/** A write to the ticket, as a client or the console makes it; returns the stored result. */
function write(store: MemoryStore, before: TicketDoc, change: Partial<TicketDoc>): TicketDoc {
  const after = { ...before, ...change };
  store.write(`tickets/${ID}`, after);
  return after;
}

const ticket = (store: MemoryStore) => ticketDocSchema.parse(store.read(`tickets/${ID}`));
const events = (store: MemoryStore) => store.list(`tickets/${ID}/events`).map(({ data }) => ticketEventSchema.parse(data));
const messages = (store: MemoryStore) => store.list(`tickets/${ID}/messages`).map(({ data }) => messageDocSchema.parse(data));
const notifications = (store: MemoryStore, uid: string) =>
  store.list(`users/${uid}/notifications`).map(({ data }) => notificationDocSchema.parse(data));

const byConsole = { uid: null };
const by = (uid: string) => ({ uid });

describe('reviewTicketChange: illegal moves', () => {
  it('puts back a console edit from closed to open, records it, and does nothing else', async () => {
    const store = desk();
    const before = given(store, { status: 'resolved' });
    const closed = write(store, before, { status: 'closed', chatLocked: true, closedAt: opened });
    const reopened = write(store, closed, { status: 'open' });

    expect(await reviewTicketChange(store, ID, closed, reopened, byConsole, { now })).toBe('reverted');

    expect(ticket(store)).toMatchObject({ status: 'closed', chatLocked: true, updatedAt: now });
    expect(events(store)).toEqual([
      {
        kind: 'reverted',
        actorUid: null,
        actorName: 'Console',
        from: 'closed',
        to: 'open',
        note: 'A ticket cannot be moved from Closed to Open in the console; it was put back to Closed.',
        at: now,
      },
    ]);
    expect(messages(store)).toEqual([]);
    expect(notifications(store, CUSTOMER.uid)).toEqual([]);
  });

  it('takes the revert, when it comes back through the trigger, as its own and writes nothing', async () => {
    const store = desk();
    const closed = given(store, { status: 'closed', chatLocked: true });
    const reopened = write(store, closed, { status: 'open' });
    await reviewTicketChange(store, ID, closed, reopened, byConsole, { now });
    const reverted = ticket(store);
    const writes = store.writeCount;

    const echo = await reviewTicketChange(store, ID, reopened, reverted, { uid: null }, { now: new Date(now.getTime() + 50) });

    expect(echo).toBe('own-change');
    expect(store.writeCount).toBe(writes);
    expect(ticket(store).status).toBe('closed');
  });

  it('checks a user edit with the role users/{uid} gives now (a stale claim lets nothing through)', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress' });
    // A customer's token still said agent: the rules let the write through, the trigger does not.
    const resolved = write(store, before, { status: 'resolved', updatedAt: now });
    expect(await reviewTicketChange(store, ID, before, resolved, by(CUSTOMER.uid), { now })).toBe('reverted');
    expect(ticket(store).status).toBe('in_progress');
    expect(events(store)).toEqual([
      expect.objectContaining({ kind: 'reverted', actorUid: CUSTOMER.uid, actorName: CUSTOMER.displayName, from: 'in_progress', to: 'resolved' }),
    ]);
  });

  it('puts the rejection reason back with the status', async () => {
    const store = desk();
    const before = given(store, { status: 'resolved' });
    const rejected = write(store, before, { status: 'rejected', rejectionReason: 'Too late' });
    await reviewTicketChange(store, ID, before, rejected, byConsole, { now });
    expect(ticket(store)).toMatchObject({ status: 'resolved', rejectionReason: null });
  });
});

describe('reviewTicketChange: legal changes', () => {
  it('records an agent accepting a ticket and taking it: events, first response, messages, the customer told', async () => {
    const store = desk();
    const before = given(store, { status: 'open', assigneeUid: null });
    const after = write(store, before, { status: 'in_progress', assigneeUid: 'agent-a', updatedAt: now });

    expect(await reviewTicketChange(store, ID, before, after, by('agent-a'), { now })).toBe('recorded');

    expect(events(store)).toEqual(
      expect.arrayContaining([
        { kind: 'status', actorUid: 'agent-a', actorName: 'Ari Agent', from: 'open', to: 'in_progress', note: null, at: now },
        { kind: 'assignee', actorUid: 'agent-a', actorName: 'Ari Agent', from: null, to: 'agent-a', note: null, at: now },
      ]),
    );
    expect(events(store)).toHaveLength(2);
    expect(ticket(store)).toMatchObject({ firstResponseAt: now, chatLocked: false, resolvedAt: null, closedAt: null });
    expect(messages(store).map((m) => m.text).sort()).toEqual([
      'Ari Agent assigned this ticket to Ari Agent.',
      'Ari Agent changed the status from Open to In progress.',
    ]);
    expect(messages(store).every((m) => m.kind === 'system' && m.authorUid === null && m.createdAt.getTime() === now.getTime())).toBe(true);
    expect(notifications(store, CUSTOMER.uid)).toEqual([
      { kind: 'status_changed', ticketId: ID, text: 'Your ticket #7 ("Printer on fire") is now In progress.', createdAt: now, seen: false },
    ]);
    // Taking a ticket oneself needs no notification.
    expect(notifications(store, 'agent-a')).toEqual([]);
  });

  it('tells a newly assigned agent, naming them in the chat', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress' });
    const after = write(store, before, { assigneeUid: 'agent-b', updatedAt: now });
    await reviewTicketChange(store, ID, before, after, by('admin-1'), { now });
    expect(events(store)).toEqual([
      { kind: 'assignee', actorUid: 'admin-1', actorName: 'Ada Admin', from: 'agent-a', to: 'agent-b', note: null, at: now },
    ]);
    expect(messages(store).map((m) => m.text)).toEqual(['Ada Admin assigned this ticket to Bea Agent.']);
    expect(notifications(store, 'agent-b')).toEqual([
      { kind: 'assigned', ticketId: ID, text: 'Ada Admin assigned ticket #7 ("Printer on fire") to you.', createdAt: now, seen: false },
    ]);
    expect(notifications(store, CUSTOMER.uid)).toEqual([]);
  });

  it('records an unassignment', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress' });
    const after = write(store, before, { assigneeUid: null, updatedAt: now });
    await reviewTicketChange(store, ID, before, after, by('agent-a'), { now });
    expect(messages(store).map((m) => m.text)).toEqual(['Ari Agent unassigned this ticket.']);
  });

  it('stamps resolvedAt when a ticket is resolved, keeping the first response', async () => {
    const store = desk();
    const firstResponse = new Date('2024-05-01T11:00:00Z');
    const before = given(store, { status: 'in_progress', firstResponseAt: firstResponse });
    const after = write(store, before, { status: 'resolved', updatedAt: now });
    await reviewTicketChange(store, ID, before, after, by('agent-a'), { now });
    expect(ticket(store)).toMatchObject({ status: 'resolved', resolvedAt: now, firstResponseAt: firstResponse, chatLocked: false });
    expect(notifications(store, CUSTOMER.uid).map((n) => n.text)).toEqual(['Your ticket #7 ("Printer on fire") is now Resolved.']);
  });

  it('locks the chat and stamps closedAt when the customer closes; the customer is not told of their own move', async () => {
    const store = desk();
    const before = given(store, { status: 'resolved', resolvedAt: opened });
    const after = write(store, before, { status: 'closed', updatedAt: now });
    await reviewTicketChange(store, ID, before, after, by(CUSTOMER.uid), { now });
    expect(ticket(store)).toMatchObject({ status: 'closed', closedAt: now, chatLocked: true, resolvedAt: opened });
    expect(messages(store).map((m) => m.text)).toEqual([
      `${CUSTOMER.displayName} closed this ticket. The chat is closed; open a follow-up ticket if you need more help.`,
    ]);
    expect(notifications(store, CUSTOMER.uid)).toEqual([]);
  });

  it('records a rejection with its reason, locks the chat and tells the customer why', async () => {
    const store = desk();
    const before = given(store, { status: 'open', assigneeUid: null });
    const after = write(store, before, { status: 'rejected', rejectionReason: 'Duplicate of #6', updatedAt: now });
    await reviewTicketChange(store, ID, before, after, by('agent-b'), { now });
    expect(events(store)).toEqual([
      { kind: 'status', actorUid: 'agent-b', actorName: 'Bea Agent', from: 'open', to: 'rejected', note: 'Duplicate of #6', at: now },
    ]);
    expect(ticket(store)).toMatchObject({ chatLocked: true, closedAt: now, firstResponseAt: now });
    expect(messages(store).map((m) => m.text)).toEqual(['Bea Agent rejected this ticket: Duplicate of #6']);
    expect(notifications(store, CUSTOMER.uid).map((n) => n.text)).toEqual([
      'Your ticket #7 ("Printer on fire") was rejected: Duplicate of #6',
    ]);
  });

  it('records a console priority change as the console and brings updatedAt forward', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress' });
    const after = write(store, before, { priority: 'critical' });
    await reviewTicketChange(store, ID, before, after, byConsole, { now });
    expect(events(store)).toEqual([
      { kind: 'priority', actorUid: null, actorName: 'Console', from: 'medium', to: 'critical', note: null, at: now },
    ]);
    expect(messages(store).map((m) => m.text)).toEqual(['Console changed the priority from Medium to Critical.']);
    expect(ticket(store).updatedAt).toEqual(now);
    expect(notifications(store, CUSTOMER.uid)).toEqual([]);
  });

  it('unlocks a chat left locked on a ticket whose status does not lock it', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress', chatLocked: true });
    const after = write(store, before, { priority: 'high', updatedAt: now });
    await reviewTicketChange(store, ID, before, after, by('agent-a'), { now });
    expect(ticket(store).chatLocked).toBe(false);
  });

  it('a second run on the already-stamped ticket writes nothing new', async () => {
    const store = desk();
    const before = given(store, { status: 'open', assigneeUid: null });
    const after = write(store, before, { status: 'rejected', rejectionReason: 'Spam', assigneeUid: 'agent-b', priority: 'low', updatedAt: now });
    await reviewTicketChange(store, ID, before, after, by('agent-a'), { now });
    store.write(`users/agent-b/notifications/${store.list('users/agent-b/notifications')[0]?.id}`, {
      ...store.list('users/agent-b/notifications')[0]?.data,
      seen: true,
    });
    const snapshot = store.dump();
    const writes = store.writeCount;

    expect(await reviewTicketChange(store, ID, before, after, by('agent-a'), { now })).toBe('recorded');

    expect(store.writeCount).toBe(writes);
    expect(store.dump()).toEqual(snapshot);
    expect(events(store)).toHaveLength(3);
  });
});

describe('reviewTicketChange: changes it leaves alone', () => {
  it('ignores a change of function-owned fields only (what stops trigger loops)', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress' });
    const after = write(store, before, {
      lastMessageAt: now,
      lastMessageBy: 'agent-a',
      firstResponseAt: now,
      staffLastReadAt: now,
      updatedAt: now,
      chatLocked: true,
      searchTokens: ['printer'],
    });
    const writes = store.writeCount;
    expect(await reviewTicketChange(store, ID, before, after, byConsole, { now })).toBe('ignored');
    expect(store.writeCount).toBe(writes);
  });

  it('takes the auto-assignment of a new ticket as its own: no second event, message or notification', async () => {
    const store = desk();
    const created = givenTicket(store, ID);
    await handleTicketCreated(store, ID, { now: opened, random: () => 0 });
    const assigned = ticket(store);
    const eventCount = events(store).length;
    const writes = store.writeCount;

    // The numbering and assignment writes, as the update trigger sees them.
    const numbered = { ...created, number: assigned.number };
    expect(await reviewTicketChange(store, ID, created, numbered, byConsole, { now: opened })).toBe('ignored');
    expect(await reviewTicketChange(store, ID, numbered, assigned, byConsole, { now: opened })).toBe('own-change');

    expect(store.writeCount).toBe(writes);
    expect(events(store)).toHaveLength(eventCount);
    expect(messages(store)).toEqual([]);
  });

  it('knows the auto-assignment as its own also when staff changed the ticket first (updatedAt kept)', async () => {
    const store = desk();
    const created = givenTicket(store, ID);
    const staffTime = new Date(opened.getTime() + 500);
    const prioritised = write(store, created, { priority: 'high', updatedBy: 'agent-b', updatedAt: staffTime });
    await handleTicketCreated(store, ID, { now: opened, random: () => 0 });
    const assigned = ticket(store);
    expect(assigned.updatedAt).toEqual(staffTime);
    const numbered = { ...prioritised, number: assigned.number, searchTokens: assigned.searchTokens };
    expect(await reviewTicketChange(store, ID, numbered, assigned, byConsole, { now: opened })).toBe('own-change');
  });

  it('a later console assignment of the same agent is reviewed, not mistaken for the auto-assignment', async () => {
    const store = desk();
    givenTicket(store, ID);
    await handleTicketCreated(store, ID, { now: opened, random: () => 0 });
    const assigned = ticket(store);
    const unassigned = write(store, assigned, { assigneeUid: null });
    await reviewTicketChange(store, ID, assigned, unassigned, byConsole, { now });
    const stored = ticket(store);
    const reassigned = write(store, stored, { assigneeUid: assigned.assigneeUid });
    const later = new Date(now.getTime() + 60_000);
    expect(await reviewTicketChange(store, ID, stored, reassigned, byConsole, { now: later })).toBe('recorded');
    expect(messages(store).map((m) => m.text)).toEqual([
      'Console unassigned this ticket.',
      'Console assigned this ticket to Ari Agent.',
    ]);
  });
});

describe('reviewTicketChange: changes within one second', () => {
  it('keeps every change of a quick accept, prioritise, resolve: ids come from the change key, not the time', async () => {
    const store = desk();
    const opened = given(store, { status: 'open', assigneeUid: null });
    // The emulator's event times have whole seconds: all three changes arrive at the same `now`.
    const second = new Date('2024-05-01T12:00:07Z');
    const accepted = write(store, opened, { status: 'in_progress', assigneeUid: 'agent-a', updatedBy: 'agent-a', updatedAt: new Date(second.getTime() + 120) });
    await reviewTicketChange(store, ID, opened, accepted, by('agent-a'), { now: second, changeKey: 'event-1' });
    const prioritised = write(store, ticket(store), { priority: 'high', updatedAt: new Date(second.getTime() + 340) });
    await reviewTicketChange(store, ID, accepted, prioritised, by('agent-a'), { now: second, changeKey: 'event-2' });
    const resolved = write(store, ticket(store), { status: 'resolved', updatedAt: new Date(second.getTime() + 610) });
    await reviewTicketChange(store, ID, prioritised, resolved, by('agent-a'), { now: second, changeKey: 'event-3' });

    expect(events(store).map((e) => `${e.kind}:${e.from}->${e.to}`).sort()).toEqual([
      'assignee:null->agent-a',
      'priority:medium->high',
      'status:in_progress->resolved',
      'status:open->in_progress',
    ]);
    expect(messages(store)).toHaveLength(4);
    expect(notifications(store, CUSTOMER.uid).map((n) => n.text).sort()).toEqual([
      'Your ticket #7 ("Printer on fire") is now In progress.',
      'Your ticket #7 ("Printer on fire") is now Resolved.',
    ]);
  });

  it('a retry of one change (same key) writes nothing new', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress' });
    const after = write(store, before, { status: 'resolved', updatedBy: 'agent-a', updatedAt: now });
    await reviewTicketChange(store, ID, before, after, by('agent-a'), { now, changeKey: 'event-9' });
    const snapshot = store.dump();
    const writes = store.writeCount;
    expect(await reviewTicketChange(store, ID, before, after, by('agent-a'), { now, changeKey: 'event-9' })).toBe('recorded');
    expect(store.writeCount).toBe(writes);
    expect(store.dump()).toEqual(snapshot);
    expect(events(store)).toHaveLength(1);
  });

  it('without a key, names the change by its time (the local backend until it passes one)', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress' });
    const after = write(store, before, { priority: 'low', updatedAt: now });
    await reviewTicketChange(store, ID, before, after, by('agent-a'), { now });
    expect(store.list(`tickets/${ID}/events`).map(({ id }) => id)).toEqual([`${ID}-priority-${now.getTime()}`]);
  });
});

describe('reviewTicketChange: the writer stamp', () => {
  it('a change of updatedBy alone (with updatedAt) is bookkeeping: nothing recorded', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress' });
    const after = write(store, before, { updatedBy: 'agent-a', updatedAt: now });
    const writes = store.writeCount;
    expect(await reviewTicketChange(store, ID, before, after, by('agent-a'), { now })).toBe('ignored');
    expect(store.writeCount).toBe(writes);
  });

  it('a revert never moves updatedAt backwards: it stamps just after the illegal write', async () => {
    const store = desk();
    const before = given(store, { status: 'closed', chatLocked: true });
    const written = new Date(now.getTime() + 900);
    const reopened = write(store, before, { status: 'open', updatedAt: written });
    expect(await reviewTicketChange(store, ID, before, reopened, byConsole, { now })).toBe('reverted');
    const reverted = ticket(store);
    expect(reverted).toMatchObject({ status: 'closed', updatedAt: new Date(written.getTime() + 1) });
    expect(events(store)).toEqual([expect.objectContaining({ kind: 'reverted', at: reverted.updatedAt })]);
    // ... and is still known as the functions' own when it comes back.
    expect(await reviewTicketChange(store, ID, reopened, reverted, byConsole, { now })).toBe('own-change');
  });
});

describe('changeActorOfUpdate', () => {
  const t0 = new Date('2024-05-01T10:00:00Z');
  const t1 = new Date('2024-05-01T10:00:01Z');
  const app = { authType: 'app_user', authId: 'uid-1' };
  const emulator = { authType: 'unknown' };

  it('takes an app user from the auth context, whatever the document says', () => {
    expect(changeActorOfUpdate(app, { updatedAt: t0 }, { updatedAt: t0, updatedBy: 'uid-2' })).toEqual({ uid: 'uid-1' });
    expect(changeActorOfUpdate({ authType: 'app_user' }, { updatedAt: t0 }, { updatedAt: t0 })).toEqual({ uid: null });
  });

  it('without one, takes the writer stamped by a client write: updatedAt moved forward and updatedBy set', () => {
    for (const authType of ['service_account', 'api_key', 'system', 'unauthenticated', 'unknown']) {
      expect(changeActorOfUpdate({ authType }, { updatedAt: t0, updatedBy: 'c1' }, { updatedAt: t1, updatedBy: 'agent-1' })).toEqual({
        uid: 'agent-1',
      });
    }
  });

  it('takes everything else for the console: updatedAt untouched or moved back, or no writer', () => {
    expect(changeActorOfUpdate(emulator, { updatedAt: t0, updatedBy: 'c1' }, { updatedAt: t0, updatedBy: 'c1' })).toEqual({ uid: null });
    expect(changeActorOfUpdate(emulator, { updatedAt: t1, updatedBy: 'c1' }, { updatedAt: t0, updatedBy: 'c1' })).toEqual({ uid: null });
    expect(changeActorOfUpdate(emulator, { updatedAt: t0, updatedBy: 'c1' }, { updatedAt: t1, updatedBy: null })).toEqual({ uid: null });
    expect(changeActorOfUpdate(emulator, { updatedAt: t0 }, { updatedAt: 'yesterday', updatedBy: 'c1' })).toEqual({ uid: null });
    expect(changeActorOfUpdate({ authType: 'service_account', authId: 'console@example.com' }, { updatedAt: t0 }, { updatedAt: t0 })).toEqual({
      uid: null,
    });
  });
});

describe('reviewTicketChange: a ticket broken since the change', () => {
  it('writes nothing and leaves it to the repair of the edit that broke it', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress' });
    const after = write(store, before, { priority: 'high' });
    store.write(`tickets/${ID}`, { ...after, priority: 'urgent' });
    const writes = store.writeCount;
    expect(await reviewTicketChange(store, ID, before, after, byConsole, { now })).toBe('malformed');
    expect(store.writeCount).toBe(writes);
  });
});

describe('reviewTicketChange: assignment only to an active agent or admin', () => {
  it('puts back a console assignment to a customer, tells nobody, and records the rest of the edit', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress' });
    const edited = write(store, before, { assigneeUid: CUSTOMER.uid, priority: 'high' });

    await reviewTicketChange(store, ID, before, edited, byConsole, { now, changeKey: 'e1' });

    expect(ticket(store)).toMatchObject({ assigneeUid: 'agent-a', priority: 'high' });
    const recorded = events(store);
    expect(recorded.map((event) => event.kind).sort()).toEqual(['priority', 'reverted']);
    expect(recorded.find((event) => event.kind === 'reverted')?.note).toMatch(/only to an active agent or admin/);
    expect(notifications(store, CUSTOMER.uid)).toEqual([]);
    expect(messages(store).map((message) => message.text)).toEqual(['Console changed the priority from Medium to High.']);
  });

  it('puts back an assignment to a switched-off agent or to a uid nobody has', async () => {
    for (const assigneeUid of ['agent-gone', 'agent-off']) {
      const store = desk();
      givenUser(store, 'agent-off', 'agent', { active: false });
      const before = given(store, { status: 'in_progress' });
      const edited = write(store, before, { assigneeUid });
      expect(await reviewTicketChange(store, ID, before, edited, byConsole, { now, changeKey: 'e2' })).toBe('recorded');
      expect(ticket(store).assigneeUid).toBe('agent-a');
      expect(notifications(store, assigneeUid)).toEqual([]);
    }
  });

  it('takes its own put-back, when it comes back through the trigger, as its own', async () => {
    const store = desk();
    const before = given(store, { status: 'in_progress' });
    const edited = write(store, before, { assigneeUid: CUSTOMER.uid });
    await reviewTicketChange(store, ID, before, edited, byConsole, { now, changeKey: 'e3' });
    const restored = ticket(store);
    const eventsBefore = events(store).length;

    expect(await reviewTicketChange(store, ID, edited, restored, byConsole, { now, changeKey: 'e4' })).toBe('own-change');
    expect(events(store)).toHaveLength(eventsBefore);
  });
});
