import {
  STATS_COLLECTION,
  STATS_LEDGER_COLLECTION,
  isCountedEvent,
  statsEventKinds,
  rebuildStats,
  statsDocBase,
  ticketDocSchema,
  ticketEventSchema,
  type RebuildEvent,
  type RebuildTicket,
} from '../domain/index.js';
import type { DocData, DocStore } from '../store/port.js';
import { statsPaths } from './updateTicketStats.js';

/** Firestore takes at most 500 writes in a transaction; a rebuild writes in chunks below it. */
const WRITES_PER_TRANSACTION = 400;

export interface RebuildOutcome {
  readonly tickets: number;
  /** Tickets left out because an edit broke their shape (the repair of that edit recounts them). */
  readonly skipped: number;
  readonly statsDocs: number;
}

/**
 * Recomputes the stats from the tickets and their audit trails: every stats document and
 * every ticket's ledger is replaced by the rebuilt one, and one the rebuild does not make
 * any more is emptied. For a desk that predates the stats, or after a repair in the console;
 * run it when the desk is quiet (a ticket changed during the rebuild may be counted as it
 * was before the change until it changes again).
 */
export async function rebuildStatsInStore(
  store: DocStore,
  /** Every counted event (isCountedEvent) of the audit trails at once, where the store can; else ticket by ticket. */
  allCountedEvents?: () => Promise<RebuildEvent[]>,
): Promise<RebuildOutcome> {
  const tickets: RebuildTicket[] = [];
  const events: RebuildEvent[] = allCountedEvents ? await allCountedEvents() : [];
  let skipped = 0;
  for (const { id, data } of await store.find('tickets', [])) {
    const parsed = ticketDocSchema.safeParse(data);
    if (!parsed.success) {
      skipped++;
      continue;
    }
    tickets.push({ id, ticket: parsed.data });
    if (allCountedEvents) continue;
    const counted = await Promise.all(statsEventKinds.map((kind) => store.find(`tickets/${id}/events`, [['kind', '==', kind]])));
    for (const found of counted.flat()) {
      const event = ticketEventSchema.safeParse(found.data);
      if (event.success && isCountedEvent(event.data)) events.push({ ticketId: id, id: found.id, event: event.data });
    }
  }
  const rebuilt = rebuildStats(tickets, events);
  const writes: { path: string; data: DocData }[] = [
    ...Object.entries(rebuilt.stats).map(([docId, doc]) => ({ path: statsPaths.doc(docId), data: doc as DocData })),
    ...Object.entries(rebuilt.ledgers).map(([ticketId, ledger]) => ({ path: statsPaths.ledger(ticketId), data: ledger as DocData })),
  ];
  for (const { id } of await store.find(STATS_COLLECTION, [])) {
    if (!(id in rebuilt.stats)) writes.push({ path: statsPaths.doc(id), data: statsDocBase(id) });
  }
  for (const { id } of await store.find(STATS_LEDGER_COLLECTION, [])) {
    if (!(id in rebuilt.ledgers)) writes.push({ path: statsPaths.ledger(id), data: { counted: {}, reopens: {} } });
  }
  for (let i = 0; i < writes.length; i += WRITES_PER_TRANSACTION) {
    const chunk = writes.slice(i, i + WRITES_PER_TRANSACTION);
    await store.runTransaction(async (tx) => {
      for (const { path, data } of chunk) tx.set(path, data);
    });
  }
  return { tickets: tickets.length, skipped, statsDocs: Object.keys(rebuilt.stats).length };
}
