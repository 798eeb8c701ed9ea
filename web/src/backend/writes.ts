import { newTicketWriteData, newUserDoc, type AttachmentRef, type CannedReplyDoc, type PresenceDoc, type MessageDoc, type NoteDoc, type Priority, type Role, type TicketDoc, type TicketStatus } from '@domain';
import type { AttachmentUpload } from './port';
import { serverTime, type BatchWrite, type DocumentWrite, type FieldTransforms } from './clientRequest';
import type { RateLimitCounters } from './rateLimitCounters';

/**
 * The write requests behind every command of the port, as both adapters send them (and the
 * authorization matrix tests them): paths, data, the fields left to the server's clock, and
 * for a new ticket, message or note the writer's rate-limit step in the same batch, which is
 * what the rules demand. The local adapter queues a request in its outbox; the Firebase
 * adapter commits it as one writeBatch (firebase/commitRequest.ts).
 */

const atServerTime = (...fields: string[]): FieldTransforms => Object.fromEntries(fields.map((field) => [field, serverTime]));

export function newTicketWrites(ticketId: string, ticket: TicketDoc, counters: RateLimitCounters, now: Date): BatchWrite {
  const path = `tickets/${ticketId}`;
  const counted = counters.step('tickets', path, now);
  return {
    method: 'batch',
    writes: [{ method: 'create', path, data: newTicketWriteData(ticket), transforms: atServerTime('createdAt', 'updatedAt') }, counted],
  };
}

export function newMessageWrites(
  ticketId: string,
  messageId: string,
  message: MessageDoc,
  counters: RateLimitCounters,
  now: Date,
): BatchWrite {
  const path = `tickets/${ticketId}/messages/${messageId}`;
  const counted = counters.step('messages', path, now);
  return { method: 'batch', writes: [{ method: 'create', path, data: message, transforms: atServerTime('createdAt') }, counted] };
}

export function newNoteWrites(ticketId: string, noteId: string, note: NoteDoc, counters: RateLimitCounters, now: Date): BatchWrite {
  const path = `tickets/${ticketId}/notes/${noteId}`;
  const counted = counters.step('messages', path, now);
  return { method: 'batch', writes: [{ method: 'create', path, data: note, transforms: atServerTime('createdAt') }, counted] };
}

/** What the ticket says of each planned file (the type read from its bytes, not guessed from its name). */
export function attachmentRefsOf(uploads: readonly AttachmentUpload[]): AttachmentRef[] {
  return uploads.map(({ slot, file, contentType }) => ({ slot, name: file.name, contentType, size: file.size }));
}

/** The fields staff (and a customer closing or reopening) change on a ticket; the rules decide who. */
export interface TicketChange {
  status?: TicketStatus;
  priority?: Priority;
  assigneeUid?: string | null;
  rejectionReason?: string;
  /** The customer's rating of a resolved ticket (satisfactionChange in the domain). */
  satisfaction?: number;
  satisfactionComment?: string | null;
  satisfactionFor?: Date | null;
}

/**
 * A client change of a ticket, stamped with the server's time and its writer's uid (the rules
 * demand both): the update trigger audits it, and knows whose change it was by them.
 */
export function ticketChangeWrite(ticketId: string, change: TicketChange, writerUid: string, now: Date): DocumentWrite {
  return {
    method: 'update',
    path: `tickets/${ticketId}`,
    data: { ...change, updatedAt: now, updatedBy: writerUid },
    transforms: atServerTime('updatedAt'),
  };
}

/** "Read up to now", in the server's time: the reader's marker for the unread dot. */
export function readMarkerWrite(ticketId: string, readerUid: string, now: Date): DocumentWrite {
  return {
    method: 'set',
    path: `tickets/${ticketId}/reads/${readerUid}`,
    data: { uid: readerUid, ticketId, lastReadAt: now },
    transforms: atServerTime('lastReadAt'),
  };
}

/** The owner marks notifications seen, all in one batch. */
export function notificationsSeenWrites(ownerUid: string, ids: readonly string[]): BatchWrite {
  return {
    method: 'batch',
    writes: ids.map((id) => ({ method: 'update', path: `users/${ownerUid}/notifications/${id}`, data: { seen: true } })),
  };
}

/** An admin's change of someone's role or active flag (a trigger mirrors both into claims). */
export function profileChangeWrite(uid: string, change: { role: Role } | { active: boolean }): DocumentWrite {
  return { method: 'update', path: `users/${uid}`, data: change };
}

/** A person's new name for themself (the profile page); their next messages, notes and tickets carry it. */
export function renameSelfWrite(uid: string, displayName: string): DocumentWrite {
  return { method: 'update', path: `users/${uid}`, data: { displayName } };
}

/** The profile a new account writes at sign-up: always a customer, with the email it signed in with. */
export function newProfileWrite(uid: string, profile: { email: string; displayName: string }, now: Date): DocumentWrite {
  return { method: 'create', path: `users/${uid}`, data: newUserDoc(profile, now), transforms: atServerTime('createdAt') };
}

/** An admin's canned reply, new or edited: the whole document, as the rules check it whole. */
export function cannedReplyWrite(id: string, reply: CannedReplyDoc): DocumentWrite {
  return { method: 'set', path: `cannedReplies/${id}`, data: reply };
}

/** An admin removes a canned reply. */
export function cannedReplyRemoval(id: string): DocumentWrite {
  return { method: 'delete', path: `cannedReplies/${id}` };
}

/** A staff member's heartbeat on a ticket, in the server's time: readers drop it once it is older than the expiry. */
export function presenceWrite(presence: PresenceDoc): DocumentWrite {
  return {
    method: 'set',
    path: `presence/${presence.ticketId}/viewers/${presence.uid}`,
    data: presence,
    transforms: atServerTime('heartbeatAt'),
  };
}

/** Leaving the ticket: the entry goes at once (a tab that cannot say so expires instead). */
export function presenceRemoval(ticketId: string, uid: string): DocumentWrite {
  return { method: 'delete', path: `presence/${ticketId}/viewers/${uid}` };
}
