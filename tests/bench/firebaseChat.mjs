// The chat on the Firebase backend, run by the bench inside `firebase emulators:exec` (Auth,
// Firestore and Functions emulators): the app's two pages (customer and agent, each in a
// browser context of its own, as Auth is per browser), and the plain SDK's write-to-listener
// time for comparison (two Node clients, no app). Writes its figures as JSON to RESULT_FILE.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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
import { chatBurst, chatLatency } from './chatLatency.mjs';

const { RESULT_FILE, BENCH_FIREBASE_PORT, CHROMIUM, MESSAGES, BURST, PROJECT_ID } = process.env;
const base = `http://127.0.0.1:${BENCH_FIREBASE_PORT}`;
const account = (role) => demo.accounts.find((a) => a.role === role);

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
const ticketId = await customer.evaluate(async () => {
  const write = window.__supportDesk.createTicket({ title: 'Latency bench', description: 'Two browsers.', category: 'general', priority: 'low' });
  await write.committed;
  return write.id;
});
await customer.goto(`${base}/tickets/${ticketId}`);
await agent.goto(`${base}/tickets/${ticketId}`);
await customer.getByRole('textbox', { name: 'Message' }).waitFor();
await agent.getByRole('textbox', { name: 'Message' }).waitFor();
const app = await chatLatency(customer, agent, ticketId, Number(MESSAGES));
const burst = await chatBurst(customer, agent, ticketId, Number(BURST));
await browser.close();

// The plain SDK: one client writes a message, another listens to the chat's newest 50.
async function client(who, name) {
  const fb = initializeApp({ apiKey: 'fake-api-key-for-the-emulators', projectId: PROJECT_ID }, name);
  const auth = getAuth(fb);
  connectAuthEmulator(auth, 'http://127.0.0.1:9099', { disableWarnings: true });
  const db = initializeFirestore(fb, { localCache: memoryLocalCache() });
  connectFirestoreEmulator(db, '127.0.0.1', 8080);
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

writeFileSync(RESULT_FILE, JSON.stringify({ app, burst, sdk: { p50: at(50), p95: at(95) } }));
server.kill();
process.exit(0);
