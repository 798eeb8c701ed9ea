import {
  STATS_COLLECTION,
  STATS_LEDGER_COLLECTION,
  STATS_MARKER_COLLECTION,
  cellsDelta,
  dayKeyOf,
  emptySummary,
  splitCellKey,
  statsDocBase,
  statsDocIds,
  statsLedgerDocSchema,
  summaryDocSchema,
  summaryWith,
  ticketCells,
  ticketDocSchema,
} from '../domain/index.js';
import type { DocStore } from '../store/port.js';
import { paths } from './docs.js';

export const statsPaths = {
  doc: (docId: string) => `${STATS_COLLECTION}/${docId}`,
  ledger: (ticketId: string) => `${STATS_LEDGER_COLLECTION}/${ticketId}`,
  marker: (eventId: string) => `${STATS_MARKER_COLLECTION}/${eventId}`,
};

/** A write of a ticket as its trigger event carries it: the event's id, the document before and after. */
export interface TicketWrite {
  /** Unique per change and the same on every retry (the Cloud Function's event.id). */
  readonly eventId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly now: Date;
}

export type StatsOutcome =
  /** This event was counted before (a retried trigger): nothing written. */
  | 'duplicate'
  /** The ticket's counts moved to what it counts now (possibly by nothing). */
  | 'counted'
  /** The stored ticket does not have the desk's shape: left to the repair of that edit. */
  | 'malformed';

/**
 * "Ticket written" for the reports: the ticket's counts become what the ticket counts now.
 * In one transaction it reads the event's marker (a retry stops there), the ticket as
 * stored now (so events that arrive out of order still end on the ticket's state), what
 * the ticket counted so far (its ledger) and the summary; it adds the difference to the
 * stats documents with increment(), and writes the ledger, the summary and the marker.
 * A reopen (resolved to in progress) is remembered in the ledger by the event's id.
 * Any change is counted by the same difference: a move in either direction, the revert of
 * an illegal move or of a broken console edit (which puts the ticket back, so its counts
 * go back), a priority or category changed after the ticket was counted.
 */
export async function updateTicketStats(store: DocStore, ticketId: string, write: TicketWrite): Promise<StatsOutcome> {
  const before = ticketDocSchema.safeParse(write.before);
  const after = ticketDocSchema.safeParse(write.after);
  const reopened = before.success && after.success && before.data.status === 'resolved' && after.data.status === 'in_progress';
  return store.runTransaction(async (tx) => {
    if ((await tx.get(statsPaths.marker(write.eventId))) !== undefined) return 'duplicate';
    const stored = await tx.get(paths.ticket(ticketId));
    const ticket = stored === undefined ? undefined : ticketDocSchema.safeParse(stored);
    if (ticket && !ticket.success) return 'malformed';
    const ledger = statsLedgerDocSchema.parse((await tx.get(statsPaths.ledger(ticketId))) ?? {});
    const summary = summaryDocSchema.safeParse(await tx.get(statsPaths.doc(statsDocIds.summary)));

    const reopens = { ...ledger.reopens };
    if (reopened && after.success) reopens[write.eventId] = after.data.updatedAt;
    // The creation event carries what the customer submitted. Until it is seen (events can
    // come out of order; the local backend's create carries no document), the state before
    // the first event delivered stands in: right whenever events arrive in order, and
    // corrected when the creation event arrives.
    const submittedPriority =
      write.before === undefined && after.success ? after.data.priority : (ledger.submittedPriority ?? (before.success ? before.data.priority : null));
    const counted = new Map(Object.entries(ledger.counted));
    const now = ticket?.success ? ticketCells(ticket.data, { reopens: Object.values(reopens), submittedPriority }) : new Map<string, number>();
    const delta = cellsDelta(counted, now);

    const ledgerMoved = Object.keys(reopens).length !== Object.keys(ledger.reopens).length || submittedPriority !== ledger.submittedPriority;
    const openedDay = ticket?.success ? dayKeyOf(ticket.data.createdAt) : null;
    const summaryBefore = summary.success ? summary.data : emptySummary();
    const summaryAfter = summaryWith(summaryBefore, delta, openedDay);
    const spanMoved = summaryAfter.first_day !== summaryBefore.first_day || summaryAfter.last_day !== summaryBefore.last_day;
    // Nothing to count (a chat message stamped the ticket, say): nothing written, and a
    // retry finds nothing to count either.
    if (delta.size === 0 && !ledgerMoved && !spanMoved) return 'counted';

    const byDoc = new Map<string, Record<string, number>>();
    for (const [key, n] of delta) {
      const { docId, field } = splitCellKey(key);
      byDoc.set(docId, { ...byDoc.get(docId), [field]: n });
    }
    for (const [docId, deltas] of byDoc) tx.increment(statsPaths.doc(docId), statsDocBase(docId), deltas);
    tx.set(statsPaths.doc(statsDocIds.summary), summaryAfter);
    tx.set(statsPaths.ledger(ticketId), { counted: Object.fromEntries(now), reopens, submittedPriority });
    tx.set(statsPaths.marker(write.eventId), { ticketId, at: write.now });
    return 'counted';
  });
}
