import { describe, expect, it } from 'vitest';
import { HOUR_MS, notificationDocSchema, ticketDocSchema, ticketEventSchema, type TicketDoc } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { handleTicketCreated } from './handleTicketCreated.js';
import { recordMessage } from './recordMessage.js';
import { reviewTicketChange } from './reviewTicketChange.js';
import { CUSTOMER, givenTicket, givenUser } from './testSupport.js';
import { watchServiceLevels } from './watchServiceLevels.js';

/**
 * The service-level clocks over the in-memory store, on a controlled clock: every handler
 * gets its `now` from the test, which moves it forward by hand.
 */
const ID = 't1';
const opened = new Date('2024-05-01T10:00:00Z');
const at = (hours: number) => new Date(opened.getTime() + hours * HOUR_MS);

async function desk(priority: TicketDoc['priority'] = 'high', config?: Record<string, unknown>) {
  const store = new MemoryStore();
  givenUser(store, 'agent-a', 'agent', { displayName: 'Ari Agent' });
  givenUser(store, CUSTOMER.uid, 'customer', { displayName: CUSTOMER.displayName });
  store.write('config/assignment', { strategy: 'manual' });
  if (config) store.write('config/sla', config);
  givenTicket(store, ID, { priority, createdAt: opened, updatedAt: opened });
  await handleTicketCreated(store, ID, { now: opened, random: () => 0 });
  return store;
}
const ticket = (store: MemoryStore) => ticketDocSchema.parse(store.read(`tickets/${ID}`));
const breaches = (store: MemoryStore) =>
  store
    .list(`tickets/${ID}/events`)
    .map(({ data }) => ticketEventSchema.parse(data))
    .filter((event) => event.kind === 'sla_breached');

let changes = 0;
/** A change by `uid` at `now`, written and then reviewed, as the update trigger does. */
async function change(store: MemoryStore, fields: Partial<TicketDoc>, now: Date, uid = 'agent-a') {
  const before = ticket(store);
  const after = { ...before, ...fields, updatedAt: now, updatedBy: uid };
  store.write(`tickets/${ID}`, after);
  await reviewTicketChange(store, ID, before, after, { uid }, { now, changeKey: `c${++changes}` });
}

describe('service levels: the clocks', () => {
  it('starts both clocks with the ticket at the default targets (high: 4 h, 24 h)', async () => {
    const store = await desk('high');
    expect(ticket(store)).toMatchObject({
      firstResponseDueAt: at(4),
      resolutionDueAt: at(24),
      slaDueAt: at(4),
      slaWatchAt: at(4),
    });
  });

  it('takes the targets from config/sla', async () => {
    const store = await desk('low', { firstResponseHours: { low: 2 }, resolutionHours: { low: 10 } });
    expect(ticket(store)).toMatchObject({ firstResponseDueAt: at(2), resolutionDueAt: at(10) });
  });

  it('records a breach exactly at the target, not a moment before, once, and tells the assignee', async () => {
    const store = await desk('high');
    await change(store, { assigneeUid: 'agent-a' }, at(1));

    expect(await watchServiceLevels(store, { now: new Date(at(4).getTime() - 1) })).toBe(0);
    expect(breaches(store)).toEqual([]);

    expect(await watchServiceLevels(store, { now: at(4) })).toBe(1);
    expect(await watchServiceLevels(store, { now: at(4.5) })).toBe(0);
    expect(breaches(store)).toEqual([
      expect.objectContaining({ kind: 'sla_breached', from: 'firstResponse', at: at(4), actorName: 'Service levels' }),
    ]);
    const told = store.list('users/agent-a/notifications').map(({ data }) => notificationDocSchema.parse(data));
    expect(told.filter((n) => n.kind === 'sla_breached')).toEqual([
      expect.objectContaining({ ticketId: ID, text: expect.stringContaining('first reply') }),
    ]);
    // The watch moves on to the resolution deadline; the queue still shows the breached one.
    expect(ticket(store)).toMatchObject({ firstResponseBreachedAt: at(4), slaWatchAt: at(24), slaDueAt: at(4) });
  });

  it('stops the first-reply clock at the first staff reply', async () => {
    const store = await desk('high');
    store.write(`tickets/${ID}/messages/m1`, {
      authorUid: 'agent-a',
      authorRole: 'agent',
      authorName: 'Ari Agent',
      text: 'On it.',
      createdAt: at(1),
      kind: 'user',
    });
    await recordMessage(store, ID, 'm1', { now: at(1) });
    expect(ticket(store)).toMatchObject({ firstResponseAt: at(1), slaDueAt: at(24), slaWatchAt: at(24) });
    expect(await watchServiceLevels(store, { now: at(5) })).toBe(0);
  });

  it('pauses the resolution clock while resolved and resumes it on reopen', async () => {
    const store = await desk('high');
    await change(store, { status: 'in_progress' }, at(1));
    await change(store, { status: 'resolved' }, at(10));
    expect(ticket(store)).toMatchObject({ slaDueAt: null, slaWatchAt: null, resolutionDueAt: at(24) });
    // Resolved for 30 hours: past the target, but the clock stood still.
    expect(await watchServiceLevels(store, { now: at(40) })).toBe(0);

    await change(store, { status: 'in_progress' }, at(40), CUSTOMER.uid);
    expect(ticket(store)).toMatchObject({ resolutionPausedMs: 30 * HOUR_MS, resolutionDueAt: at(54), slaDueAt: at(54) });

    expect(await watchServiceLevels(store, { now: at(53.9) })).toBe(0);
    expect(await watchServiceLevels(store, { now: at(54) })).toBe(1);
    expect(breaches(store)).toEqual([expect.objectContaining({ from: 'resolution', at: at(54) })]);
  });

  it('counts the pause of a reopen once when the trigger runs twice', async () => {
    const store = await desk('high');
    await change(store, { status: 'in_progress' }, at(1));
    await change(store, { status: 'resolved' }, at(10));
    const before = ticket(store);
    const after = { ...before, status: 'in_progress' as const, updatedAt: at(12), updatedBy: CUSTOMER.uid };
    store.write(`tickets/${ID}`, after);
    await reviewTicketChange(store, ID, before, after, { uid: CUSTOMER.uid }, { now: at(12), changeKey: 'reopen' });
    await reviewTicketChange(store, ID, before, after, { uid: CUSTOMER.uid }, { now: at(12), changeKey: 'reopen' });
    expect(ticket(store)).toMatchObject({ resolutionPausedMs: 2 * HOUR_MS, resolutionDueAt: at(26) });
  });

  it('re-targets the running clocks on a priority change, keeping the pause', async () => {
    const store = await desk('low');
    expect(ticket(store)).toMatchObject({ firstResponseDueAt: at(24), resolutionDueAt: at(120) });
    await change(store, { priority: 'critical' }, at(0.5));
    expect(ticket(store)).toMatchObject({ firstResponseDueAt: at(1), resolutionDueAt: at(8), slaDueAt: at(1) });
    expect(await watchServiceLevels(store, { now: at(1) })).toBe(1);
  });

  it('lets a breach happen again when a lower priority moves the deadline past it', async () => {
    const store = await desk('critical');
    expect(await watchServiceLevels(store, { now: at(1) })).toBe(1);
    await change(store, { priority: 'low' }, at(2));
    expect(ticket(store)).toMatchObject({ firstResponseDueAt: at(24), slaWatchAt: at(24) });
    expect(await watchServiceLevels(store, { now: at(24) })).toBe(1);
    expect(breaches(store).map((event) => event.at)).toEqual([at(1), at(24)]);
  });

  it('keeps the defaults when config/sla does not parse', async () => {
    const store = await desk('medium', { firstResponseHours: { urgent: 1 } });
    expect(ticket(store)).toMatchObject({ firstResponseDueAt: at(8), resolutionDueAt: at(72) });
  });
});
