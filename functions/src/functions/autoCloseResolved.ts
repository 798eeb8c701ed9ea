import { getFirestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { autoCloseResolved as closeWaitedTickets } from '../handlers/autoCloseResolved.js';
import { firestoreStore } from '../store/firestoreStore.js';

/** Every 15 minutes: closes the tickets resolved for `config/sla`'s autoCloseDays (default 4), with a system message. */
export const autoCloseResolved = onSchedule({ schedule: 'every 15 minutes', timeZone: 'Etc/UTC' }, async (event) => {
  const closed = await closeWaitedTickets(firestoreStore(getFirestore()), { now: new Date(event.scheduleTime) });
  if (closed.length > 0) logger.info(`Closed ${closed.length} resolved ticket(s) automatically.`);
});
