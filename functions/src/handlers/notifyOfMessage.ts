import {
  isStaff,
  messageDocSchema,
  messageNoticeText,
  messagePreview,
  messageRecipients,
  notificationDocSchema,
} from '../domain/index.js';
import type { DocStore } from '../store/port.js';
import { activeStaff, ids, notification, paths, readWellFormedTicket } from './docs.js';

/**
 * "Message posted", told: the recipients (domain messageRecipients) get one in-app
 * notification per burst, the message's time as its own. A recipient whose notification of
 * this ticket's messages is still unseen gets nothing more; once they have seen it, the next
 * message sets it again. Safe to run twice: a notification as new as the message is left alone.
 */
export async function notifyOfMessage(store: DocStore, ticketId: string, messageId: string): Promise<void> {
  const staff = await activeStaff(store);
  await store.runTransaction(async (tx) => {
    const parsed = messageDocSchema.safeParse(await tx.get(paths.message(ticketId, messageId)));
    const ticket = await readWellFormedTicket(tx, ticketId);
    if (!ticket || !parsed.success) return;
    const message = parsed.data;
    if (message.kind !== 'user' || message.authorUid === null || message.authorRole === null) return;
    const byStaff = isStaff(message.authorRole);
    const recipients = messageRecipients(ticket, message.authorUid, byStaff, staff.map((user) => user.uid));
    const text = messageNoticeText(ticket, message.authorName, messagePreview(message.text), byStaff);
    const pathsOf = recipients.map((uid) => paths.notification(uid, ids.messageNotification(uid, ticketId)));
    const existing = await Promise.all(pathsOf.map((path) => tx.get(path)));
    pathsOf.forEach((path, index) => {
      const before = notificationDocSchema.safeParse(existing[index]);
      if (before.success && (!before.data.seen || before.data.createdAt.getTime() >= message.createdAt.getTime())) return;
      tx.set(path, notification('new_message', ticketId, text, message.createdAt));
    });
  });
}
