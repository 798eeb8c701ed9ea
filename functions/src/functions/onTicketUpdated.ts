import { getFirestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onDocumentUpdatedWithAuthContext } from 'firebase-functions/v2/firestore';
import { ticketDocSchema } from '../domain/index.js';
import { changeActorFromAuthContext, reviewTicketChange } from '../handlers/reviewTicketChange.js';
import { firestoreStore, fromFirestore } from '../store/firestoreStore.js';

/**
 * Every change of a ticket, re-checked: console edits bypass the rules. The auth context
 * says who wrote: an app user (checked with their role) or anyone else (the console).
 */
export const onTicketUpdated = onDocumentUpdatedWithAuthContext('tickets/{ticketId}', async (event) => {
  if (!event.data) return;
  const before = ticketDocSchema.safeParse(fromFirestore(event.data.before.data()));
  const after = ticketDocSchema.safeParse(fromFirestore(event.data.after.data()));
  if (!before.success || !after.success) {
    logger.error(`Ticket ${event.params.ticketId} does not have the shape the desk expects; not reviewed.`, {
      before: before.error?.issues,
      after: after.error?.issues,
    });
    return;
  }
  await reviewTicketChange(
    firestoreStore(getFirestore()),
    event.params.ticketId,
    before.data,
    after.data,
    changeActorFromAuthContext(event.authType, event.authId),
    { now: new Date(event.time) },
  );
});
