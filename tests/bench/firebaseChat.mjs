// The chat on the Firebase backend, run by the bench inside `firebase emulators:exec` (Auth,
// Firestore and Functions emulators): the app's two pages (customer and agent, each in a
// browser context of its own, as Auth is per browser), and the plain SDK's write-to-listener
// time for comparison: two pages of tests/bench/plainSdkPage in the same browser (the app's
// own overhead is the ratio to this), and two Node clients. Writes its figures as JSON to
// RESULT_FILE.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import {
  collection,
  connectFirestoreEmulator,
  doc,
  increment,
  initializeFirestore,
  limitToLast,
  memoryLocalCache,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  terminate,
  writeBatch,
} from 'firebase/firestore';
import { chromium } from 'playwright-core';
import demo from '../../web/src/backend/demoAccounts.json' with { type: 'json' };
import { chatBurst, chatLatencies, percentiles } from './chatLatency.mjs';

const { RESULT_FILE, BENCH_FIREBASE_PORT, CHROMIUM, MESSAGES, BURST, PROJECT_ID } = process.env;
const base = `http://127.0.0.1:${BENCH_FIREBASE_PORT}`;
const account = (role) => demo.accounts.find((a) => a.role === role);
const { emulators } = JSON.parse(readFileSync('firebase.json', 'utf8'));

const seeded = spawnSync(process.execPath, ['scripts/seed-emulators.mjs'], { encoding: 'utf8' });
if (seeded.status !== 0) throw new Error(`seeding the demo accounts failed: ${seeded.stderr}`);

const server = spawn(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', 'web', '--outDir', 'dist-bench-firebase', '--port', BENCH_FIREBASE_PORT, '--strictPort'],
  { stdio: 'ignore' },
);
process.on('exit', () => server.kill());
for (let attempt = 0; attempt < 100 && !(await fetch(base).then((r) => r.ok, () => false)); attempt++) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}

async function signIn(page, who) {
  await page.goto(base);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await form.getByLabel('Password', { exact: true }).fill(demo.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: `${who.displayName} (${who.role}), account` }).waitFor();
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const customer = await (await browser.newContext()).newPage();
const agent = await (await browser.newContext()).newPage();
await signIn(customer, account('customer'));
await signIn(agent, account('agent'));
const newTicket = (title) =>
  customer.evaluate(async (title) => {
    const write = window.__supportDesk.createTicket({ title, description: 'Two browsers.', category: 'general', priority: 'low' });
    await write.committed;
    return write.id;
  }, title);
const ticketId = await newTicket('Latency bench');
// The plain SDK's pages chat on a ticket of their own: the app's pages are not rendering them.
const plainTicketId = await newTicket('Latency bench, plain SDK');

// The app and the plain SDK take turns, ROUNDS blocks each of MESSAGES / ROUNDS messages, so
// both meet the same machine (the emulators' growing data, other work on the 2 cores) and
// the figures are of all their messages together. While one side chats the other has no page
// open: the app's idle pages would otherwise wake on the plain ticket's updates (their lists
// hold it) and slow the plain SDK's figure. Each block starts from a fresh page load and sends
// WARM_UP messages first, not counted, alike for both.
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));
const WARM_UP = 2;
const perRound = Math.ceil(Number(MESSAGES) / ROUNDS);

async function openAppChat() {
  await customer.goto(`${base}/tickets/${ticketId}`);
  await agent.goto(`${base}/tickets/${ticketId}`);
  await customer.getByRole('textbox', { name: 'Message' }).waitFor();
  await agent.getByRole('textbox', { name: 'Message' }).waitFor();
}
async function closeAppChat() {
  await Promise.all([customer.goto('about:blank'), agent.goto('about:blank')]);
}

// The plain SDK in the same browser: the same transport, cache and writes, none of the app
// (its rate-limit step falls in the window the app's first block opened).
async function plainPage(who) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/plain-sdk/?project=${PROJECT_ID}&authPort=${emulators.auth.port}&firestorePort=${emulators.firestore.port}`);
  await page.evaluate((args) => window.__plainSdk.open(args), { ...who, password: demo.password, ticketId: plainTicketId });
  return page;
}

const appLatencies = [];
const plainLatencies = [];
const rounds = [];
for (let round = 1; round <= ROUNDS; round++) {
  await openAppChat();
  await chatLatencies(customer, agent, ticketId, WARM_UP, `warm-${round}`);
  const appRound = await chatLatencies(customer, agent, ticketId, perRound, `bench-${round}`);
  await closeAppChat();

  const plainWriter = await plainPage(account('customer'));
  const plainReader = await plainPage(account('agent'));
  await chatLatencies(plainWriter, plainReader, plainTicketId, WARM_UP, `plain-warm-${round}`);
  const plainRound = await chatLatencies(plainWriter, plainReader, plainTicketId, perRound, `plain-browser-${round}`);
  await Promise.all([plainWriter.context().close(), plainReader.context().close()]);

  appLatencies.push(...appRound);
  plainLatencies.push(...plainRound);
  rounds.push({ app: percentiles(appRound), browserSdk: percentiles(plainRound) });
}
const app = percentiles(appLatencies);
const browserSdk = percentiles(plainLatencies);

await openAppChat();
const burst = await chatBurst(customer, agent, ticketId, Number(BURST));

await browser.close();

// The plain SDK in Node, for reference: one client writes a message, another listens to the
// chat's newest 50.
async function client(who, name) {
  const fb = initializeApp({ apiKey: 'fake-api-key-for-the-emulators', projectId: PROJECT_ID }, name);
  const auth = getAuth(fb);
  connectAuthEmulator(auth, `http://127.0.0.1:${emulators.auth.port}`, { disableWarnings: true });
  const db = initializeFirestore(fb, { localCache: memoryLocalCache() });
  connectFirestoreEmulator(db, '127.0.0.1', emulators.firestore.port);
  const { user } = await signInWithEmailAndPassword(auth, who.email, demo.password);
  return { db, user };
}
const writer = await client(account('customer'), 'plain-writer');
const reader = await client(account('agent'), 'plain-reader');
const messages = (db) => collection(db, 'tickets', ticketId, 'messages');
const arrivals = new Map();
const stop = onSnapshot(query(messages(reader.db), orderBy('createdAt'), limitToLast(50)), (snapshot) => {
  for (const change of snapshot.docChanges()) arrivals.get(change.doc.data().text)?.(performance.now());
});
const sdk = [];
const customerAccount = account('customer');
for (let n = 1; n <= Number(MESSAGES); n++) {
  const text = `plain-${n}`;
  const arrived = new Promise((resolve) => arrivals.set(text, resolve));
  const sentAt = performance.now();
  // As the rules demand of every message: the writer's rate-limit step in the same batch
  // (the app's chat above has opened the window, so this is one more in it).
  const message = doc(messages(writer.db));
  const batch = writeBatch(writer.db);
  batch.set(message, {
    authorUid: writer.user.uid,
    authorRole: customerAccount.role,
    authorName: customerAccount.displayName,
    text,
    kind: 'user',
    createdAt: serverTimestamp(),
  });
  batch.update(doc(writer.db, 'users', writer.user.uid, 'limits', 'messages'), { count: increment(1), lastPath: message.path });
  void batch.commit();
  sdk.push((await arrived) - sentAt);
}
stop();
await Promise.all([terminate(writer.db), terminate(reader.db)]);
sdk.sort((a, b) => a - b);
const at = (p) => sdk[Math.min(sdk.length - 1, Math.ceil((p / 100) * sdk.length) - 1)];

writeFileSync(RESULT_FILE, JSON.stringify({ app, burst, browserSdk, rounds, sdk: { p50: at(50), p95: at(95) } }));
server.kill();
process.exit(0);
