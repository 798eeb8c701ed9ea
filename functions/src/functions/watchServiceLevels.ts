import { getFirestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { watchServiceLevels as recordDueBreaches } from '../handlers/watchServiceLevels.js';
import { firestoreStore } from '../store/firestoreStore.js';

/**
 * Every minute: records the service-level breaches whose deadline has come (an event dated
 * at the deadline, the assignee told), whether or not anyone is looking at the ticket.
 * Its query (slaWatchAt up to now, earliest first) runs on Firestore's automatic single-field index.
 */
export const watchServiceLevels = onSchedule({ schedule: 'every 1 minutes', timeZone: 'Etc/UTC' }, async (event) => {
  const recorded = await recordDueBreaches(firestoreStore(getFirestore()), { now: new Date(event.scheduleTime) });
  if (recorded > 0) logger.info(`Recorded ${recorded} service-level breach(es).`);
});
