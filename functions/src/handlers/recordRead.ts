import { isStaff, readMarkerSchema } from '../domain/index.js';
import type { DocStore } from '../store/port.js';
import { paths, readUser, readWellFormedTicket } from './docs.js';

/**
 * "Read marker written": when staff open a chat, the ticket's staffLastReadAt moves up to
 * their marker, which is the customer's "Seen". Customers' markers change nothing; the
 * time never goes back (an older marker arriving late is ignored). The marker's own time is
 * what counts, so `deps` (the triggers' common argument) is not needed.
 */
export async function recordRead(
  store: DocStore,
  ticketId: string,
  readerUid: string,
  _deps?: { now: Date },
): Promise<void> {
  await store.runTransaction(async (tx) => {
    const data = await tx.get(paths.read(ticketId, readerUid));
    const reader = await readUser(tx, readerUid);
    const ticket = await readWellFormedTicket(tx, ticketId);
    const marker = readMarkerSchema.safeParse(data);
    if (!marker.success || !ticket || reader?.role == null || !isStaff(reader.role)) return;
    const readAt = marker.data.lastReadAt;
    if (ticket.staffLastReadAt !== null && ticket.staffLastReadAt.getTime() >= readAt.getTime()) return;
    tx.update(paths.ticket(ticketId), { staffLastReadAt: readAt });
  });
}
