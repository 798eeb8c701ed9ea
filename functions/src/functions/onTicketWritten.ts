import { getFirestore } from 'firebase-admin/firestore';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { updateTicketStats } from '../handlers/updateTicketStats.js';
import { firestoreStore, fromFirestore } from '../store/firestoreStore.js';

/**
 * Every write of a ticket (created, changed, put back, deleted) moves its counts in the
 * reports' stats documents. The event's id names the change: a retried delivery finds its
 * marker and counts nothing.
 */
export const onTicketWritten = onDocumentWritten('tickets/{ticketId}', async (event) => {
  if (!event.data) return;
  await updateTicketStats(firestoreStore(getFirestore()), event.params.ticketId, {
    eventId: event.id,
    before: event.data.before.exists ? fromFirestore(event.data.before.data()) : undefined,
    after: event.data.after.exists ? fromFirestore(event.data.after.data()) : undefined,
    now: new Date(event.time),
  });
});
