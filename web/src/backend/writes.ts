import type { AttachmentRef, MessageDoc, NoteDoc, TicketDoc } from '@domain';
import type { AttachmentUpload } from './port';
import { serverTime, type BatchWrite, type FieldTransforms } from './clientRequest';
import type { RateLimitCounters } from './rateLimitCounters';

/**
 * The write requests behind the port's commands that create documents, as both adapters send
 * them: the document (its times left to the server's clock) together with the writer's
 * rate-limit step in one batch, which is what the rules demand. The local adapter queues the
 * request in its outbox; the Firebase adapter commits it as one writeBatch.
 */

const atServerTime = (...fields: string[]): FieldTransforms => Object.fromEntries(fields.map((field) => [field, serverTime]));

export function newTicketWrites(ticketId: string, ticket: TicketDoc, counters: RateLimitCounters, now: Date): BatchWrite {
  const path = `tickets/${ticketId}`;
  const counted = counters.step('tickets', path, now);
  return {
    method: 'batch',
    writes: [{ method: 'create', path, data: ticket, transforms: atServerTime('createdAt', 'updatedAt') }, counted],
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
