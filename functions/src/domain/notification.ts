import { z } from 'zod';
import { formatTicketNumber } from './numbering.js';
import { statusLabels, type TicketStatus } from './ticketFields.js';

/**
 * `users/{uid}/notifications/{id}`: written by the functions; agents get one per new ticket,
 * customers one per status change of their tickets. The drawer marks them seen.
 */
export const notificationKinds = ['new_ticket', 'status_changed', 'assigned'] as const;

export const notificationDocSchema = z.object({
  kind: z.enum(notificationKinds),
  ticketId: z.string().min(1),
  text: z.string().min(1),
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
