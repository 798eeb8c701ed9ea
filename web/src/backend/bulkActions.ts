import {
  bulkChangeOf,
  planBulkAction,
  type Actor,
  type BulkAction,
  type BulkPlan,
  type BulkRefusal,
  type Ticket,
  type TicketChangeFacts,
} from '@domain';
import { errorMessage } from '../app/errorMessage';
import type { PendingWrite, SupportBackend } from './port';

export interface BulkSummary {
  readonly done: Ticket[];
  /** Refused before anything was written (the domain's rule), or by the server afterwards. */
  readonly refused: BulkRefusal[];
}

export interface BulkRun {
  /** What goes out at once, and what the domain refused before writing. */
  readonly plan: BulkPlan;
  /** Settles when the server has answered for every ticket sent (offline: once back online). */
  readonly settled: Promise<BulkSummary>;
}

/** The port's command for one ticket of a bulk action: the same as for the ticket alone. */
function commandFor(backend: SupportBackend, ticketId: string, action: BulkAction): PendingWrite {
  const change = bulkChangeOf(action);
  if (action.kind === 'assign') return backend.assignTicket(ticketId, change.assigneeUid ?? null);
  if (action.kind === 'priority') return backend.setPriority(ticketId, action.priority);
  return backend.changeStatus(ticketId, action.to);
}

/**
 * A bulk action over the port: each ticket's change is checked by the domain as it would be
 * alone (planBulkAction), sent as its own write, and judged again by the rules; the summary
 * names every refusal with its reason.
 */
export function runBulkAction(
  backend: SupportBackend,
  actor: Actor,
  tickets: readonly Ticket[],
  action: BulkAction,
  facts: TicketChangeFacts,
): BulkRun {
  const plan = planBulkAction(actor, tickets, action, facts, new Date());
  const sent = plan.go.map(async (ticket) => {
    try {
      await commandFor(backend, ticket.id, action).committed;
      return { ticket, refusal: null };
    } catch (error) {
      return { ticket, refusal: errorMessage(error) };
    }
  });
  const settled = Promise.all(sent).then((results) => ({
    done: results.filter((result) => result.refusal === null).map((result) => result.ticket),
    refused: [
      ...plan.refused,
      ...results.flatMap((result) => (result.refusal === null ? [] : [{ ticket: result.ticket, reason: result.refusal }])),
    ],
  }));
  return { plan, settled };
}
