// Recomputes the reports' stats (stats/*, statsLedger/*) from the tickets and their audit
// trails, with the same handler the admin-only `rebuildStats` callable runs. For a desk that
// predates the reports, or after a repair in the console; run it when the desk is quiet.
//
//   npm run build -w functions
//   GOOGLE_APPLICATION_CREDENTIALS=key.json node scripts/rebuild-stats.mjs <project-id>
//   FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 node scripts/rebuild-stats.mjs demo-support-desk
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { rebuildStatsInStore } from '../functions/lib/handlers/rebuildStats.js';
import { firestoreStore } from '../functions/lib/store/firestoreStore.js';

const projectId = process.argv[2] ?? process.env.GCLOUD_PROJECT;
if (!projectId) {
  console.error('Name the project: node scripts/rebuild-stats.mjs <project-id>');
  process.exit(1);
}
initializeApp({ projectId });
const started = Date.now();
const outcome = await rebuildStatsInStore(firestoreStore(getFirestore()));
console.log(
  `Rebuilt ${outcome.statsDocs} stats documents from ${outcome.tickets} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s` +
    (outcome.skipped ? `; ${outcome.skipped} tickets in a shape the desk cannot use were left out.` : '.'),
);
