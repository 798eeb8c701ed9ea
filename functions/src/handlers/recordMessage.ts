import {
  firstResponseByMessage,
  messageAudience,
  messageDocSchema,
  messagePreview,
  messageRecipients,
  newMessageText,
  notificationDocSchema,
  searchTokens,
  startsTurn,
  withSearchTokens,
} from '../domain/index.js';
import type { DocData, DocStore, StoreTransaction } from '../store/port.js';
import { activeStaff, ids, notification, paths, readWellFormedTicket } from './docs.js';
import { readSlaPolicy, slaPatch } from './slaStamps.js';

/** The transaction found it must tell every active staff member and was not given them. */
const STAFF_NEEDED = 'staff needed';

/**
 * "Message posted": the ticket learns the message's words (searchTokens, for search in
 * conversations) and of its newest message (for the unread dot, the "recently updated"
 * queue and the queue row's preview: its first words and who wrote it), the first staff
 * reply stamps firstResponseAt (which stops the first-reply clock), and the other side is
 * alerted (`new_message`, see messageAudience): one notification per ticket and recipient,
 * `{ticketId}-messages-{uid}`, which a burst's later messages leave alone while it is
 * unseen and which a new turn, or (for the assignee or the customer) a message after it
 * was seen, raises again; on an unassigned ticket only a new customer turn tells the staff.
 * Triggers are not ordered: a customer's message handled before the staff reply just
 * before it sees no new turn, so that rare case is told as part of the turn. System
 * messages change nothing (status changes notify on their own). Safe to run twice: a
 * message no newer than the stored one moves nothing and alerts nobody, and the alert is
 * written in the same transaction as the ticket's last message. A ticket an edit has broken
 * is left to the repair of that edit.
 *
 * The active staff are looked up (a query, outside the transaction) only when a customer
 * starts a turn on an unassigned ticket: the first run says so, and runs again with them.
 */
export async function recordMessage(
  store: DocStore,
  ticketId: string,
  messageId: string,
  deps: { now: Date },
): Promise<void> {
  const outcome = await store.runTransaction((tx) => recordIn(tx, ticketId, messageId, deps.now, null));
  if (outcome !== STAFF_NEEDED) return;
  const staffUids = (await activeStaff(store)).map((user) => user.uid);
  await store.runTransaction((tx) => recordIn(tx, ticketId, messageId, deps.now, staffUids));
}

async function recordIn(
  tx: StoreTransaction,
  ticketId: string,
  messageId: string,
  now: Date,
  staffUids: readonly string[] | null,
): Promise<typeof STAFF_NEEDED | void> {
  const data = await tx.get(paths.message(ticketId, messageId));
  const ticket = await readWellFormedTicket(tx, ticketId);
  const policy = await readSlaPolicy(tx);
  const parsed = messageDocSchema.safeParse(data);
  if (!ticket || !parsed.success) return;
  const message = parsed.data;
  if (message.kind !== 'user' || message.authorUid === null) return;

  const patch: DocData = {};
  const isNewest = ticket.lastMessageAt === null || ticket.lastMessageAt.getTime() < message.createdAt.getTime();
  if (isNewest) {
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

  // Only the newest message alerts: a late or retried one has been told of already.
  const audience = isNewest ? messageAudience(ticket, message, ticket.lastMessageBy) : { kind: 'nobody' as const };
  if (audience.kind === 'activeStaff' && staffUids === null) return STAFF_NEEDED;
  const newTurn = startsTurn(ticket, message.authorUid, ticket.lastMessageBy);
  const alerts: { path: string; recipientUid: string }[] = [];
  for (const recipientUid of messageRecipients(audience, staffUids ?? [])) {
    const path = paths.notification(recipientUid, ids.notification(recipientUid, ticketId, 'messages'));
    // A new turn raises the alert whatever it was: only within a turn is the one there read.
    if (!newTurn) {
      const existing = notificationDocSchema.safeParse(await tx.get(path));
      // Unseen and of this turn: the burst goes on under the alert already there.
      if (existing.success && !existing.data.seen) continue;
    }
    alerts.push({ path, recipientUid });
  }

  if (ticket.updatedAt.getTime() < now.getTime()) patch.updatedAt = now;
  tx.update(paths.ticket(ticketId), patch);
  for (const { path, recipientUid } of alerts) {
    tx.set(path, notification('new_message', ticketId, newMessageText(ticket, message, recipientUid), now));
  }
}
