import { locksChat, priorityLabels, statusLabels, type Priority, type TicketStatus } from './ticketFields.js';
import { isStaff, type Role } from './roles.js';
import type { TicketDoc } from './ticket.js';

/**
 * What the functions stamp when a ticket changes: first response, resolution and closing
 * times, and the chat lock. Returns only the fields that must change.
 */
export function lifecycleStamps(before: TicketDoc, after: TicketDoc, now: Date): Partial<TicketDoc> {
  const stamps: Partial<TicketDoc> = {};
  if (before.status !== after.status) {
    if (after.firstResponseAt === null && before.status === 'open') stamps.firstResponseAt = now;
    if (after.status === 'resolved') stamps.resolvedAt = now;
    if (after.status === 'closed' || after.status === 'rejected') stamps.closedAt = now;
  }
  const locked = locksChat(after.status);
  if (after.chatLocked !== locked) stamps.chatLocked = locked;
  return stamps;
}

/**
 * The first response to a customer is whichever comes first: staff moving the ticket out of
 * Open (lifecycleStamps) or staff's first chat reply (this). Returns the stamp, or null.
 */
export function firstResponseByMessage(
  ticket: Pick<TicketDoc, 'firstResponseAt'>,
  message: { authorRole: Role | null; createdAt: Date },
): Date | null {
  if (ticket.firstResponseAt !== null || message.authorRole === null || !isStaff(message.authorRole)) return null;
  return message.createdAt;
}

/** The system message the chat shows for a change; `who` is the actor's name. */
export function statusChangeText(from: TicketStatus, to: TicketStatus, who: string, reason?: string | null): string {
  if (to === 'rejected') return `${who} rejected this ticket${reason ? `: ${reason}` : '.'}`;
  if (to === 'closed') return `${who} closed this ticket. The chat is closed; open a follow-up ticket if you need more help.`;
  if (from === 'resolved' && to === 'in_progress') return `${who} reopened this ticket.`;
  return `${who} changed the status from ${statusLabels[from]} to ${statusLabels[to]}.`;
}

export function priorityChangeText(from: Priority, to: Priority, who: string): string {
  return `${who} changed the priority from ${priorityLabels[from]} to ${priorityLabels[to]}.`;
}

export function assigneeChangeText(toName: string | null, who: string): string {
  return toName === null ? `${who} unassigned this ticket.` : `${who} assigned this ticket to ${toName}.`;
}

/** Why the customer's input is disabled on a locked chat. */
export function lockedChatReason(status: TicketStatus): string {
  return status === 'rejected'
    ? 'This ticket was rejected, so its chat is closed.'
    : 'This ticket is closed, so its chat is closed.';
}
