import type { Ticket } from '@domain';
import { handleTicketCreated } from '@functions/handlers/handleTicketCreated';
import { recordMessage } from '@functions/handlers/recordMessage';
import { recordRead } from '@functions/handlers/recordRead';
import { reviewTicketChange } from '@functions/handlers/reviewTicketChange';
import type { LocalDatabase } from './localDatabase';
import { localStore } from './localStore';

/**
 * The local stand-in for Cloud Functions triggers: the same handlers, run by the tab that
 * made the write. `catchUp` runs at start so a ticket whose tab closed before its trigger
 * ran still gets a number (handlers are idempotent, like at-least-once triggers).
 */
export function localTriggers(db: LocalDatabase) {
  const store = localStore(db);
  const deps = () => ({ now: new Date(), random: Math.random });
  return {
    ticketCreated: async (ticketId: string) => void (await handleTicketCreated(store, ticketId, deps())),
    ticketUpdated: async (ticketId: string, before: Ticket, after: Ticket, actorUid: string) =>
      void (await reviewTicketChange(store, ticketId, before, after, { uid: actorUid }, deps())),
    messageCreated: async (ticketId: string, messageId: string) =>
      void (await recordMessage(store, ticketId, messageId, deps())),
    readWritten: async (ticketId: string, uid: string) => void (await recordRead(store, ticketId, uid, deps())),
    async catchUp() {
      const unnumbered = await db.tickets.filter((ticket) => ticket.number === null).primaryKeys();
      for (const id of unnumbered) await handleTicketCreated(store, id, deps());
    },
  };
}
