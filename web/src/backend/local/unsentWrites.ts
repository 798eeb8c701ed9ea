import { messageDocSchema, ticketDocSchema, type ChatMessage } from '@domain';
import { writesOf, type DocData } from '../clientRequest';
import { outboxTarget, type LocalDatabase, type MessageRow, type OutboxRow, type TicketRow } from './localDatabase';

/**
 * The display of unsent writes: what this user wrote that the "server" does not have yet
 * (still in the outbox, or refused there), shown at once as Firestore's cache shows its
 * pending writes: a ticket as `#pending`, a message as sending, or failed with Retry. Other
 * people's pending writes are theirs alone. Each read asks (and so wakes for) only the
 * outbox entries of one writer into one collection.
 */

/** A document a queued write creates, with the outbox entry that carries it. */
export interface QueuedCreate {
  readonly row: OutboxRow;
  readonly path: string;
  readonly data: DocData;
}

/** Documents this user's queued writes create in one collection (batches included). */
export async function queuedCreates(db: LocalDatabase, viewer: string, collection: string): Promise<QueuedCreate[]> {
  const rows = await db.outbox.where('targets').equals(outboxTarget(viewer, collection)).toArray();
  const prefix = `${collection}/`;
  return rows.flatMap((row) =>
    writesOf(row.request).flatMap((write) =>
      write.method === 'create' && write.path.startsWith(prefix) && !write.path.slice(prefix.length).includes('/')
        ? [{ row, path: write.path, data: write.data }]
        : [],
    ),
  );
}

/** Tickets this user opened that the "server" does not have yet (refused ones are not shown). */
export async function queuedTickets(db: LocalDatabase, viewer: string): Promise<TicketRow[]> {
  const queued = await queuedCreates(db, viewer, 'tickets');
  return queued
    .filter(({ row }) => row.state !== 'failed')
    .map(({ path, data }) => ({ ...ticketDocSchema.parse(data), id: path.slice('tickets/'.length) }));
}

/**
 * A chat window: the stored messages (newest first, as read) and this user's queued ones not
 * stored yet, oldest first; a queued one shows sending, or failed once refused.
 */
export function chatWithUnsent(ticketId: string, stored: readonly MessageRow[], queued: readonly QueuedCreate[]): ChatMessage[] {
  const prefix = `tickets/${ticketId}/messages/`;
  const onServer = new Set(stored.map((row) => row.id));
  const sent: ChatMessage[] = stored.map((row) => ({ ...messageDocSchema.parse(row), id: row.id, delivery: 'sent' as const }));
  const waiting: ChatMessage[] = queued
    .map(({ row, data, path }) => ({ row, data, id: path.slice(prefix.length) }))
    .filter(({ id }) => !onServer.has(id))
    .map(({ row, data, id }) => ({
      ...messageDocSchema.parse(data),
      id,
      delivery: row.state === 'failed' ? ('failed' as const) : ('sending' as const),
    }));
  return [...sent.reverse(), ...waiting].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** The refused outbox entry that carries this user's message, and the message as it was sent; undefined if none. */
export async function failedMessage(
  db: LocalDatabase,
  writerUid: string,
  ticketId: string,
  messageId: string,
): Promise<{ seq: number; data: DocData } | undefined> {
  const path = `tickets/${ticketId}/messages/${messageId}`;
  const row = await db.outbox
    .where('targets')
    .equals(outboxTarget(writerUid, `tickets/${ticketId}/messages`))
    .filter((entry) => entry.state === 'failed' && writesOf(entry.request).some((write) => write.path === path))
    .first();
  const message = row && writesOf(row.request).find((write) => write.path === path);
  if (!row || row.seq === undefined || !message || message.method !== 'create') return undefined;
  return { seq: row.seq, data: message.data };
}
