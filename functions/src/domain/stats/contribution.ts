import type { TicketDoc } from '../ticket.js';
import type { Priority } from '../ticketFields.js';
import { durationBucketOf } from './durations.js';
import { dayKeyOf, monthKeyOf, statsDocIds } from './statsDocs.js';

/**
 * What one ticket counts in the stats: a bag of cells, each `"{stats doc id} {field path}"`
 * with how much it adds. It is a function of the ticket as it is now and of the reopens seen
 * of it, so a trigger counts a change as the difference between what the ticket counted
 * before and what it counts now (whatever the change was: a move in either direction, a
 * revert, a new priority), and a rebuild is the sum over all tickets.
 */
export type Cells = Map<string, number>;

export const cellKey = (docId: string, field: string) => `${docId} ${field}`;
export function splitCellKey(key: string): { docId: string; field: string } {
  const space = key.indexOf(' ');
  return { docId: key.slice(0, space), field: key.slice(space + 1) };
}

/** The ticket facts the stats read (a TicketDoc has them all). */
export type CountedTicket = Pick<
  TicketDoc,
  | 'status'
  | 'priority'
  | 'category'
  | 'assigneeUid'
  | 'createdAt'
  | 'updatedAt'
  | 'firstResponseAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'suggestedCategory'
  | 'suggestedPriority'
>;

/** What a ticket's counts need beyond the ticket as it is now. */
export interface TicketHistory {
  /** When it was moved from resolved back to in progress. */
  readonly reopens: readonly Date[];
  /** The priority its customer submitted (null: the ticket's own, nobody changed it). */
  readonly submittedPriority: Priority | null;
}

const inBacklog = (status: TicketDoc['status']) => status === 'open' || status === 'in_progress';

/** When the ticket left the backlog for the status it has now (stamps missing after a console edit: its last change). */
function leftAt(ticket: CountedTicket): Date {
  if (ticket.status === 'resolved') return ticket.resolvedAt ?? ticket.updatedAt;
  return ticket.closedAt ?? ticket.resolvedAt ?? ticket.updatedAt;
}

export function ticketCells(ticket: CountedTicket, { reopens, submittedPriority }: TicketHistory): Cells {
  const cells: Cells = new Map();
  const add = (at: Date, field: string) => {
    const day = dayKeyOf(at);
    const month = monthKeyOf(day);
    const dd = day.slice(8, 10);
    const put = (docId: string, path: string) => cells.set(cellKey(docId, path), (cells.get(cellKey(docId, path)) ?? 0) + 1);
    put(statsDocIds.deskMonth(month), `days.${dd}.${field}`);
    if (ticket.assigneeUid !== null) {
      put(statsDocIds.agentMonth(ticket.assigneeUid, month), `days.${dd}.${field}`);
      put(statsDocIds.agentAll(ticket.assigneeUid), `counts.${field}`);
    }
  };
  const opened = ticket.createdAt;
  add(opened, 'opened');
  add(opened, `status.${ticket.status}`);
  add(opened, `priority.${ticket.priority}`);
  add(opened, `category.${ticket.category}`);
  if (!inBacklog(ticket.status)) add(leftAt(ticket), 'left');
  if ((ticket.status === 'resolved' || ticket.status === 'closed') && ticket.resolvedAt !== null) {
    add(ticket.resolvedAt, 'resolved');
    add(ticket.resolvedAt, `resolution.${durationBucketOf(opened, ticket.resolvedAt)}`);
  }
  if (ticket.status === 'closed') add(ticket.closedAt ?? ticket.updatedAt, 'closed');
  if (ticket.status === 'rejected') add(ticket.closedAt ?? ticket.updatedAt, 'rejected');
  if (ticket.firstResponseAt !== null) {
    add(ticket.firstResponseAt, `firstResponse.${durationBucketOf(opened, ticket.firstResponseAt)}`);
  }
  for (const at of reopens) add(at, 'reopened');
  if (ticket.suggestedCategory !== null && ticket.suggestedPriority !== null) {
    const submitted = submittedPriority ?? ticket.priority;
    add(opened, 'triage.suggested');
    if (ticket.category !== ticket.suggestedCategory || submitted !== ticket.suggestedPriority) add(opened, 'triage.changedByCustomer');
    if (ticket.priority !== submitted) add(opened, 'triage.changedByStaff');
  }
  return cells;
}

/** What to add to go from counting `before` to counting `after` (zeros left out). */
export function cellsDelta(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Cells {
  const delta: Cells = new Map();
  for (const [key, n] of after) delta.set(key, n - (before.get(key) ?? 0));
  for (const [key, n] of before) if (!after.has(key)) delta.set(key, -n);
  for (const [key, n] of delta) if (n === 0) delta.delete(key);
  return delta;
}

export function addCells(into: Cells, cells: ReadonlyMap<string, number>): void {
  for (const [key, n] of cells) into.set(key, (into.get(key) ?? 0) + n);
}
