import { newTicketDoc, ticketSearchTokens, type Ticket, type TicketDoc } from '@domain';
import type { LocalBackend } from '../backend/local/localBackend';

/**
 * Test support: tickets written straight into a local backend's database, numbered and
 * indexed for search as the functions would leave them, without running the triggers (so
 * no auto-assignment or notifications interfere). Ticket n is created n minutes after the
 * start of 2024: a higher number is newer.
 */
let seeded = 0;

export async function seedTicket(
  backend: LocalBackend,
  overrides: Partial<TicketDoc> & { id?: string } = {},
): Promise<Ticket> {
  const number = overrides.number ?? ++seeded;
  const createdAt = overrides.createdAt ?? new Date(Date.UTC(2024, 0, 1) + number * 60_000);
  const { id = `ticket-${number}`, ...fields } = overrides;
  const doc: TicketDoc = {
    ...newTicketDoc(
      { title: `Ticket ${number}`, description: 'Something is not working.', category: 'general', priority: 'medium' },
      { uid: 'demo-maya', displayName: 'Maya Chen' },
      createdAt,
    ),
    number,
    updatedAt: createdAt,
    ...fields,
  };
  doc.searchTokens = ticketSearchTokens(doc);
  await backend.db.tickets.add({ ...doc, id });
  return { ...doc, id };
}
