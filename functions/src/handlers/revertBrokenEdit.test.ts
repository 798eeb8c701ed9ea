import { describe, expect, it } from 'vitest';
import { ticketDocSchema, ticketEventSchema, type TicketDoc } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { brokenTicketFields, revertBrokenEdit } from './revertBrokenEdit.js';
import { reviewTicketChange } from './reviewTicketChange.js';
import { CUSTOMER, givenTicket, givenUser } from './testSupport.js';

const ID = 't1';
const now = new Date('2024-05-01T12:00:00Z');
const byConsole = { uid: null };

function desk(): { store: MemoryStore; before: TicketDoc } {
  const store = new MemoryStore();
  givenUser(store, 'admin-1', 'admin', { displayName: 'Ada Admin' });
  givenUser(store, CUSTOMER.uid, 'customer', { displayName: CUSTOMER.displayName });
  const before = givenTicket(store, ID, { number: 3, status: 'in_progress', assigneeUid: 'admin-1', assigneeName: 'Ada Admin' });
  return { store, before };
}

/** A console edit, stored as is (no rules in the way); returns the raw document. */
function consoleEdit(store: MemoryStore, before: TicketDoc, change: Record<string, unknown>): Record<string, unknown> {
  const after = { ...before, ...change };
  store.write(`tickets/${ID}`, after);
  return after;
}

const events = (store: MemoryStore) => store.list(`tickets/${ID}/events`).map(({ id, data }) => ({ id, ...ticketEventSchema.parse(data) }));

describe('revertBrokenEdit', () => {
  it('puts a ticket edited into priority "urgent" back as it was, and records a revert naming the field', async () => {
    const { store, before } = desk();
    const after = consoleEdit(store, before, { priority: 'urgent' });

    expect(await revertBrokenEdit(store, ID, before, after, byConsole, { now, changeKey: 'event-1' })).toBe('reverted');

    expect(ticketDocSchema.parse(store.read(`tickets/${ID}`))).toEqual({ ...before, updatedAt: now });
    expect(events(store)).toEqual([
      {
        id: `${ID}-repaired-event-1`,
        kind: 'reverted',
        actorUid: null,
        actorName: 'Console',
        from: null,
        to: null,
        note: 'An edit in the console left priority in a shape the desk cannot use; the ticket was put back as it was.',
        at: now,
      },
    ]);
  });

  it('names every broken field once, also a missing one, and an app user who made the edit', async () => {
    const { store, before } = desk();
    const broken = consoleEdit(store, before, { status: 'done', priority: 7 });
    delete broken.title;
    store.write(`tickets/${ID}`, broken);
    expect(brokenTicketFields(broken)).toEqual(['title', 'priority', 'status']);

    await revertBrokenEdit(store, ID, before, broken, { uid: 'admin-1' }, { now });
    expect(events(store)[0]).toMatchObject({
      actorUid: 'admin-1',
      actorName: 'Ada Admin',
      note: 'An edit by Ada Admin left title, priority and status in a shape the desk cannot use; the ticket was put back as it was.',
    });
    expect(ticketDocSchema.safeParse(store.read(`tickets/${ID}`)).success).toBe(true);
  });

  it('never moves updatedAt backwards', async () => {
    const { store, before } = desk();
    const later = new Date(now.getTime() + 60_000);
    const after = consoleEdit(store, before, { priority: 'urgent', updatedAt: later });
    await revertBrokenEdit(store, ID, before, after, byConsole, { now });
    expect(ticketDocSchema.parse(store.read(`tickets/${ID}`)).updatedAt).toEqual(later);
  });

  it('leaves a well-formed edit to the review, and a ticket fixed meanwhile (or already put back) alone', async () => {
    const { store, before } = desk();
    const fine = consoleEdit(store, before, { priority: 'high' });
    expect(await revertBrokenEdit(store, ID, before, fine, byConsole, { now })).toBe('well-formed');

    const broken = consoleEdit(store, before, { priority: 'urgent' });
    consoleEdit(store, before, { priority: 'critical' });
    const writes = store.writeCount;
    expect(await revertBrokenEdit(store, ID, before, broken, byConsole, { now, changeKey: 'e2' })).toBe('already-fixed');
    expect(store.writeCount).toBe(writes);
    expect(events(store)).toEqual([]);
  });

  it('a retry after the repair writes nothing, and the repair coming back is not reviewed as a change', async () => {
    const { store, before } = desk();
    const broken = consoleEdit(store, before, { priority: 'urgent' });
    await revertBrokenEdit(store, ID, before, broken, byConsole, { now, changeKey: 'event-1' });
    const writes = store.writeCount;
    expect(await revertBrokenEdit(store, ID, before, broken, byConsole, { now, changeKey: 'event-1' })).toBe('already-fixed');
    expect(store.writeCount).toBe(writes);
    expect(events(store)).toHaveLength(1);
    // The trigger sees (broken -> repaired): `before` does not parse, so nothing reviews it;
    // and the repaired ticket against the original is no change at all.
    expect(ticketDocSchema.safeParse(broken).success).toBe(false);
    const repaired = ticketDocSchema.parse(store.read(`tickets/${ID}`));
    expect(await reviewTicketChange(store, ID, before, repaired, byConsole, { now })).toBe('ignored');
  });
});
