import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changedFields,
  mayChangeRole,
  mayCreateTicket,
  mayListQueue,
  mayReadTicket,
  mayUpdateTicket,
  type Decision,
} from './policy.js';
import type { AttachmentRef } from './attachments.js';
import { roles, type Actor } from './roles.js';
import { newTicketDoc, type TicketDoc } from './ticket.js';
import { priorities, ticketStatuses } from './ticketFields.js';

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
    expectAllowed(mayCreateTicket(customer, ticket()));
  });

  it('refuses a ticket opened for someone else', () => {
    expectDenied(mayCreateTicket(otherCustomer, ticket()), 'A ticket can only be opened for yourself.');
  });

  it('refuses staff and signed-out people', () => {
    expectDenied(mayCreateTicket(agent, ticket({ customerUid: agent.uid })), 'Only customers open tickets.');
    expectDenied(mayCreateTicket(admin, ticket({ customerUid: admin.uid })), 'Only customers open tickets.');
    expectDenied(mayCreateTicket(null, ticket()), 'Sign in to open a ticket.');
  });

  it('refuses a ticket that arrives with a number', () => {
    expectDenied(mayCreateTicket(customer, ticket({ number: 7 })), /starts open, unnumbered/);
  });

  it('refuses a ticket in any status but open', () => {
    for (const status of ticketStatuses.filter((s) => s !== 'open')) {
      expectDenied(mayCreateTicket(customer, ticket({ status })), /starts open/);
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
      expectDenied(mayCreateTicket(customer, ticket(overrides)));
    }
  });

  it('refuses a malformed ticket', () => {
    expectDenied(mayCreateTicket(customer, ticket({ title: 'x'.repeat(201) })), 'The ticket is not well formed.');
  });

  it("refuses a ticket not written in the customer's own name (updatedBy)", () => {
    expectDenied(mayCreateTicket(customer, ticket({ updatedBy: otherCustomer.uid })), /your own name/);
    expectDenied(mayCreateTicket(customer, ticket({ updatedBy: null })), /your own name/);
  });

  it('lets attachments through only as planned: slot kind, content type, size, each slot once', () => {
    const image = { slot: 'image-1', name: 'shot.png', contentType: 'image/png', size: 1000 } as const;
    const pdf = { slot: 'pdf-1', name: 'invoice.pdf', contentType: 'application/pdf', size: 5 * 1024 * 1024 } as const;
    expectAllowed(mayCreateTicket(customer, ticket({ attachments: [image, pdf] })));
    const refusals: [AttachmentRef[], RegExp][] = [
      [[{ ...image, contentType: 'application/pdf' }], /^shot\.png is not an image\.$/],
      [[{ ...pdf, contentType: 'image/png' }], /^invoice\.pdf is not a PDF\.$/],
      [[{ ...image, size: Math.round(3.5 * 1024 * 1024) }], /^shot\.png is 3\.5 MB; images may be at most 3 MB\.$/],
      [[{ ...pdf, size: Math.round(6.2 * 1024 * 1024) }], /^invoice\.pdf is 6\.2 MB; PDFs may be at most 5 MB\.$/],
      [[image, { ...image, name: 'again.png' }], /^again\.png was not added: that attachment slot is already used\.$/],
    ];
    for (const [attachments, reason] of refusals) {
      expectDenied(mayCreateTicket(customer, ticket({ attachments })), reason);
    }
  });
});

describe('mayUpdateTicket', () => {
  it('lets an agent change the priority', () => {
    const before = ticket({ status: 'in_progress', assigneeUid: agent.uid });
    expectAllowed(mayUpdateTicket(agent, before, { ...before, updatedBy: uidOf(agent), priority: 'critical' }));
  });

  it('lets an agent assign a ticket to themself', () => {
    const before = ticket();
    expectAllowed(mayUpdateTicket(agent, before, { ...before, updatedBy: uidOf(agent), assigneeUid: agent.uid }));
  });

  it('refuses a customer changing the priority, naming the field', () => {
    const before = ticket();
    expectDenied(mayUpdateTicket(customer, before, { ...before, updatedBy: uidOf(customer), priority: 'critical' }), 'You cannot change priority.');
  });

  it('lets the customer reopen a resolved ticket', () => {
    const before = ticket({ status: 'resolved' });
    expectAllowed(
      mayUpdateTicket(customer, before, { ...before, updatedBy: uidOf(customer), status: 'in_progress', updatedAt: new Date('2024-05-03') }),
    );
  });

  it('lets the customer close a resolved ticket', () => {
    const before = ticket({ status: 'resolved' });
    expectAllowed(mayUpdateTicket(customer, before, { ...before, updatedBy: uidOf(customer), status: 'closed' }));
  });

  it('refuses another customer even a legal move', () => {
    const before = ticket({ status: 'resolved' });
    expectDenied(
      mayUpdateTicket(otherCustomer, before, { ...before, updatedBy: uidOf(otherCustomer), status: 'closed' }),
      'This ticket belongs to another customer.',
    );
  });

  it('refuses an agent moving a closed ticket back to open', () => {
    const before = ticket({ status: 'closed', chatLocked: true });
    expectDenied(
      mayUpdateTicket(agent, before, { ...before, updatedBy: uidOf(agent), status: 'open' }),
      'An agent cannot move this ticket from Closed to Open.',
    );
    expectDenied(
      mayUpdateTicket(admin, before, { ...before, updatedBy: uidOf(admin), status: 'in_progress' }),
      'An admin cannot move this ticket from Closed to In progress.',
    );
  });

  it('refuses a customer accepting their own ticket', () => {
    const before = ticket();
    expectDenied(
      mayUpdateTicket(customer, before, { ...before, updatedBy: uidOf(customer), status: 'in_progress' }),
      'A customer cannot move this ticket from Open to In progress.',
    );
  });

  it('refuses signed-out changes', () => {
    const before = ticket();
    expectDenied(mayUpdateTicket(null, before, { ...before, updatedBy: uidOf(null), status: 'in_progress' }), 'Sign in to change a ticket.');
  });

  it("refuses a change not written in the actor's own name (updatedBy), for everyone", () => {
    const before = ticket({ status: 'resolved' });
    for (const actor of [customer, agent, admin]) {
      const stranger = actor === customer ? agent.uid : customer.uid;
      expectDenied(
        mayUpdateTicket(actor, before, { ...before, status: 'closed', updatedBy: stranger }),
        /your own name/,
      );
    }
    // Unchanged updatedBy is someone else's for staff: the customer wrote last.
    expectDenied(mayUpdateTicket(agent, before, { ...before, status: 'closed' }), /your own name/);
  });

  it('lets a client stamp only its writer: updatedBy is editable, the rest of the rules still apply', () => {
    const before = ticket({ status: 'in_progress' });
    expectAllowed(mayUpdateTicket(agent, before, { ...before, updatedBy: agent.uid }));
    expectDenied(
      mayUpdateTicket(customer, before, { ...before, updatedBy: customer.uid, priority: 'high' }),
      'You cannot change priority.',
    );
  });

  it('lets nobody change the number or the customer', () => {
    const before = ticket({ number: 42, status: 'in_progress' });
    for (const actor of [customer, agent, admin]) {
      expectDenied(mayUpdateTicket(actor, before, { ...before, updatedBy: uidOf(actor), number: 43 }), 'You cannot change number.');
      expectDenied(
        mayUpdateTicket(actor, before, { ...before, updatedBy: uidOf(actor), customerUid: otherCustomer.uid }),
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
          const priorityChange = mayUpdateTicket(actor, before, { ...before, updatedBy: uidOf(actor), priority: to });
          const staff = actor?.role === 'agent' || actor?.role === 'admin';
          expect(priorityChange.allowed).toBe(from === to ? actor !== null && actor !== otherCustomer : staff);
          if (number !== otherNumber) {
            expect(mayUpdateTicket(actor, before, { ...before, updatedBy: uidOf(actor), number: otherNumber }).allowed).toBe(false);
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
