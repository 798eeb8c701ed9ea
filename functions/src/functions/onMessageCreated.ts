import { getFirestore } from 'firebase-admin/firestore';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { emailReplyIfAway } from '../handlers/emailCustomer.js';
import { recordMessage } from '../handlers/recordMessage.js';
import { firestoreStore } from '../store/firestoreStore.js';
import { deskUrlValue } from './deskUrlParam.js';

/**
 * A chat message: the ticket's last message (unread dot), first response time and the other
 * side's in-app alert (one per ticket per burst), then, for
 * a staff reply the customer is away for, an email (one per burst of replies).
 */
export const onMessageCreated = onDocumentCreated('tickets/{ticketId}/messages/{messageId}', async (event) => {
  const store = firestoreStore(getFirestore());
  const { ticketId, messageId } = event.params;
  const now = new Date(event.time);
  await recordMessage(store, ticketId, messageId, { now });
  await emailReplyIfAway(store, ticketId, messageId, { now, deskUrl: deskUrlValue() });
});
