import { allocateTicketNumber } from '@functions/handlers/allocateTicketNumber';
import type { LocalDatabase } from './localDatabase';
import { localStore } from './localStore';

/**
 * The local stand-in for Cloud Functions triggers: the same handlers, run by the tab that
 * made the write. `catchUp` runs at start so a ticket whose tab closed before its trigger
 * ran still gets a number (handlers are idempotent, like at-least-once triggers).
 */
export function localTriggers(db: LocalDatabase) {
  const store = localStore(db);
  return {
    ticketCreated: (ticketId: string) => allocateTicketNumber(store, ticketId),
    async catchUp() {
      const unnumbered = await db.tickets.filter((ticket) => ticket.number === null).primaryKeys();
      for (const id of unnumbered) await allocateTicketNumber(store, id);
    },
  };
}
