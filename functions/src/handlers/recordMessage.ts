import { firstResponseByMessage, messageDocSchema, messagePreview, searchTokens, withSearchTokens } from '../domain/index.js';
import type { DocData, DocStore } from '../store/port.js';
import { paths, readWellFormedTicket } from './docs.js';
import { readSlaPolicy, slaPatch } from './slaStamps.js';

/**
 * "Message posted": the ticket learns the message's words (searchTokens, for search in
 * conversations) and of its newest message (for the unread dot, the "recently updated"
 * queue and the queue row's preview: its first words and who wrote it), and the first staff
 * reply stamps firstResponseAt (which stops the first-reply clock). System
 * messages change nothing (status changes notify on their own). Safe to run twice: a
 * message no newer than the stored one moves nothing. A ticket an edit has broken is left
 * to the repair of that edit.
 */
export async function recordMessage(
  store: DocStore,
  ticketId: string,
  messageId: string,
  deps: { now: Date },
): Promise<void> {
  await store.runTransaction(async (tx) => {
    const data = await tx.get(paths.message(ticketId, messageId));
    const ticket = await readWellFormedTicket(tx, ticketId);
    const policy = await readSlaPolicy(tx);
    const parsed = messageDocSchema.safeParse(data);
    if (!ticket || !parsed.success) return;
    const message = parsed.data;
    if (message.kind !== 'user' || message.authorUid === null) return;

    const patch: DocData = {};
    if (ticket.lastMessageAt === null || ticket.lastMessageAt.getTime() < message.createdAt.getTime()) {
      patch.lastMessageAt = message.createdAt;
      patch.lastMessageBy = message.authorUid;
      patch.lastMessagePreview = messagePreview(message.text);
    }
    // The message's words join the ticket's, for staff search in conversations.
    const tokens = withSearchTokens(ticket.searchTokens, searchTokens(message.text));
    if (tokens.length !== ticket.searchTokens.length) patch.searchTokens = tokens;
    const firstResponse = firstResponseByMessage(ticket, message);
    if (firstResponse) {
      patch.firstResponseAt = firstResponse;
      // The first-reply clock stops.
      Object.assign(patch, slaPatch({ ...ticket, firstResponseAt: firstResponse }, policy));
    }
    if (Object.keys(patch).length === 0) return;
    if (ticket.updatedAt.getTime() < deps.now.getTime()) patch.updatedAt = deps.now;
    tx.update(paths.ticket(ticketId), patch);
  });
}
