import { getFirestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onDocumentUpdatedWithAuthContext } from 'firebase-functions/v2/firestore';
import { ticketDocSchema } from '../domain/index.js';
import { brokenTicketFields, revertBrokenEdit } from '../handlers/revertBrokenEdit.js';
import { emailStatusChange } from '../handlers/emailCustomer.js';
import { changeActorOfUpdate, reviewTicketChange } from '../handlers/reviewTicketChange.js';
import type { DocData } from '../store/port.js';
import { firestoreStore, fromFirestore } from '../store/firestoreStore.js';
import { deskUrlValue } from './deskUrlParam.js';

/**
 * Every change of a ticket, re-checked: console edits bypass the rules. Who wrote comes
 * from the auth context, else from the writer stamps the rules demand of every client
 * write (see changeActorOfUpdate). An edit that leaves the ticket in a shape the desk cannot
 * use is put back whole; any other change is reviewed, and a status change is emailed to
 * the customer. Ids of what the review writes come from the event's id: unique per change,
 * the same on every retry; its time is the write's.
 */
export const onTicketUpdated = onDocumentUpdatedWithAuthContext('tickets/{ticketId}', async (event) => {
  if (!event.data) return;
  const ticketId = event.params.ticketId;
  const rawBefore = fromFirestore(event.data.before.data()) as DocData;
  const rawAfter = fromFirestore(event.data.after.data()) as DocData;
  const actor = changeActorOfUpdate({ authType: event.authType, authId: event.authId }, rawBefore, rawAfter);
  // The write's own commit time: event.time has whole seconds in the emulator, which would
  // date a change before the ticket's creation.
  const deps = { now: event.data.after.updateTime?.toDate() ?? new Date(event.time), changeKey: event.id };
  const store = firestoreStore(getFirestore());
  const before = ticketDocSchema.safeParse(rawBefore);
  const after = ticketDocSchema.safeParse(rawAfter);
  if (before.success && !after.success) {
    const outcome = await revertBrokenEdit(store, ticketId, before.data, rawAfter, actor, deps);
    logger.warn(`Ticket ${ticketId} was edited into a shape the desk cannot use (${brokenTicketFields(rawAfter).join(', ')}): ${outcome}.`, {
      issues: after.error.issues,
    });
    return;
  }
  if (!before.success || !after.success) {
    // A repair coming back (before broken, after whole) needs nothing; anything else is logged.
    if (!after.success) {
      logger.error(`Ticket ${ticketId} does not have the shape the desk expects; not reviewed.`, {
        before: before.error?.issues,
        after: after.error.issues,
      });
    }
    return;
  }
  await reviewTicketChange(store, ticketId, before.data, after.data, actor, deps);
  if (before.data.status !== after.data.status) {
    const change = { to: after.data.status, actorUid: actor.uid, changeKey: event.id };
    await emailStatusChange(store, ticketId, change, { now: deps.now, deskUrl: deskUrlValue() });
  }
});
