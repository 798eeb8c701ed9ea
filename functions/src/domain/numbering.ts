import { z } from './zod.js';

/** `counters/tickets`: the last number handed out. Only the numbering function writes it. */
export const ticketCounterSchema = z.object({ last: z.int().check(z.nonnegative()) });
export type TicketCounter = z.infer<typeof ticketCounterSchema>;

/** The number after the counter; a missing counter document means none was issued yet. */
export function nextTicketNumber(counter: TicketCounter | undefined): number {
  return (counter?.last ?? 0) + 1;
}

/** How a ticket number reads everywhere: `#42`, or `#pending` before the trigger ran. */
export function formatTicketNumber(ticketNumber: number | null): string {
  return ticketNumber === null ? '#pending' : `#${ticketNumber}`;
}
