import { assignmentConfigSchema } from './assignment.js';
import { attachmentsProblem } from './attachments.js';
import { messageDocSchema, noteDocSchema, readMarkerSchema, type MessageDoc, type NoteDoc, type ReadMarker } from './message.js';
import { notificationDocSchema, type NotificationDoc } from './notification.js';
import { isStaff, type Actor } from './roles.js';
import { canTransition } from './statusMachine.js';
import { ticketDocSchema, type TicketDoc } from './ticket.js';
import { REJECTION_REASON_MAX, locksChat, statusLabels } from './ticketFields.js';
import { DISPLAY_NAME_MAX } from './user.js';

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
 * A customer opens a ticket for themself, as its writer (updatedBy); everything the
 * functions own (number, assignee, lock, timestamps of later events) must start empty, the
 * status must be open, and the attachments must be ones the desk would have planned.
 */
export function mayCreateTicket(actor: Actor | null, doc: TicketDoc): Decision {
  if (!actor) return deny('Sign in to open a ticket.');
  if (actor.role !== 'customer') return deny('Only customers open tickets.');
  if (doc.customerUid !== actor.uid) return deny('A ticket can only be opened for yourself.');
  if (!ticketDocSchema.safeParse(doc).success) return deny('The ticket is not well formed.');
  if (doc.updatedBy !== actor.uid) return deny('A ticket is written in your own name.');
  const attachmentProblem = attachmentsProblem(doc.attachments);
  if (attachmentProblem) return deny(attachmentProblem);
  const untouched =
    doc.number === null &&
    doc.status === 'open' &&
    doc.assigneeUid === null &&
    doc.assigneeName === null &&
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

/**
 * Fields each role may change on an existing ticket; everything else is the functions'.
 * `updatedAt` and `updatedBy` are every client write's stamp: when and by whom.
 */
export const editableTicketFields = {
  customer: ['status', 'updatedAt', 'updatedBy'],
  agent: ['status', 'priority', 'assigneeUid', 'rejectionReason', 'updatedAt', 'updatedBy'],
  admin: ['status', 'priority', 'assigneeUid', 'rejectionReason', 'updatedAt', 'updatedBy'],
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
  const changed = changedFields(before, after);
  const forbidden = changed.filter((field) => !editable.includes(field));
  if (forbidden.length > 0) return deny(`You cannot change ${forbidden.join(', ')}.`);
  if (changed.length > 0 && after.updatedBy !== actor.uid) {
    return deny('A change of a ticket is written in your own name (updatedBy).');
  }
  if (before.status !== after.status && !canTransition(actor.role, before.status, after.status)) {
    const who = `${actor.role === 'customer' ? 'A' : 'An'} ${actor.role}`;
    return deny(
      `${who} cannot move this ticket from ${statusLabels[before.status]} to ${statusLabels[after.status]}.`,
    );
  }
  const rejecting = after.status === 'rejected' && before.status !== 'rejected';
  if (rejecting && !after.rejectionReason) return deny('Give a reason when rejecting a ticket.');
  if (rejecting && (after.rejectionReason?.length ?? 0) > REJECTION_REASON_MAX) {
    return deny(`A rejection reason may be at most ${REJECTION_REASON_MAX} characters.`);
  }
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

// ---- the ticket's subcollections, notifications and config ----

/** Whether a participant may post into the chat now: never while it is closed, rejected or locked. */
export function mayPostMessage(
  actor: Actor | null,
  ticket: Pick<TicketDoc, 'customerUid' | 'status' | 'chatLocked'>,
  message: MessageDoc,
): Decision {
  if (!actor) return deny('Sign in to write in the chat.');
  const readable = mayReadTicket(actor, ticket);
  if (!readable.allowed) return readable;
  if (locksChat(ticket.status) || ticket.chatLocked) {
    return deny('This chat is closed; open a follow-up ticket if you need more help.');
  }
  if (!messageDocSchema.safeParse(message).success) return deny('The message is not well formed.');
  if (message.kind !== 'user') return deny('Only the desk itself posts system messages.');
  if (message.authorUid !== actor.uid || message.authorRole !== actor.role) {
    return deny('A message can only be posted as yourself.');
  }
  if (message.authorName.length > DISPLAY_NAME_MAX) return deny('The author name is too long.');
  return allow;
}

/** Internal notes are for staff only, in every state of the ticket. */
export function mayReadNotes(actor: Actor | null): Decision {
  if (!actor) return deny('Sign in first.');
  return isStaff(actor.role) ? allow : deny('Internal notes are for support staff only.');
}

export function mayAddNote(actor: Actor | null, note: NoteDoc): Decision {
  const staff = mayReadNotes(actor);
  if (!staff.allowed || !actor) return staff;
  if (!noteDocSchema.safeParse(note).success) return deny('The note is not well formed.');
  if (note.authorUid !== actor.uid) return deny('A note can only be written as yourself.');
  if (note.authorName.length > DISPLAY_NAME_MAX) return deny('The author name is too long.');
  return allow;
}

/** Each reader keeps their own marker on tickets they may read; nobody writes anyone else's. */
export function mayWriteReadMarker(
  actor: Actor | null,
  ticket: Pick<TicketDoc, 'customerUid'>,
  path: { ticketId: string; readerUid: string },
  marker: ReadMarker,
): Decision {
  if (!actor) return deny('Sign in first.');
  if (path.readerUid !== actor.uid || marker.uid !== actor.uid) return deny('Only you can mark what you have read.');
  const readable = mayReadTicket(actor, ticket);
  if (!readable.allowed) return readable;
  if (!readMarkerSchema.safeParse(marker).success || marker.ticketId !== path.ticketId) {
    return deny('The read marker is not well formed.');
  }
  return allow;
}

/** A person's read markers are theirs alone (also across tickets, for the one unread listener). */
export function mayReadReadMarkers(actor: Actor | null, readerUid: string): Decision {
  if (!actor) return deny('Sign in first.');
  return actor.uid === readerUid ? allow : deny('Read markers are private.');
}

/** `users/{uid}/notifications`: the owner reads them; only the functions write them. */
export function mayReadNotifications(actor: Actor | null, ownerUid: string): Decision {
  if (!actor) return deny('Sign in first.');
  return actor.uid === ownerUid ? allow : deny('Notifications are private.');
}

/** The owner marks a notification seen, and changes nothing else. */
export function mayUpdateNotification(
  actor: Actor | null,
  ownerUid: string,
  before: NotificationDoc,
  after: NotificationDoc,
): Decision {
  const own = mayReadNotifications(actor, ownerUid);
  if (!own.allowed) return own;
  if (!notificationDocSchema.safeParse(after).success) return deny('The notification is not well formed.');
  const changed = (Object.keys(after) as (keyof NotificationDoc)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (changed.length !== 1 || changed[0] !== 'seen' || after.seen !== true) {
    return deny('A notification can only be marked seen.');
  }
  return allow;
}

/** `config/*`: staff read the desk's configuration; admins change it. */
export function mayReadConfig(actor: Actor | null): Decision {
  if (!actor) return deny('Sign in first.');
  return isStaff(actor.role) ? allow : deny('The desk configuration is for support staff.');
}

export function mayWriteConfig(actor: Actor | null, configId: string, after: Record<string, unknown>): Decision {
  if (!actor) return deny('Sign in first.');
  if (actor.role !== 'admin') return deny('Only admins change the desk configuration.');
  if (configId === 'assignment' && !assignmentConfigSchema.safeParse(after).success) {
    return deny('The assignment configuration is not valid.');
  }
  return allow;
}
