import {
  autoCloseText,
  isDueToAutoClose,
  statusChangeNotice,
  systemMessageDoc,
  type TicketEvent,
} from '../domain/index.js';
import type { DocStore } from '../store/port.js';
import { ids, notification, paths, readWellFormedTicket } from './docs.js';
import { readSlaPolicy } from './slaStamps.js';

export const AUTO_CLOSE_NAME = 'Auto-close';

/**
 * The scheduled auto-close: every ticket resolved for `config/sla`'s autoCloseDays (default
 * 4) is closed, with the 'status' event, a system message in the chat and the customer's
 * notification, all in one transaction with the change. The update trigger knows the change
 * by its event (isFunctionsOwnChange). Safe to run twice or from two places: a ticket
 * re-read as closed (or reopened meanwhile) is left alone. Returns the ids it closed.
 */
export async function autoCloseResolved(store: DocStore, deps: { now: Date }): Promise<string[]> {
  const resolved = await store.find('tickets', [['status', '==', 'resolved']]);
  const closed: string[] = [];
  for (const { id } of resolved) {
    if (await closeIfDue(store, id, deps.now)) closed.push(id);
  }
  return closed;
}

async function closeIfDue(store: DocStore, ticketId: string, now: Date): Promise<boolean> {
  return store.runTransaction(async (tx) => {
    const ticket = await readWellFormedTicket(tx, ticketId);
    const policy = await readSlaPolicy(tx);
    if (!ticket || !isDueToAutoClose(ticket, policy, now)) return false;
    // Never backwards: the event carries the same time, which is how the update trigger knows the change as ours.
    const at = new Date(Math.max(now.getTime(), ticket.updatedAt.getTime() + 1));
    const event: TicketEvent = {
      kind: 'status',
      actorUid: null,
      actorName: AUTO_CLOSE_NAME,
      from: 'resolved',
      to: 'closed',
      note: `Resolved for ${policy.autoCloseDays} days`,
      at,
    };
    tx.update(paths.ticket(ticketId), { status: 'closed', closedAt: at, chatLocked: true, updatedAt: at });
    const eventId = ids.autoClosedEvent(ticketId);
    tx.set(paths.event(ticketId, eventId), event);
    tx.set(paths.message(ticketId, eventId), systemMessageDoc(autoCloseText(policy.autoCloseDays), at));
    const notice = statusChangeNotice(ticket, 'closed', null, null);
    if (notice) {
      const uid = notice.recipientUid;
      tx.set(paths.notification(uid, ids.notification(uid, ticketId, 'auto-closed')), notification('status_changed', ticketId, notice.text, at));
    }
    return true;
  });
}
