import { describe, expect, it } from 'vitest';
import { newMessageDoc, systemMessageDoc } from './message.js';
import type { NotificationDoc } from './notification.js';
import {
  mayAddNote,
  mayPostMessage,
  mayReadNotes,
  mayUpdateNotification,
  mayWriteConfig,
  mayWriteReadMarker,
} from './policy.js';
import type { Actor } from './roles.js';
import { newTicketDoc, type TicketDoc } from './ticket.js';

const customer: Actor = { uid: 'cust-1', role: 'customer' };
const other: Actor = { uid: 'cust-2', role: 'customer' };
const agent: Actor = { uid: 'agent-1', role: 'agent' };
const admin: Actor = { uid: 'admin-1', role: 'admin' };
const now = new Date('2024-05-01T10:00:00Z');

function ticket(overrides: Partial<TicketDoc> = {}): TicketDoc {
  return {
    ...newTicketDoc(
      { title: 'Refund please', description: 'Charged twice.', category: 'billing', priority: 'low' },
      { uid: customer.uid, displayName: 'Cust One' },
      now,
    ),
    ...overrides,
  };
}
const messageBy = (actor: Actor) => newMessageDoc({ text: 'Hello' }, { ...actor, displayName: `Name of ${actor.uid}` }, now);
/** The author's profile, as the rules read users/{uid}. */
const profileOf = (actor: Actor | null) =>
  actor ? { profile: { displayName: `Name of ${actor.uid}`, role: actor.role, active: true } } : { profile: undefined };

describe('mayPostMessage', () => {
  it('lets the owner and staff post as themselves while the chat is open', () => {
    for (const actor of [customer, agent, admin]) {
      for (const status of ['open', 'in_progress', 'resolved'] as const) {
        expect(mayPostMessage(actor, ticket({ status }), messageBy(actor), profileOf(actor))).toEqual({ allowed: true });
      }
    }
  });

  it('refuses everyone on a closed or rejected ticket, and on a locked chat', () => {
    for (const actor of [customer, agent, admin]) {
      expect(mayPostMessage(actor, ticket({ status: 'closed', chatLocked: true }), messageBy(actor), profileOf(actor)).allowed).toBe(false);
      expect(mayPostMessage(actor, ticket({ status: 'rejected' }), messageBy(actor), profileOf(actor)).allowed).toBe(false);
      expect(mayPostMessage(actor, ticket({ chatLocked: true }), messageBy(actor), profileOf(actor))).toEqual({
        allowed: false,
        reason: 'This chat is closed; open a follow-up ticket if you need more help.',
      });
    }
  });

  it('refuses another customer, a spoofed author or role, and system messages', () => {
    expect(mayPostMessage(other, ticket(), messageBy(other), profileOf(other)).allowed).toBe(false);
    expect(mayPostMessage(customer, ticket(), messageBy(other), profileOf(customer)).allowed).toBe(false);
    expect(mayPostMessage(customer, ticket(), { ...messageBy(customer), authorRole: 'agent' }, profileOf(customer)).allowed).toBe(false);
    expect(mayPostMessage(agent, ticket(), systemMessageDoc('Closed.', now), profileOf(agent)).allowed).toBe(false);
    expect(mayPostMessage(null, ticket(), messageBy(customer), profileOf(null)).allowed).toBe(false);
  });
});

describe('notes', () => {
  it('are for staff only, written as themselves', () => {
    expect(mayReadNotes(customer).allowed).toBe(false);
    expect(mayReadNotes(agent).allowed).toBe(true);
    const note = { authorUid: agent.uid, authorName: `Name of ${agent.uid}`, text: 'VIP', createdAt: now };
    expect(mayAddNote(agent, ticket(), note, profileOf(agent)).allowed).toBe(true);
    expect(mayAddNote(admin, ticket(), note, profileOf(admin)).allowed).toBe(false);
    expect(mayAddNote(customer, ticket(), { ...note, authorUid: customer.uid }, profileOf(customer)).allowed).toBe(false);
  });
});

describe('mayWriteReadMarker', () => {
  const marker = (uid: string) => ({ uid, ticketId: 't1', lastReadAt: now });
  it('lets whoever may read the ticket keep their own marker, nobody else’s', () => {
    expect(mayWriteReadMarker(customer, ticket(), { ticketId: 't1', readerUid: customer.uid }, marker(customer.uid)).allowed).toBe(true);
    expect(mayWriteReadMarker(agent, ticket(), { ticketId: 't1', readerUid: agent.uid }, marker(agent.uid)).allowed).toBe(true);
    expect(mayWriteReadMarker(other, ticket(), { ticketId: 't1', readerUid: other.uid }, marker(other.uid)).allowed).toBe(false);
    expect(mayWriteReadMarker(agent, ticket(), { ticketId: 't1', readerUid: customer.uid }, marker(customer.uid)).allowed).toBe(false);
    expect(mayWriteReadMarker(agent, ticket(), { ticketId: 't2', readerUid: agent.uid }, marker(agent.uid)).allowed).toBe(false);
  });
});

describe('mayUpdateNotification', () => {
  const before: NotificationDoc = { kind: 'assigned', ticketId: 't1', text: 'Yours now.', createdAt: now, seen: false };
  it('lets the owner mark it seen and change nothing else', () => {
    expect(mayUpdateNotification(agent, agent.uid, before, { ...before, seen: true }).allowed).toBe(true);
    expect(mayUpdateNotification(admin, agent.uid, before, { ...before, seen: true }).allowed).toBe(false);
    expect(mayUpdateNotification(agent, agent.uid, before, { ...before, seen: true, text: 'x' }).allowed).toBe(false);
    expect(mayUpdateNotification(agent, agent.uid, { ...before, seen: true }, before).allowed).toBe(false);
  });
});

describe('mayWriteConfig', () => {
  it('lets admins write a valid assignment config only', () => {
    expect(mayWriteConfig(admin, 'assignment', { strategy: 'manual' }).allowed).toBe(true);
    expect(mayWriteConfig(admin, 'assignment', { strategy: 'alphabetical' }).allowed).toBe(false);
    expect(mayWriteConfig(agent, 'assignment', { strategy: 'manual' }).allowed).toBe(false);
  });
});
