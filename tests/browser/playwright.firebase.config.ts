import { browserConfig } from './playwright.config';

/**
 * The same user flows on the Firebase build (web/dist-firebase), against the Auth, Firestore
 * and Functions emulators that tests/browser/run.mjs starts around this run, with the demo
 * accounts seeded; plus what only Firebase has (tests/browser/firebase: Firestore's persistent
 * multi-tab cache offline, a role changed in the console). Uploads need the Storage emulator,
 * which cannot run here: attachments.spec.ts is left out, and run.mjs says so.
 */
export default browserConfig({
  backend: 'firebase',
  port: Number(process.env.BROWSER_FIREBASE_PORT ?? 4183),
  outDir: 'dist-firebase',
  // One flow at a time: the flows share the emulators' one database and its demo accounts.
  workers: 1,
  // A state that waits on a trigger waits on the Functions emulator, which starts a Node process
  // for each function the first time it runs: beside the local half on a busy 2-core machine,
  // that took more than 20 s (onMessageCreated, behind the unread dot).
  expect: { timeout: 60_000 },
  testMatch: ['lifecycle.spec.ts', 'chat.spec.ts', 'firebase/*.spec.ts'],
  testIgnore: [],
});
