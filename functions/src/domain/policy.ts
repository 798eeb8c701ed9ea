import { isStaff, type Actor } from './roles.js';
import { canTransition } from './statusMachine.js';
import { ticketDocSchema, type TicketDoc } from './ticket.js';
import { statusLabels } from './ticketFields.js';

/**
 * Who may do what. The local backend calls these before every operation; firestore.rules
 * mirrors them; the authorization matrix runs the same table against both.
 */
export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

export function mayReadTicket(actor: Actor | null, ticket: Pick<TicketDoc, 'customerUid'>): Decision {
  if (!actor) return deny('Sign in to see tickets.');
  if (isStaff(actor.role) || ticket.customerUid === actor.uid) return allow;
  return deny('This ticket belongs to another customer.');
}

/** The queue lists every ticket: staff only. */
export function mayListQueue(actor: Actor | null): Decision {
  if (!actor) return deny('Sign in to see the queue.');
  return isStaff(actor.role) ? allow : deny('Only support staff can see the queue.');
}

/**
 * A customer opens a ticket for themself; everything the functions own (number, assignee,
 * lock, timestamps of later events) must start empty and the status must be open.
 */
export function mayCreateTicket(actor: Actor | null, doc: TicketDoc): Decision {
  if (!actor) return deny('Sign in to open a ticket.');
  if (actor.role !== 'customer') return deny('Only customers open tickets.');
  if (doc.customerUid !== actor.uid) return deny('A ticket can only be opened for yourself.');
  if (!ticketDocSchema.safeParse(doc).success) return deny('The ticket is not well formed.');
  const untouched =
    doc.number === null &&
    doc.status === 'open' &&
    doc.assigneeUid === null &&
    doc.chatLocked === false &&
    doc.lastMessageAt === null &&
    doc.lastMessageBy === null &&
    doc.firstResponseAt === null &&
    doc.resolvedAt === null &&
    doc.closedAt === null &&
    doc.rejectionReason === null &&
    doc.searchTokens.length === 0 &&
    doc.staffLastReadAt === null;
  return untouched ? allow : deny('A new ticket starts open, unnumbered and unassigned.');
}

/** Fields each role may change on an existing ticket; everything else is the functions'. */
export const editableTicketFields = {
  customer: ['status', 'updatedAt'],
  agent: ['status', 'priority', 'assigneeUid', 'rejectionReason', 'updatedAt'],
  admin: ['status', 'priority', 'assigneeUid', 'rejectionReason', 'updatedAt'],
} as const satisfies Record<Actor['role'], readonly (keyof TicketDoc)[]>;

export function changedFields(before: TicketDoc, after: TicketDoc): (keyof TicketDoc)[] {
  return (Object.keys(after) as (keyof TicketDoc)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

export function mayUpdateTicket(actor: Actor | null, before: TicketDoc, after: TicketDoc): Decision {
  if (!actor) return deny('Sign in to change a ticket.');
  const readable = mayReadTicket(actor, before);
  if (!readable.allowed) return readable;
  const editable: readonly string[] = editableTicketFields[actor.role];
  const forbidden = changedFields(before, after).filter((field) => !editable.includes(field));
  if (forbidden.length > 0) return deny(`You cannot change ${forbidden.join(', ')}.`);
  if (before.status !== after.status && !canTransition(actor.role, before.status, after.status)) {
    const who = `${actor.role === 'customer' ? 'A' : 'An'} ${actor.role}`;
    return deny(
      `${who} cannot move this ticket from ${statusLabels[before.status]} to ${statusLabels[after.status]}.`,
    );
  }
  const rejecting = after.status === 'rejected' && before.status !== 'rejected';
  if (rejecting && !after.rejectionReason) return deny('Give a reason when rejecting a ticket.');
  if (!rejecting && after.rejectionReason !== before.rejectionReason) {
    return deny('A rejection reason is given only with the move to Rejected.');
  }
  return allow;
}

/** Admins change other people's roles; nobody changes their own (so nobody raises it). */
export function mayChangeRole(actor: Actor | null, targetUid: string): Decision {
  if (!actor) return deny('Sign in first.');
  if (actor.role !== 'admin') return deny('Only admins change roles.');
  if (actor.uid === targetUid) return deny('Nobody can change their own role.');
  return allow;
}
