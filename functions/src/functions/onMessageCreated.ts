import { getFirestore } from 'firebase-admin/firestore';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { recordMessage } from '../handlers/recordMessage.js';
import { firestoreStore } from '../store/firestoreStore.js';

/** A chat message: the ticket's last message (unread dot) and first response time. */
export const onMessageCreated = onDocumentCreated('tickets/{ticketId}/messages/{messageId}', async (event) => {
  await recordMessage(firestoreStore(getFirestore()), event.params.ticketId, event.params.messageId, {
    now: new Date(event.time),
  });
});
