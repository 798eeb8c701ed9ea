// One file per Cloud Function, re-exported here: the names below are the deployed names.
import { initializeApp } from 'firebase-admin/app';

initializeApp();

export { onTicketCreated } from './functions/onTicketCreated.js';
export { onTicketUpdated } from './functions/onTicketUpdated.js';
export { onUserWritten } from './functions/onUserWritten.js';
export { onMessageCreated } from './functions/onMessageCreated.js';
export { onReadWritten } from './functions/onReadWritten.js';
export { onAttachmentStored } from './functions/onAttachmentStored.js';
export { signOutEverywhere } from './functions/signOutEverywhere.js';
export { suggestTriage } from './functions/suggestTriage.js';
export { onTicketWritten } from './functions/onTicketWritten.js';
export { rebuildStats } from './functions/rebuildStats.js';
export { watchServiceLevels } from './functions/watchServiceLevels.js';
export { autoCloseResolved } from './functions/autoCloseResolved.js';
