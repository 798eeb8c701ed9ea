import { getFirestore } from 'firebase-admin/firestore';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { handleTicketCreated } from '../handlers/handleTicketCreated.js';
import { firestoreStore } from '../store/firestoreStore.js';

/**
 * A new ticket gets the next sequential number (the client shows `#pending` until then), its
 * search words, an assignee by `config/assignment`, a 'created' event, and staff hear of it.
 */
export const onTicketCreated = onDocumentCreated('tickets/{ticketId}', async (event) => {
  await handleTicketCreated(firestoreStore(getFirestore()), event.params.ticketId, {
    now: new Date(event.time),
    random: Math.random,
  });
});
