// `npm run bench`: the triage classifier's accuracy (tests/bench/triageAccuracy.mjs, also on its
// own: `npm run bench:triage`), then speed and size figures, measured in Debian's Chromium. Prints: the chat
// between two tabs on the local backend and, where Java 21 runs the emulators, on the
// Firebase backend beside it (p50 and p95 over 200 messages, a burst of 55, the plain SDK's
// write-to-listener time); Lighthouse on the sign-in page and an agent's queue; the bytes
// of each first screen on both builds; opening a 10,000-message ticket and the DOM after
// 1,000 of its messages are loaded; the queue at 10,000 tickets, on a desktop and a phone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { firstScreenBytes, kib } from './bundleSizes.mjs';
import { chatBurst, chatLatency } from './chatLatency.mjs';
import { firebaseChat } from './firebaseSide.mjs';
import { lighthouseRuns } from './lighthouse.mjs';
import { triageAccuracy } from './triageAccuracy.mjs';
import { openReports, seedReportsDesk } from './reports.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.BENCH_PORT ?? 4174);
const BASE = `http://127.0.0.1:${PORT}`;
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 200);
const BURST = 55;
const LOADED_MESSAGES = 1_000;
const BIG_CHAT = 10_000;
const BIG_QUEUE = 10_000;
const REPORTS_TICKETS = 10_000;
// BENCH_ONLY=firebase-chat,sizes (any of these, comma-separated) runs only those parts.
const PARTS = ['triage', 'local-chat', 'firebase-chat', 'lighthouse', 'sizes', 'lists', 'reports'];
const only = process.env.BENCH_ONLY?.split(',').map((part) => part.trim()).filter(Boolean);
const unknownPart = only?.find((part) => !PARTS.includes(part));
if (unknownPart) {
  console.log(`bench not run: BENCH_ONLY names "${unknownPart}"; the parts are ${PARTS.join(', ')}`);
  process.exit(1);
}
const runs = (part) => !only || only.includes(part);
/** The parts that drive the bench build of the local backend in a browser. */
const needsLocalApp = ['local-chat', 'lighthouse', 'lists', 'reports'].some(runs);

// First, and needing nothing but Node: the triage classifier on the labelled set's test half.
if (runs('triage')) {
  console.log((await triageAccuracy()).report);
  console.log('');
}

if (!existsSync(CHROMIUM)) {
  console.log(`bench not run: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  process.exit(1);
}

const viteBuild = (mode, outDir) =>
  spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', 'web', '--mode', mode, '--outDir', outDir, '--manifest', '--logLevel', 'error'],
    { stdio: 'inherit' },
  ).status;
// The bench build (the local backend, exposed on window) and the Firebase build as deployed.
const builds = [
  ...(needsLocalApp || runs('sizes') ? [['bench', 'dist-bench']] : []),
  ...(runs('sizes') ? [['emulators', 'dist-bench-sizes-firebase']] : []),
];
for (const [mode, outDir] of builds) {
  const status = viteBuild(mode, outDir);
  if (status !== 0) process.exit(status ?? 1);
}

// A server already on the port would be measured instead of this build: refuse to start.
if (needsLocalApp && (await fetch(BASE).then(() => true, () => false))) {
  console.log(`bench not run: something already answers on ${BASE}; stop it first`);
  process.exit(1);
}

let finished = false;
const server = needsLocalApp
  ? spawn(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'preview', 'web', '--outDir', 'dist-bench', '--port', String(PORT), '--strictPort'],
      { stdio: 'ignore' },
    )
  : undefined;
const stop = () => server?.kill();
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stop();
    process.exit(130);
  });
}
server?.on('exit', (code) => {
  if (finished) return;
  console.error(`bench failed: the preview server stopped early (exit code ${code})`);
  process.exit(1);
});

async function waitForServer() {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The preview server did not start.');
}

async function signIn(page, name, role) {
  await page.goto(BASE);
  await page.getByRole('button', { name: `Continue as ${name} (${role})` }).click();
  await page.getByRole('button', { name: `${name} (${role}), account` }).waitFor();
}

const ms = (value) => `${value.toFixed(1)} ms`;
const say = (line) => console.log(line);

/** The same chat on the local backend: two tabs of one browser (one IndexedDB). */
async function localChat(context) {
  const customer = await context.newPage();
  const agent = await context.newPage();
  await signIn(customer, 'Maya Chen', 'customer');
  await signIn(agent, 'Sam Rivera', 'agent');
  const ticketId = await customer.evaluate(async () => {
    const write = window.__supportDesk.createTicket({ title: 'Latency bench', description: 'Two tabs.', category: 'general', priority: 'low' });
    await write.committed;
    return write.id;
  });
  await customer.goto(`${BASE}/tickets/${ticketId}`);
  await agent.goto(`${BASE}/tickets/${ticketId}`);
  await customer.getByRole('textbox', { name: 'Message' }).waitFor();
  await agent.getByRole('textbox', { name: 'Message' }).waitFor();
  const latency = await chatLatency(customer, agent, ticketId, MESSAGES);
  const burst = await chatBurst(customer, agent, ticketId, BURST);
  await customer.close();
  await agent.close();
  return { app: latency, burst };
}

/** Opening a ticket of 10,000 messages, then loading older pages up to 1,000 of them. */
async function bigChat(context) {
  const customer = await context.newPage();
  const agent = await context.newPage();
  await signIn(customer, 'Maya Chen', 'customer');
  await signIn(agent, 'Sam Rivera', 'agent');
  await customer.evaluate(async (count) => {
    const backend = window.__supportDesk;
    const write = backend.createTicket({ title: 'Ten thousand messages', description: 'A long chat.', category: 'general', priority: 'low' });
    await write.committed;
    const start = Date.now() - count * 1000;
    const rows = Array.from({ length: count }, (_, i) => ({
      id: `bench-msg-${String(i).padStart(5, '0')}`,
      ticketId: write.id,
      authorUid: i % 2 ? 'demo-sam' : 'demo-maya',
      authorRole: i % 2 ? 'agent' : 'customer',
      authorName: i % 2 ? 'Sam Rivera' : 'Maya Chen',
      text: `Message number ${i + 1} of a very long conversation.`,
      kind: 'user',
      createdAt: new Date(start + i * 1000),
    }));
    await backend.db.messages.bulkAdd(rows);
  }, BIG_CHAT);
  await agent.goto(`${BASE}/queue`);
  await agent.getByRole('link', { name: /Ten thousand messages/ }).waitFor();
  const before = await agent.evaluate(() => window.__supportDesk.stats.messageDocsRead);
  const openMs = await agent.evaluate(async () => {
    const started = performance.now();
    const done = new Promise((resolve) => {
      const check = () => {
        const items = document.querySelectorAll('[aria-label="Messages"] li');
        if ([...items].some((item) => item.textContent?.includes('Message number 10000 '))) resolve(performance.now() - started);
        else requestAnimationFrame(check);
      };
      check();
    });
    [...document.querySelectorAll('a')].find((a) => a.textContent?.includes('Ten thousand messages'))?.click();
    return done;
  });
  const read = (await agent.evaluate(() => window.__supportDesk.stats.messageDocsRead)) - before;
  const opened = await agent.evaluate(() => ({
    items: document.querySelectorAll('[aria-label="Messages"] li').length,
    elements: document.querySelectorAll('*').length,
  }));
  // Older pages, one at a time, each once the one before has arrived on screen.
  const olderButton = agent.getByRole('button', { name: 'Load older messages' });
  for (;;) {
    const shown = await agent.evaluate(() => window.__supportDesk.stats.chatWindow);
    if (shown >= LOADED_MESSAGES) break;
    await agent.locator('[aria-label="Chat"] button[data-loading]').waitFor({ state: 'detached' });
    await olderButton.click();
    await agent.waitForFunction((shown) => window.__supportDesk.stats.chatWindow > shown, shown);
  }
  await agent.locator('[aria-label="Chat"] button[data-loading]').waitFor({ state: 'detached' });
  const loaded = await agent.evaluate(() => ({
    items: document.querySelectorAll('[aria-label="Messages"] li').length,
    elements: document.querySelectorAll('*').length,
  }));
  await customer.close();
  await agent.close();
  return { openMs, read, opened, loaded };
}

/** The queue at 10,000 tickets: one page read, not the desk; on a desktop and at phone width. */
async function bigQueue(context) {
  const seeder = await context.newPage();
  await signIn(seeder, 'Maya Chen', 'customer');
  await seeder.evaluate(async (count) => {
    const backend = window.__supportDesk;
    const base = await backend.db.tickets.toCollection().first();
    const start = Date.now() - count * 60_000;
    const rows = Array.from({ length: count }, (_, i) => ({
      ...base,
      id: `bench-ticket-${String(i).padStart(5, '0')}`,
      number: 100_000 + i,
      title: `Bench ticket ${i + 1}`,
      status: ['open', 'in_progress', 'resolved', 'closed'][i % 4],
      createdAt: new Date(start + i * 60_000),
      updatedAt: new Date(start + i * 60_000),
      searchTokens: ['bench', 'ticket', String(i + 1)],
    }));
    await backend.db.tickets.bulkAdd(rows);
  }, BIG_QUEUE);
  await seeder.close();
  const agent = await context.newPage();
  await signIn(agent, 'Sam Rivera', 'agent');
  await agent.goto(`${BASE}/tickets`);
  await agent.getByRole('heading', { name: 'My tickets' }).waitFor();
  const ticketsBefore = await agent.evaluate(() => window.__supportDesk.stats.ticketDocsRead);
  const queueMs = await agent.evaluate(async () => {
    const started = performance.now();
    const done = new Promise((resolve) => {
      const check = () => {
        const list = document.querySelector('[aria-label="Queue"]');
        if (list && list.querySelectorAll('li').length > 0) resolve(performance.now() - started);
        else requestAnimationFrame(check);
      };
      check();
    });
    [...document.querySelectorAll('a')].find((a) => a.textContent === 'Queue')?.click();
    return done;
  });
  const read = (await agent.evaluate(() => window.__supportDesk.stats.ticketDocsRead)) - ticketsBefore;
  const rows = await agent.evaluate(() => document.querySelectorAll('[aria-label="Queue"] > li').length);
  await agent.close();
  // At phone width: a tab of the same browser (the same IndexedDB), narrowed.
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 375, height: 740 });
  await signIn(phone, 'Sam Rivera', 'agent');
  await phone.getByRole('list', { name: 'Queue' }).getByRole('listitem').first().waitFor();
  const phoneCounts = await phone.evaluate(() => ({
    rows: document.querySelectorAll('[aria-label="Queue"] > li').length,
    elements: document.querySelectorAll('*').length,
  }));
  await phone.close();
  return { queueMs, read, rows, phone: phoneCounts };
}

/** Reports of a desk with 10,000 tickets over 90 days: the stats documents read, not the tickets. */
async function reportsAt10k(context) {
  const admin = await context.newPage();
  await signIn(admin, 'Alex Morgan', 'admin');
  const rebuildMs = await seedReportsDesk(admin, REPORTS_TICKETS);
  await admin.close();
  const agent = await context.newPage();
  await signIn(agent, 'Sam Rivera', 'agent');
  const opened = await openReports(agent);
  await agent.close();
  say(`\nReports, 90 days, of a desk with ${REPORTS_TICKETS} more tickets over 90 days (local backend): ${opened.chartMs.toFixed(0)} ms to the first chart; ${opened.read} stats documents read, no ticket; the page shows ${opened.total} tickets (rebuilt from the tickets in ${(rebuildMs / 1000).toFixed(1)} s)`);
}

function printFirstScreens() {
  const pages = {
    'sign-in page': [],
    "customer's tickets": ['src/app/SignedInApp.tsx', 'src/app/routes/MyTicketsRoute.ts'],
    'new ticket': ['src/app/SignedInApp.tsx', 'src/app/routes/NewTicketRoute.ts'],
    'a ticket': ['src/app/SignedInApp.tsx', 'src/app/routes/TicketRoute.ts'],
    // Staff's panels of a ticket (actions, triage, history) load beside the page for staff only.
    'a ticket (staff)': ['src/app/SignedInApp.tsx', 'src/app/routes/TicketRoute.ts', 'src/features/tickets/staffPanels.ts'],
    "agent's queue": ['src/app/SignedInApp.tsx', 'src/app/routes/QueueRoute.ts'],
    'users (admin)': ['src/app/SignedInApp.tsx', 'src/app/routes/UsersRoute.ts'],
    'reports (staff)': ['src/app/SignedInApp.tsx', 'src/app/routes/ReportsRoute.ts'],
  };
  const withBackend = (backendModules) =>
    Object.fromEntries(Object.entries(pages).map(([name, lazy]) => [name, lazy.length ? [...backendModules, ...lazy] : lazy]));
  const localBytes = firstScreenBytes('web/dist-bench', withBackend(['src/backend/local/localBackend.ts']));
  const firebaseBytes = firstScreenBytes(
    'web/dist-bench-sizes-firebase',
    withBackend(['src/backend/firebase/firebaseApp.ts', 'src/backend/firebase/firebaseDataServices.ts', 'src/backend/firebase/firebaseBackend.ts']),
  );
  say('\nfirst screen, gzip (JS + CSS), local build | Firebase build:');
  for (const name of Object.keys(pages)) {
    const [l, f] = [localBytes[name], firebaseBytes[name]];
    say(`  ${name.padEnd(20)} JS ${kib(l.js).padStart(10)} + CSS ${kib(l.css).padStart(8)} | JS ${kib(f.js).padStart(10)} + CSS ${kib(f.css).padStart(8)}`);
  }
}

async function main() {
  let browser;
  let context;
  if (needsLocalApp) {
    await waitForServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }

  // 1. The chat, both backends side by side.
  if (runs('local-chat') || runs('firebase-chat')) {
    const local = runs('local-chat') ? await localChat(context) : undefined;
    const firebase = runs('firebase-chat')
      ? await firebaseChat({ port: PORT + 1, chromium: CHROMIUM, messages: MESSAGES, burst: BURST })
      : undefined;
    say(`\nchat, customer tab -> agent tab, ${MESSAGES} messages one after another; then ${BURST} sent in a row:`);
    if (local) {
      say(`  local backend:     p50 ${ms(local.app.p50)}, p95 ${ms(local.app.p95)}; burst of ${BURST} shown in full in ${ms(local.burst.ms)} (${local.burst.perSecond.toFixed(0)} a second)`);
    }
    if (firebase && 'skipped' in firebase) {
      say(`  Firebase backend:  not run here: ${firebase.skipped}`);
    } else if (firebase) {
      say(`  Firebase backend:  p50 ${ms(firebase.app.p50)}, p95 ${ms(firebase.app.p95)}; burst of ${BURST} shown in full in ${ms(firebase.burst.ms)} (${firebase.burst.perSecond.toFixed(0)} a second)   [Auth, Firestore and Functions emulators]`);
      say(`  plain Firestore SDK in the same browser (same transport, persistent multi-tab cache and writes; no app): p50 ${ms(firebase.browserSdk.p50)}, p95 ${ms(firebase.browserSdk.p95)}`);
      say(`  plain Firestore SDK in Node (gRPC, memory cache), for reference: p50 ${ms(firebase.sdk.p50)}, p95 ${ms(firebase.sdk.p95)}`);
      const ratio = (a, b) => `p50 ${(a.p50 / b.p50).toFixed(2)}x, p95 ${(a.p95 / b.p95).toFixed(2)}x`;
      const ratios = [
        ...(local ? [`local / Firebase: ${ratio(local.app, firebase.app)}`] : []),
        `Firebase app / plain SDK in the browser (the app's own overhead): ${ratio(firebase.app, firebase.browserSdk)}`,
        `/ plain SDK in Node: ${ratio(firebase.app, firebase.sdk)}`,
      ];
      say(`  ${ratios.join('; ')}`);
      if (firebase.rounds?.length > 1) {
        const perRound = firebase.rounds.map((r) => `${(r.app.p50 / r.browserSdk.p50).toFixed(2)}x/${(r.app.p95 / r.browserSdk.p95).toFixed(2)}x`);
        say(`  (app and plain SDK took turns, ${firebase.rounds.length} blocks each; app / plain SDK p50/p95 per block: ${perRound.join(', ')})`);
      }
    }
  }

  // 2. Lighthouse, on a database with only the demo accounts and the chat above.
  if (runs('lighthouse')) {
    const lighthouse = await lighthouseRuns(BASE, CHROMIUM);
    say('\nLighthouse 12.2.3, mobile, simulated throttling (local build):');
    for (const [name, run] of [['sign-in page', lighthouse.signIn], ["agent's queue", lighthouse.queue]]) {
      say(`  ${name.padEnd(14)} score ${run.score}; FCP ${(run.fcp / 1000).toFixed(2)} s, LCP ${(run.lcp / 1000).toFixed(2)} s, TBT ${run.tbt.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}, Speed Index ${(run.si / 1000).toFixed(2)} s; ${kib(run.bytes)} transferred`);
    }
  }

  // 3. The bytes of each first screen, gzip.
  if (runs('sizes')) printFirstScreens();

  // 4. Long lists.
  if (runs('lists')) {
    const big = await bigChat(context);
    say(`\nopen a ${BIG_CHAT}-message ticket: ${big.openMs.toFixed(0)} ms to show its newest message; ${big.read} message documents read; ${big.opened.items} message elements, ${big.opened.elements} elements in the DOM`);
    say(`  after loading ${LOADED_MESSAGES} of its messages: ${big.loaded.items} message elements, ${big.loaded.elements} elements in the DOM`);
    const queue = await bigQueue(context);
    say(`open the queue of ${BIG_QUEUE + 2} tickets: ${queue.queueMs.toFixed(0)} ms to first page; ${queue.read} ticket documents read; ${queue.rows} rows in the DOM`);
    say(`  at phone width (375 px): ${queue.phone.rows} rows, ${queue.phone.elements} elements in the DOM`);
  }
  if (runs('reports')) await reportsAt10k(await browser.newContext({ viewport: { width: 1280, height: 900 } }));

  await browser?.close();
}

main().then(
  () => {
    finished = true;
    stop();
    process.exit(0);
  },
  (error) => {
    finished = true;
    console.error(error);
    stop();
    process.exit(1);
  },
);
