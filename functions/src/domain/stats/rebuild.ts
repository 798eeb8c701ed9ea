import type { TicketEvent } from '../ticketEvent.js';
import { prioritySchema, type Priority } from '../ticketFields.js';
import { addCells, splitCellKey, ticketCells, type Cells, type CountedTicket } from './contribution.js';
import { emptySummary, summaryWith } from './summary.js';
import { dayKeyOf, statsDocSchema, statsDocIds, type StatsDoc, type StatsLedgerDoc } from './statsDocs.js';

/** What names a stats document besides its counts, from its id (the counts' maps are not here: an increment merges this). */
export function statsDocBase(docId: string): Record<string, unknown> {
  if (docId === statsDocIds.summary) return { scope: 'summary' };
  if (docId.startsWith('desk_')) return { scope: 'desk', month: docId.slice('desk_'.length) };
  const last = docId.lastIndexOf('_');
  const agentUid = docId.slice('agent_'.length, last);
  const tail = docId.slice(last + 1);
  return tail === 'all' ? { scope: 'agent_all', agentUid } : { scope: 'agent', agentUid, month: tail };
}

/** Sets a number at a dotted path, making the maps on the way. */
function addAt(doc: Record<string, unknown>, path: string, n: number): void {
  const parts = path.split('.');
  let at = doc;
  for (const part of parts.slice(0, -1)) {
    if (typeof at[part] !== 'object' || at[part] === null) at[part] = {};
    at = at[part] as Record<string, unknown>;
  }
  const leaf = parts[parts.length - 1]!;
  at[leaf] = ((at[leaf] as number | undefined) ?? 0) + n;
}

/** The stats documents holding the given cells (the summary apart). */
export function statsDocsOf(cells: ReadonlyMap<string, number>): Record<string, Record<string, unknown>> {
  const docs: Record<string, Record<string, unknown>> = {};
  for (const [key, n] of cells) {
    const { docId, field } = splitCellKey(key);
    docs[docId] ??= statsDocBase(docId);
    addAt(docs[docId], field, n);
  }
  return docs;
}

/** The audit trail's reopens: status events from resolved to in progress, by the trigger event that recorded them. */
export function reopenKey(ticketId: string, auditEventId: string): string {
  const prefix = `${ticketId}-status-`;
  return auditEventId.startsWith(prefix) ? auditEventId.slice(prefix.length) : auditEventId;
}
export const isReopenEvent = (event: Pick<TicketEvent, 'kind' | 'from' | 'to'>) =>
  event.kind === 'status' && event.from === 'resolved' && event.to === 'in_progress';
/** The audit events the stats read: reopens, and priority changes (the first tells what the customer submitted). */
/** The kinds of the counted events, for stores that can only select by one kind at a time. */
export const statsEventKinds = ['status', 'priority'] as const satisfies readonly TicketEvent['kind'][];
export const isCountedEvent = (event: Pick<TicketEvent, 'kind' | 'from' | 'to'>) => isReopenEvent(event) || event.kind === 'priority';

/** The priority a customer submitted: what the first recorded priority change moved it from (none: the ticket's own). */
function submittedPriorityOf(events: readonly RebuildEvent[]): Priority | null {
  const changes = events.filter(({ event }) => event.kind === 'priority');
  const first = changes.reduce<RebuildEvent | undefined>((earliest, change) => (earliest === undefined || change.event.at < earliest.event.at ? change : earliest), undefined);
  const parsed = prioritySchema.safeParse(first?.event.from);
  return parsed.success ? parsed.data : null;
}

export interface RebuildTicket {
  readonly id: string;
  readonly ticket: CountedTicket;
}
export interface RebuildEvent {
  readonly ticketId: string;
  readonly id: string;
  readonly event: TicketEvent;
}

export interface RebuiltStats {
  /** Every stats document by id, the summary included. */
  readonly stats: Record<string, StatsDoc>;
  /** What each ticket counts, so that triggers carry on from the rebuild. */
  readonly ledgers: Record<string, StatsLedgerDoc>;
}

/**
 * The stats from the tickets and their audit trails alone: what a desk that predates the
 * stats, or one repaired in the console, needs. The triggers keep the same documents one
 * change at a time; the property test holds the two equal.
 */
export function rebuildStats(tickets: readonly RebuildTicket[], events: readonly RebuildEvent[]): RebuiltStats {
  const eventsOf = new Map<string, RebuildEvent[]>();
  for (const entry of events) {
    const own = eventsOf.get(entry.ticketId) ?? [];
    own.push(entry);
    eventsOf.set(entry.ticketId, own);
  }
  const all: Cells = new Map();
  const ledgers: Record<string, StatsLedgerDoc> = {};
  let summary = emptySummary();
  for (const { id, ticket } of tickets) {
    const own = eventsOf.get(id) ?? [];
    const reopens = Object.fromEntries(own.filter(({ event }) => isReopenEvent(event)).map(({ id: eventId, event }) => [reopenKey(id, eventId), event.at]));
    const submittedPriority = submittedPriorityOf(own);
    const cells = ticketCells(ticket, { reopens: Object.values(reopens), submittedPriority });
    addCells(all, cells);
    summary = summaryWith(summary, cells, dayKeyOf(ticket.createdAt));
    ledgers[id] = { counted: Object.fromEntries(cells), reopens, submittedPriority };
  }
  const stats: Record<string, StatsDoc> = {};
  for (const [docId, doc] of Object.entries(statsDocsOf(all))) stats[docId] = statsDocSchema.parse(doc);
  stats[statsDocIds.summary] = summary;
  return { stats, ledgers };
}
