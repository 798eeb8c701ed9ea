import fc from 'fast-check';
import { newMessageDoc, newNoteDoc } from './message.js';
import { describe, expect, it } from 'vitest';
import {
  changedFields,
  isCountedBy,
  mayAddNote,
  mayChangeRole,
  mayCreateProfile,
  mayPostMessage,
  mayStepRateLimit,
  mayUpdateProfile,
  mayWriteConfig,
  mayCreateTicket,
  mayListQueue,
  mayReadTicket,
  mayUpdateTicket,
  type Decision,
  type NewTicketFacts,
  type ProfileFacts,
  type TicketChangeFacts,
} from './policy.js';
import type { AttachmentRef } from './attachments.js';
import { roles, type Actor } from './roles.js';
import { newTicketDoc, type TicketDoc } from './ticket.js';
import { priorities, ticketStatuses } from './ticketFields.js';
import type { UserDoc } from './user.js';

const customer: Actor = { uid: 'cust-1', role: 'customer' };
const otherCustomer: Actor = { uid: 'cust-2', role: 'customer' };
const agent: Actor = { uid: 'agent-1', role: 'agent' };
const admin: Actor = { uid: 'admin-1', role: 'admin' };
const everyone: (Actor | null)[] = [null, customer, otherCustomer, agent, admin];
/** Every client write of a ticket stamps its writer: what a change by `actor` carries. */
const uidOf = (actor: Actor | null) => actor?.uid ?? null;

function ticket(overrides: Partial<TicketDoc> = {}): TicketDoc {
  return {
    ...newTicketDoc(
      { title: 'Refund please', description: 'I was charged twice.', category: 'billing', priority: 'low' },
      { uid: customer.uid, displayName: 'Cust One' },
      new Date('2024-05-01T10:00:00Z'),
    ),
    ...overrides,
  };
}

/** The profile each actor's documents are checked against, as the rules read users/{uid}. */
const profiles: Record<string, ProfileFacts> = {
  [customer.uid]: { displayName: 'Cust One', role: 'customer', active: true },
  [otherCustomer.uid]: { displayName: 'Cust Two', role: 'customer', active: true },
  [agent.uid]: { displayName: 'Agent One', role: 'agent', active: true },
  [admin.uid]: { displayName: 'Admin One', role: 'admin', active: true },
};
const factsFor = (actor: Actor | null): NewTicketFacts => ({ profile: actor ? profiles[actor.uid] : undefined, followUpOf: undefined });
const noAssignee: TicketChangeFacts = { assignee: undefined };

function expectAllowed(decision: Decision): void {
  expect(decision).toEqual({ allowed: true });
}

/** Denied, with a sentence a person can read. */
function expectDenied(decision: Decision, reason?: string | RegExp): void {
  expect(decision.allowed).toBe(false);
  if (decision.allowed) return;
  expect(decision.reason.length).toBeGreaterThan(0);
  if (typeof reason === 'string') expect(decision.reason).toBe(reason);
  else if (reason) expect(decision.reason).toMatch(reason);
}

describe('mayReadTicket', () => {
  it('lets the owner and staff read, nobody else', () => {
    const doc = ticket();
    expectAllowed(mayReadTicket(customer, doc));
    expectAllowed(mayReadTicket(agent, doc));
    expectAllowed(mayReadTicket(admin, doc));
    expectDenied(mayReadTicket(otherCustomer, doc), 'This ticket belongs to another customer.');
    expectDenied(mayReadTicket(null, doc), 'Sign in to see tickets.');
  });
});

describe('mayListQueue', () => {
  it('shows the queue to staff only', () => {
    expectAllowed(mayListQueue(agent));
    expectAllowed(mayListQueue(admin));
    expectDenied(mayListQueue(customer), 'Only support staff can see the queue.');
    expectDenied(mayListQueue(null), 'Sign in to see the queue.');
  });
});

describe('mayCreateTicket', () => {
  it('lets a customer open a fresh ticket for themself', () => {
    expectAllowed(mayCreateTicket(customer, ticket(), factsFor(customer)));
  });

  it('refuses a ticket opened for someone else', () => {
    expectDenied(mayCreateTicket(otherCustomer, ticket(), factsFor(otherCustomer)), 'A ticket can only be opened for yourself.');
  });

  it('refuses staff and signed-out people', () => {
    expectDenied(mayCreateTicket(agent, ticket({ customerUid: agent.uid }), factsFor(agent)), 'Only customers open tickets.');
    expectDenied(mayCreateTicket(admin, ticket({ customerUid: admin.uid }), factsFor(admin)), 'Only customers open tickets.');
    expectDenied(mayCreateTicket(null, ticket(), factsFor(null)), 'Sign in to open a ticket.');
  });

  it('refuses a ticket that arrives with a number', () => {
    expectDenied(mayCreateTicket(customer, ticket({ number: 7 }), factsFor(customer)), /starts open, unnumbered/);
  });

  it('refuses a ticket in any status but open', () => {
    for (const status of ticketStatuses.filter((s) => s !== 'open')) {
      expectDenied(mayCreateTicket(customer, ticket({ status }), factsFor(customer)), /starts open/);
    }
  });

  it('refuses a ticket that comes assigned, locked or with later timestamps filled in', () => {
    const later = new Date('2024-05-02T00:00:00Z');
    for (const overrides of [
      { assigneeUid: agent.uid },
      { chatLocked: true },
      { lastMessageAt: later, lastMessageBy: customer.uid },
      { firstResponseAt: later },
      { resolvedAt: later },
      { closedAt: later },
    ] satisfies Partial<TicketDoc>[]) {
      expectDenied(mayCreateTicket(customer, ticket(overrides), factsFor(customer)));
    }
  });

  it('refuses a malformed ticket', () => {
    expectDenied(mayCreateTicket(customer, ticket({ title: 'x'.repeat(201) }), factsFor(customer)), 'The ticket is not well formed.');
  });

  it("refuses a ticket not written in the customer's own name (updatedBy)", () => {
    expectDenied(mayCreateTicket(customer, ticket({ updatedBy: otherCustomer.uid }), factsFor(customer)), /your own name/);
    expectDenied(mayCreateTicket(customer, ticket({ updatedBy: null }), factsFor(customer)), /your own name/);
  });

  it('lets attachments through only as planned: slot kind, content type, size, each slot once', () => {
    const image = { slot: 'image-1', name: 'shot.png', contentType: 'image/png', size: 1000 } as const;
    const pdf = { slot: 'pdf-1', name: 'invoice.pdf', contentType: 'application/pdf', size: 5 * 1024 * 1024 } as const;
    expectAllowed(mayCreateTicket(customer, ticket({ attachments: [image, pdf] }), factsFor(customer)));
    const refusals: [AttachmentRef[], RegExp][] = [
      [[{ ...image, contentType: 'application/pdf' }], /^shot\.png is not an image\.$/],
      [[{ ...pdf, contentType: 'image/png' }], /^invoice\.pdf is not a PDF\.$/],
      [[{ ...image, size: Math.round(3.5 * 1024 * 1024) }], /^shot\.png is 3\.5 MB; images may be at most 3 MB\.$/],
      [[{ ...pdf, size: Math.round(6.2 * 1024 * 1024) }], /^invoice\.pdf is 6\.2 MB; PDFs may be at most 5 MB\.$/],
      [[image, { ...image, name: 'again.png' }], /^again\.png was not added: that attachment slot is already used\.$/],
    ];
    for (const [attachments, reason] of refusals) {
      expectDenied(mayCreateTicket(customer, ticket({ attachments }), factsFor(customer)), reason);
    }
  });
});

describe('mayUpdateTicket', () => {
  it('lets an agent change the priority', () => {
    const before = ticket({ status: 'in_progress', assigneeUid: agent.uid });
    expectAllowed(mayUpdateTicket(agent, before, { ...before, updatedBy: uidOf(agent), priority: 'critical' }, noAssignee));
  });

  it('lets an agent assign a ticket to themself', () => {
    const before = ticket();
    expectAllowed(mayUpdateTicket(agent, before, { ...before, updatedBy: uidOf(agent), assigneeUid: agent.uid }, { assignee: profiles[agent.uid] }));
  });

  it('refuses a customer changing the priority, naming the field', () => {
    const before = ticket();
    expectDenied(mayUpdateTicket(customer, before, { ...before, updatedBy: uidOf(customer), priority: 'critical' }, noAssignee), 'You cannot change priority.');
  });

  it('lets the customer reopen a resolved ticket', () => {
    const before = ticket({ status: 'resolved' });
    expectAllowed(
      mayUpdateTicket(customer, before, { ...before, updatedBy: uidOf(customer), status: 'in_progress', updatedAt: new Date('2024-05-03') }, noAssignee),
    );
  });

  it('lets the customer close a resolved ticket', () => {
    const before = ticket({ status: 'resolved' });
    expectAllowed(mayUpdateTicket(customer, before, { ...before, updatedBy: uidOf(customer), status: 'closed' }, noAssignee));
  });

  it('refuses another customer even a legal move', () => {
    const before = ticket({ status: 'resolved' });
    expectDenied(
      mayUpdateTicket(otherCustomer, before, { ...before, updatedBy: uidOf(otherCustomer), status: 'closed' }, noAssignee),
      'This ticket belongs to another customer.',
    );
  });

  it('refuses an agent moving a closed ticket back to open', () => {
    const before = ticket({ status: 'closed', chatLocked: true });
    expectDenied(
      mayUpdateTicket(agent, before, { ...before, updatedBy: uidOf(agent), status: 'open' }, noAssignee),
      'An agent cannot move this ticket from Closed to Open.',
    );
    expectDenied(
      mayUpdateTicket(admin, before, { ...before, updatedBy: uidOf(admin), status: 'in_progress' }, noAssignee),
      'An admin cannot move this ticket from Closed to In progress.',
    );
  });

  it('refuses a customer accepting their own ticket', () => {
    const before = ticket();
    expectDenied(
      mayUpdateTicket(customer, before, { ...before, updatedBy: uidOf(customer), status: 'in_progress' }, noAssignee),
      'A customer cannot move this ticket from Open to In progress.',
    );
  });

  it('refuses signed-out changes', () => {
    const before = ticket();
    expectDenied(mayUpdateTicket(null, before, { ...before, updatedBy: uidOf(null), status: 'in_progress' }, noAssignee), 'Sign in to change a ticket.');
  });

  it("refuses a change not written in the actor's own name (updatedBy), for everyone", () => {
    const before = ticket({ status: 'resolved' });
    for (const actor of [customer, agent, admin]) {
      const stranger = actor === customer ? agent.uid : customer.uid;
      expectDenied(
        mayUpdateTicket(actor, before, { ...before, status: 'closed', updatedBy: stranger }, noAssignee),
        /your own name/,
      );
    }
    // Unchanged updatedBy is someone else's for staff: the customer wrote last.
    expectDenied(mayUpdateTicket(agent, before, { ...before, status: 'closed' }, noAssignee), /your own name/);
  });

  it('refuses a change of nothing but the stamp (it would only bump the ticket up the queue)', () => {
    const before = ticket({ status: 'in_progress' });
    for (const actor of [customer, agent, admin]) {
      expectDenied(
        mayUpdateTicket(actor, before, { ...before, updatedBy: actor.uid, updatedAt: new Date('2024-06-01') }, noAssignee),
        'That change changes nothing.',
      );
    }
    expectDenied(
      mayUpdateTicket(customer, before, { ...before, updatedBy: customer.uid, priority: 'high' }, noAssignee),
      'You cannot change priority.',
    );
  });

  it('lets nobody change the number or the customer', () => {
    const before = ticket({ number: 42, status: 'in_progress' });
    for (const actor of [customer, agent, admin]) {
      expectDenied(mayUpdateTicket(actor, before, { ...before, updatedBy: uidOf(actor), number: 43 }, noAssignee), 'You cannot change number.');
      expectDenied(
        mayUpdateTicket(actor, before, { ...before, updatedBy: uidOf(actor), customerUid: otherCustomer.uid }, noAssignee),
        'You cannot change customerUid.',
      );
    }
  });

  it('property: only staff may ever change priority, and number never changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...everyone),
        fc.constantFrom(...ticketStatuses),
        fc.constantFrom(...priorities),
        fc.constantFrom(...priorities),
        fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
        fc.integer({ min: 1, max: 1000 }),
        (actor, status, from, to, number, otherNumber) => {
          const before = ticket({ status, priority: from, number });
          const priorityChange = mayUpdateTicket(actor, before, { ...before, updatedBy: uidOf(actor), priority: to }, noAssignee);
          const staff = actor?.role === 'agent' || actor?.role === 'admin';
          // The same priority again is no change at all: refused for everyone.
          expect(priorityChange.allowed).toBe(from !== to && staff);
          if (number !== otherNumber) {
            expect(mayUpdateTicket(actor, before, { ...before, updatedBy: uidOf(actor), number: otherNumber }, noAssignee).allowed).toBe(false);
          }
        },
      ),
    );
  });
});

describe('changedFields', () => {
  it('lists exactly the fields whose values differ, comparing dates by value', () => {
    const before = ticket();
    const after = { ...before, priority: 'high' as const, createdAt: new Date(before.createdAt.getTime()) };
    expect(changedFields(before, after)).toEqual(['priority']);
  });
});

describe('mayChangeRole', () => {
  it('lets an admin change someone else’s role', () => {
    expectAllowed(mayChangeRole(admin, customer.uid));
  });

  it('refuses an admin changing their own role', () => {
    expectDenied(mayChangeRole(admin, admin.uid), 'Nobody can change their own role.');
  });

  it('refuses everyone who is not an admin', () => {
    for (const role of roles.filter((r) => r !== 'admin')) {
      expectDenied(mayChangeRole({ uid: 'u', role }, 'someone-else'), 'Only admins change roles.');
      expectDenied(mayChangeRole({ uid: 'u', role }, 'u'));
    }
    expectDenied(mayChangeRole(null, customer.uid), 'Sign in first.');
  });
});

describe('a new ticket is written as its customer, and follows up only their own finished ticket', () => {
  it("refuses a ticket under any name but the customer's profile name, or from a switched-off account", () => {
    expectDenied(mayCreateTicket(customer, ticket({ customerName: 'Support desk' }), factsFor(customer)), /under your own name/);
    expectDenied(
      mayCreateTicket(customer, ticket(), { profile: { ...profiles[customer.uid]!, active: false }, followUpOf: undefined }),
      'Your account is not active.',
    );
    expectDenied(mayCreateTicket(customer, ticket(), { profile: undefined, followUpOf: undefined }), 'Your account is not active.');
  });

  it('lets a follow-up follow only one of the same customer\'s closed or rejected tickets', () => {
    const followUp = ticket({ followUpOf: 'earlierTicket' });
    const facts = (earlier: NewTicketFacts['followUpOf']): NewTicketFacts => ({ profile: profiles[customer.uid], followUpOf: earlier });
    expectAllowed(mayCreateTicket(customer, followUp, facts({ customerUid: customer.uid, status: 'closed' })));
    expectAllowed(mayCreateTicket(customer, followUp, facts({ customerUid: customer.uid, status: 'rejected' })));
    for (const earlier of [
      undefined,
      { customerUid: otherCustomer.uid, status: 'closed' as const },
      { customerUid: customer.uid, status: 'in_progress' as const },
    ]) {
      expectDenied(mayCreateTicket(customer, followUp, facts(earlier)), /one of your own closed or rejected tickets/);
    }
  });

  it('refuses blank text: whitespace and zero-width marks only', () => {
    for (const blank of [' ', '\u00a0\u200b', '\n\t', '\u3000']) {
      expectDenied(mayCreateTicket(customer, ticket({ title: blank }), factsFor(customer)), 'The ticket is not well formed.');
      expectDenied(mayCreateTicket(customer, ticket({ description: blank }), factsFor(customer)), 'The ticket is not well formed.');
    }
  });

  it('refuses attachments out of slot order (the rules compare neighbours only)', () => {
    const image = { slot: 'image-1', name: 'shot.png', contentType: 'image/png', size: 1000 } as const;
    const pdf = { slot: 'pdf-1', name: 'invoice.pdf', contentType: 'application/pdf', size: 1000 } as const;
    expectDenied(mayCreateTicket(customer, ticket({ attachments: [pdf, image] }), factsFor(customer)), 'Attachments are listed in slot order.');
  });

  it('counts a new document only when the counter after the request names it', () => {
    const counter = { windowStart: new Date(), count: 3, lastPath: 'tickets/t1' };
    expect(isCountedBy(counter, 'tickets/t1')).toBe(true);
    expect(isCountedBy(counter, 'tickets/t2')).toBe(false);
    expect(isCountedBy(undefined, 'tickets/t1')).toBe(false);
  });
});

describe('assignment goes only to an active agent or admin', () => {
  const before = ticket();
  const assign = (assigneeUid: string) => ({ ...before, updatedBy: agent.uid, assigneeUid });
  it('lets staff assign to an active agent or admin', () => {
    expectAllowed(mayUpdateTicket(agent, before, assign(admin.uid), { assignee: profiles[admin.uid] }));
  });
  it('refuses a customer, an unknown uid, a switched-off agent', () => {
    expectDenied(mayUpdateTicket(agent, before, assign(customer.uid), { assignee: profiles[customer.uid] }), /active agent or admin/);
    expectDenied(mayUpdateTicket(agent, before, assign('nobody'), { assignee: undefined }), /active agent or admin/);
    expectDenied(
      mayUpdateTicket(agent, before, assign(admin.uid), { assignee: { role: 'admin', active: false } }),
      /active agent or admin/,
    );
  });
  it('refuses a uid that is a path', () => {
    expectDenied(mayUpdateTicket(agent, before, assign('x/notifications/y'), { assignee: profiles[admin.uid] }), 'That is not an id the desk issues.');
  });
});

describe('messages and notes are written under the profile name', () => {
  const open = ticket({ status: 'in_progress' });
  it('refuses a message under another name: "Support desk", another agent', () => {
    const asDesk = newMessageDoc({ text: 'Your refund is approved.' }, { ...customer, displayName: 'Support desk' }, new Date());
    expectDenied(mayPostMessage(customer, open, asDesk, { profile: profiles[customer.uid] }), /under your own name/);
    const asOther = newMessageDoc({ text: 'On it.' }, { ...agent, displayName: 'Admin One' }, new Date());
    expectDenied(mayPostMessage(agent, open, asOther, { profile: profiles[agent.uid] }), /under your own name/);
    const own = newMessageDoc({ text: 'On it.' }, { ...agent, displayName: 'Agent One' }, new Date());
    expectAllowed(mayPostMessage(agent, open, own, { profile: profiles[agent.uid] }));
  });
  it('refuses a note under another name, or on a ticket that does not exist', () => {
    const note = newNoteDoc({ text: 'Checked billing.' }, { uid: agent.uid, displayName: 'Admin One' }, new Date());
    expectDenied(mayAddNote(agent, open, note, { profile: profiles[agent.uid] }), /under your own name/);
    const own = newNoteDoc({ text: 'Checked billing.' }, { uid: agent.uid, displayName: 'Agent One' }, new Date());
    expectAllowed(mayAddNote(agent, open, own, { profile: profiles[agent.uid] }));
    expectDenied(mayAddNote(agent, undefined, own, { profile: profiles[agent.uid] }), 'No such ticket.');
  });
});

describe('profiles carry the account\'s own email and a real name', () => {
  const fresh: UserDoc = { email: 'cust@example.com', displayName: 'Cust One', role: 'customer', active: true, createdAt: new Date(), claimsSyncedAt: null };
  const signedIn = { ...customer, email: 'cust@example.com' };
  it('lets an account create its own profile with its own email', () => {
    expectAllowed(mayCreateProfile(signedIn, customer.uid, fresh));
  });
  it("refuses someone else's email, a huge one, or none proven", () => {
    expectDenied(mayCreateProfile(signedIn, customer.uid, { ...fresh, email: 'new.hire@desk.example' }), /email you signed in with/);
    expectDenied(mayCreateProfile(signedIn, customer.uid, { ...fresh, email: `${'x'.repeat(1_000_000)}@example.com` }));
    expectDenied(mayCreateProfile(customer, customer.uid, fresh), /email you signed in with/);
  });
  it('refuses reserved, blank, untrimmed or multi-line names', () => {
    for (const displayName of ['Support desk', 'support DESK', ' Cust', 'Cust ', '\u200b', 'Cust\nOne', 'x'.repeat(81)]) {
      expectDenied(mayCreateProfile(signedIn, customer.uid, { ...fresh, displayName }));
    }
  });
  it('lets a person rename themself, and nothing else; an admin changes roles', () => {
    const before = { ...fresh, createdAt: new Date('2024-01-01') };
    expectAllowed(mayUpdateProfile(customer, customer.uid, before, { ...before, displayName: 'Cust Renamed' }));
    expectDenied(mayUpdateProfile(customer, customer.uid, before, { ...before, email: 'other@example.com' }), 'You can change only your name.');
    expectDenied(mayUpdateProfile(customer, customer.uid, before, before), 'That change changes nothing.');
    expectAllowed(mayUpdateProfile(admin, customer.uid, before, { ...before, role: 'agent' }));
  });
});

describe('rate-limit counters', () => {
  const now = new Date('2024-05-01T10:00:30Z');
  const windowStart = new Date('2024-05-01T10:00:00Z');
  it('lets the owner step their counter within the limit, one document at a time', () => {
    const before = { windowStart, count: 5, lastPath: 'tickets/t/messages/m5' };
    expectAllowed(mayStepRateLimit(customer, customer.uid, 'messages', before, { ...before, count: 6, lastPath: 'tickets/t/messages/m6' }, now));
    expectDenied(mayStepRateLimit(customer, customer.uid, 'messages', before, { ...before, count: 7, lastPath: 'tickets/t/messages/m6' }, now));
    expectDenied(mayStepRateLimit(customer, customer.uid, 'messages', before, { ...before, count: 6 }, now));
    expectDenied(mayStepRateLimit(agent, customer.uid, 'messages', before, { ...before, count: 6, lastPath: 'x' }, now), 'Rate limits are private.');
  });
  it('refuses the 31st message in a minute and the 21st ticket in an hour, with the sentence the UI shows', () => {
    const full = { windowStart, count: 30, lastPath: 'tickets/t/messages/m30' };
    expectDenied(
      mayStepRateLimit(customer, customer.uid, 'messages', full, { ...full, count: 31, lastPath: 'tickets/t/messages/m31' }, now),
      'You are sending messages quickly; wait a few seconds.',
    );
    const tickets = { windowStart, count: 20, lastPath: 'tickets/t20' };
    expectDenied(mayStepRateLimit(customer, customer.uid, 'tickets', tickets, { ...tickets, count: 21, lastPath: 'tickets/t21' }, now));
  });
  it('starts a new window only once the last one is over', () => {
    const full = { windowStart, count: 30, lastPath: 'tickets/t/messages/m30' };
    const reset = { windowStart: now, count: 1, lastPath: 'tickets/t/messages/m31' };
    expectDenied(mayStepRateLimit(customer, customer.uid, 'messages', full, reset, now));
    const later = new Date('2024-05-01T10:01:00Z');
    expectAllowed(mayStepRateLimit(customer, customer.uid, 'messages', full, { ...reset, windowStart: later }, later));
  });
});

describe('config/assignment is checked as strictly as its schema', () => {
  it('refuses non-string or path-like pool entries, unknown fields and oversized pools', () => {
    expectAllowed(mayWriteConfig(admin, 'assignment', { strategy: 'round_robin', agentUids: ['agent-1'], lastAssignedUid: null }));
    for (const config of [
      { strategy: 'round_robin', agentUids: [123, {}] },
      { strategy: 'round_robin', agentUids: ['x/notifications/y'] },
      { strategy: 'round_robin', agentUids: Array.from({ length: 101 }, (_, i) => `agent-${i}`) },
      { strategy: 'manual', extra: true },
      { strategy: 'round_robin', lastAssignedUid: 7 },
    ]) {
      expectDenied(mayWriteConfig(admin, 'assignment', config), 'The assignment configuration is not valid.');
    }
  });
});
