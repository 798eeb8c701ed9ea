// One file per Cloud Function, re-exported here: the names below are the deployed names.
import { initializeApp } from 'firebase-admin/app';

initializeApp();

export { onTicketCreated } from './functions/onTicketCreated.js';
