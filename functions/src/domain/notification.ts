import { z } from './zod.js';
import { messagePreview, type MessageDoc } from './message.js';
import { formatTicketNumber } from './numbering.js';
import { isStaff } from './roles.js';
import { statusLabels, type TicketStatus } from './ticketFields.js';

/**
 * `users/{uid}/notifications/{id}`: written by the functions; agents get one per new ticket,
 * customers one per status change of their tickets, both one per burst of the other side's
 * chat messages (`new_message`). The drawer marks them seen.
 */
export const notificationKinds = ['new_ticket', 'status_changed', 'assigned', 'sla_breached', 'new_message'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** What a toast or a browser notification calls each kind, in the reader's words. */
export const notificationTitles: Record<NotificationKind, string> = {
  new_ticket: 'New ticket',
  status_changed: 'Ticket status changed',
  assigned: 'Ticket assigned to you',
  sla_breached: 'Service level breached',
  new_message: 'New message',
};

export const notificationDocSchema = z.object({
  kind: z.enum(notificationKinds),
  ticketId: z.string().check(z.minLength(1)),
  text: z.string().check(z.minLength(1)),
  createdAt: z.date(),
  seen: z.boolean(),
});
export type NotificationDoc = z.infer<typeof notificationDocSchema>;
export type AppNotification = NotificationDoc & { readonly id: string };
export const NOTIFICATIONS_SHOWN = 30;

/** Who is told of what, in the words they read. Nobody is notified of their own action. */
export interface Notice {
  readonly recipientUid: string;
  readonly text: string;
}

type TicketFacts = { number: number | null; title: string; customerUid: string; customerName: string };

const ticketName = (ticket: TicketFacts) => `${formatTicketNumber(ticket.number)} ("${ticket.title}")`;

/** Every active agent and admin hears of a new ticket. */
export function newTicketText(ticket: TicketFacts): string {
  return `New ticket ${formatTicketNumber(ticket.number)} from ${ticket.customerName}: ${ticket.title}`;
}

/** The customer hears of every status change of their ticket, unless they made it. */
export function statusChangeNotice(
  ticket: TicketFacts,
  to: TicketStatus,
  rejectionReason: string | null,
  actorUid: string | null,
): Notice | null {
  if (actorUid === ticket.customerUid) return null;
  const text =
    to === 'rejected' && rejectionReason
      ? `Your ticket ${ticketName(ticket)} was rejected: ${rejectionReason}`
      : `Your ticket ${ticketName(ticket)} is now ${statusLabels[to]}.`;
  return { recipientUid: ticket.customerUid, text };
}

/** A new assignee hears they were given the ticket, unless they took it themselves. */
export function assignmentNotice(
  ticket: TicketFacts,
  assigneeUid: string | null,
  actorUid: string | null,
  actorName: string,
): Notice | null {
  if (assigneeUid === null || assigneeUid === actorUid) return null;
  return { recipientUid: assigneeUid, text: `${actorName} assigned ticket ${ticketName(ticket)} to you.` };
}

/** The agent auto-assignment picked hears of it. */
export function autoAssignmentNotice(ticket: TicketFacts, assigneeUid: string): Notice {
  return {
    recipientUid: assigneeUid,
    text: `Ticket ${formatTicketNumber(ticket.number)} was assigned to you: ${ticket.title}`,
  };
}

/**
 * Who hears of a chat message. `previousAuthorUid` is who wrote the ticket's last message
 * before this one (null: none yet); the caller asks only for a message that is the ticket's
 * newest, so a late or retried one tells nobody again.
 * - a customer's message: the assignee; on an unassigned ticket every active staff member,
 *   but only at the start of the customer's turn (a customer writing ten lines is one alert,
 *   and the staff are looked up once);
 * - a staff reply: the customer;
 * - system messages tell nobody (status changes notify on their own), nor do internal notes,
 *   which are not messages at all (no trigger reads them).
 * Never the author.
 */
export type MessageAudience =
  | { readonly kind: 'nobody' }
  | { readonly kind: 'one'; readonly uid: string }
  | { readonly kind: 'activeStaff'; readonly exceptUid: string };

type MessageTicketFacts = { customerUid: string; assigneeUid: string | null };
type MessageFacts = Pick<MessageDoc, 'authorUid' | 'authorRole' | 'kind'>;

const nobody: MessageAudience = { kind: 'nobody' };

export function messageAudience(
  ticket: MessageTicketFacts,
  message: MessageFacts,
  previousAuthorUid: string | null,
): MessageAudience {
  const { authorUid, authorRole } = message;
  if (message.kind !== 'user' || authorUid === null || authorRole === null) return nobody;
  if (authorUid === ticket.customerUid) {
    if (ticket.assigneeUid !== null) return ticket.assigneeUid === authorUid ? nobody : { kind: 'one', uid: ticket.assigneeUid };
    return startsTurn(ticket, authorUid, previousAuthorUid) ? { kind: 'activeStaff', exceptUid: authorUid } : nobody;
  }
  return isStaff(authorRole) ? { kind: 'one', uid: ticket.customerUid } : nobody;
}

/** The uids an audience names, given the active staff's (looked up only for 'activeStaff'). */
export function messageRecipients(audience: MessageAudience, activeStaffUids: readonly string[]): string[] {
  if (audience.kind === 'nobody') return [];
  if (audience.kind === 'one') return [audience.uid];
  return activeStaffUids.filter((uid) => uid !== audience.exceptUid);
}

/**
 * Whether a message opens a new turn of its side (customer or staff): the previous message
 * was the other side's, or there was none. A new turn is a new burst: its alert is new even
 * if the last one was never opened.
 */
export function startsTurn(ticket: MessageTicketFacts, authorUid: string, previousAuthorUid: string | null): boolean {
  if (previousAuthorUid === null) return true;
  return (previousAuthorUid === ticket.customerUid) !== (authorUid === ticket.customerUid);
}

/** The alert's words: staff read which ticket and who; the customer reads it is their ticket. */
export function newMessageText(
  ticket: TicketFacts,
  message: Pick<MessageDoc, 'authorUid' | 'authorName' | 'text'>,
  recipientUid: string,
): string {
  const where = recipientUid === ticket.customerUid ? `your ticket ${ticketName(ticket)}` : ticketName(ticket);
  const from = message.authorName.length > 0 ? message.authorName : 'someone';
  return `New message on ${where} from ${from}: ${messagePreview(message.text)}`;
}
