import { getFirestore } from 'firebase-admin/firestore';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { recordRead } from '../handlers/recordRead.js';
import { firestoreStore } from '../store/firestoreStore.js';

/** A read marker: when staff read the chat, the customer sees "Seen". */
export const onReadWritten = onDocumentWritten('tickets/{ticketId}/reads/{uid}', async (event) => {
  if (!event.data?.after.exists) return;
  await recordRead(firestoreStore(getFirestore()), event.params.ticketId, event.params.uid);
});
