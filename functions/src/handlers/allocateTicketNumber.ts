import { nextTicketNumber, ticketCounterSchema, ticketDocSchema } from '../domain/index.js';
import type { DocStore } from '../store/port.js';

export const TICKET_COUNTER_PATH = 'counters/tickets';

/**
 * "Ticket created -> allocate its number": reads the counter and the ticket, then writes
 * both in one transaction, so numbers are gapless and unique however many tickets arrive
 * at once. Safe to run twice for one ticket (triggers are at-least-once): a ticket that
 * already has a number keeps it.
 */
export async function allocateTicketNumber(store: DocStore, ticketId: string): Promise<number> {
  const ticketPath = `tickets/${ticketId}`;
  return store.runTransaction(async (tx) => {
    const counterData = await tx.get(TICKET_COUNTER_PATH);
    const ticketData = await tx.get(ticketPath);
    if (!ticketData) throw new Error(`Ticket ${ticketId} does not exist.`);
    const ticket = ticketDocSchema.parse(ticketData);
    if (ticket.number !== null) return ticket.number;
    const counter = counterData ? ticketCounterSchema.parse(counterData) : undefined;
    const number = nextTicketNumber(counter);
    tx.set(TICKET_COUNTER_PATH, { last: number });
    tx.update(ticketPath, { number });
    return number;
  });
}
