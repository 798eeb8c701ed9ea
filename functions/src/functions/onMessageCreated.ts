import { getFirestore } from 'firebase-admin/firestore';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { notifyOfMessage } from '../handlers/notifyOfMessage.js';
import { recordMessage } from '../handlers/recordMessage.js';
import { firestoreStore } from '../store/firestoreStore.js';

/** A chat message: the ticket's last message (unread dot, preview, search words) and first response time; the alerts. */
export const onMessageCreated = onDocumentCreated('tickets/{ticketId}/messages/{messageId}', async (event) => {
  const store = firestoreStore(getFirestore());
  await recordMessage(store, event.params.ticketId, event.params.messageId, { now: new Date(event.time) });
  await notifyOfMessage(store, event.params.ticketId, event.params.messageId);
});
