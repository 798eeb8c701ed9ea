import { getFirestore } from 'firebase-admin/firestore';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { allocateTicketNumber } from '../handlers/allocateTicketNumber.js';
import { firestoreStore } from '../store/firestoreStore.js';

/** A new ticket gets the next sequential number (the client shows `#pending` until then). */
export const onTicketCreated = onDocumentCreated('tickets/{ticketId}', async (event) => {
  await allocateTicketNumber(firestoreStore(getFirestore()), event.params.ticketId);
});
