import { formatTicketNumber } from './numbering.js';
import { mayUpdateTicket, type Decision, type TicketChangeFacts } from './policy.js';
import type { Actor } from './roles.js';
import type { Ticket, TicketDoc } from './ticket.js';
import type { Priority, TicketStatus } from './ticketFields.js';

/**
 * Bulk actions in the queue: one change for several tickets, each judged by the same rule
 * as the change of one ticket (mayUpdateTicket, which the rules mirror); what is refused is
 * said per ticket, and the rest goes ahead.
 */
export type BulkAction =
  | { readonly kind: 'assign'; readonly assigneeUid: string | null }
  | { readonly kind: 'priority'; readonly priority: Priority }
  | { readonly kind: 'status'; readonly to: Extract<TicketStatus, 'resolved' | 'closed'> };

export const BULK_SELECTION_MAX = 100;

/** The ticket fields a bulk action changes. */
export function bulkChangeOf(action: BulkAction): Partial<Pick<TicketDoc, 'assigneeUid' | 'priority' | 'status'>> {
  switch (action.kind) {
    case 'assign':
      return { assigneeUid: action.assigneeUid };
    case 'priority':
      return { priority: action.priority };
    case 'status':
      return { status: action.to };
  }
}

export interface BulkRefusal {
  readonly ticket: Ticket;
  readonly reason: string;
}

export interface BulkPlan {
  /** The tickets the change may go to, as it would for one of them alone. */
  readonly go: Ticket[];
  readonly refused: BulkRefusal[];
}

/** Which of `tickets` the action may change, and why each other one may not. */
export function planBulkAction(actor: Actor, tickets: readonly Ticket[], action: BulkAction, facts: TicketChangeFacts, now: Date): BulkPlan {
  const go: Ticket[] = [];
  const refused: BulkRefusal[] = [];
  for (const ticket of tickets) {
    const { id: _id, ...before } = ticket;
    const after: TicketDoc = { ...before, ...bulkChangeOf(action), updatedAt: now, updatedBy: actor.uid };
    const decision: Decision = mayUpdateTicket(actor, before, after, facts);
    if (decision.allowed) go.push(ticket);
    else refused.push({ ticket, reason: decision.reason });
  }
  return { go, refused };
}

/** "Resolved 3 tickets." / "Assigned 1 ticket." : what a bulk action did, in a sentence. */
export function bulkDoneSentence(action: BulkAction, count: number): string {
  const verb = action.kind === 'assign' ? (action.assigneeUid === null ? 'Unassigned' : 'Assigned') : action.kind === 'priority' ? 'Changed the priority of' : action.to === 'resolved' ? 'Resolved' : 'Closed';
  return `${verb} ${count} ${count === 1 ? 'ticket' : 'tickets'}.`;
}

/** One refusal as the summary lists it: "#12 Printer on fire: An agent cannot move …". */
export function bulkRefusalLine({ ticket, reason }: BulkRefusal): string {
  return `${formatTicketNumber(ticket.number)} ${ticket.title}: ${reason}`;
}
