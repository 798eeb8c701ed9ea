// `npm run bench`: speed and size figures, measured in Debian's Chromium on the local backend.
// Prints: chat send-to-display latency between two tabs (p50, p95 over 200 messages); the
// time to open a 10,000-message ticket, the message documents it read and the message
// elements in the DOM; the queue at 10,000 tickets.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.BENCH_PORT ?? 4174);
const BASE = `http://127.0.0.1:${PORT}`;
const MESSAGES = 200;
const BIG_CHAT = 10_000;
const BIG_QUEUE = 10_000;

if (!existsSync(CHROMIUM)) {
  console.log(`bench not run: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  process.exit(1);
}

const build = spawnSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', 'web', '--mode', 'bench', '--outDir', 'dist-bench', '--logLevel', 'warn'],
  { stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

// A server already on the port would be measured instead of this build: refuse to start.
if (await fetch(BASE).then(() => true, () => false)) {
  console.log(`bench not run: something already answers on ${BASE}; stop it first`);
  process.exit(1);
}

let finished = false;
const server = spawn(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', 'web', '--outDir', 'dist-bench', '--port', String(PORT), '--strictPort'],
  { stdio: 'ignore' },
);
const stop = () => server.kill();
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stop();
    process.exit(130);
  });
}
server.on('exit', (code) => {
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

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function signIn(page, name, role) {
  await page.goto(BASE);
  await page.getByRole('button', { name: `Continue as ${name} (${role})` }).click();
  await page.getByRole('button', { name: `Account: ${name} (${role})` }).waitFor();
}

async function main() {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const customer = await context.newPage();
  const agent = await context.newPage();
  await signIn(customer, 'Maya Chen', 'customer');
  await signIn(agent, 'Sam Rivera', 'agent');

  // 1. Send-to-display latency: the customer tab sends, the agent tab shows.
  const ticketId = await customer.evaluate(async () => {
    const backend = window.__supportDesk;
    const write = backend.createTicket({ title: 'Latency bench', description: 'Two tabs.', category: 'general', priority: 'low' });
    await write.committed;
    return write.id;
  });
  await customer.goto(`${BASE}/tickets/${ticketId}`);
  await agent.goto(`${BASE}/tickets/${ticketId}`);
  await customer.getByRole('list', { name: 'Messages' }).waitFor({ state: 'attached' });
  await agent.getByRole('list', { name: 'Messages' }).waitFor({ state: 'attached' });
  await agent.evaluate(() => {
    // The agent tab reports each message's arrival time to the sending tab.
    const channel = new BroadcastChannel('bench');
    const seen = new Set();
    new MutationObserver(() => {
      for (const item of document.querySelectorAll('[aria-label="Messages"] li')) {
        const match = /bench-(\d+)/.exec(item.textContent ?? '');
        if (match && !seen.has(match[1])) {
          seen.add(match[1]);
          channel.postMessage({ n: Number(match[1]), at: performance.timeOrigin + performance.now() });
        }
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const latencies = await customer.evaluate(async (count) => {
    const backend = window.__supportDesk;
    const id = location.pathname.split('/').pop();
    const channel = new BroadcastChannel('bench');
    const arrivals = new Map();
    channel.onmessage = (event) => arrivals.get(event.data.n)?.(event.data.at);
    const results = [];
    for (let n = 1; n <= count; n++) {
      const shown = new Promise((resolve) => arrivals.set(n, resolve));
      const sentAt = performance.timeOrigin + performance.now();
      backend.sendMessage(id, { text: `bench-${n}` });
      results.push((await shown) - sentAt);
    }
    return results;
  }, MESSAGES);
  latencies.sort((a, b) => a - b);
  console.log(`chat latency, customer tab -> agent tab, ${MESSAGES} messages: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);

  // 2. Opening a ticket with 10,000 messages.
  const bigId = await customer.evaluate(async (count) => {
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
    return write.id;
  }, BIG_CHAT);
  await agent.goto(`${BASE}/queue`);
  await agent.getByRole('heading', { name: 'Queue' }).waitFor();
  const link = agent.getByRole('link', { name: /Ten thousand messages/ });
  await link.waitFor();
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
  const after = await agent.evaluate(() => window.__supportDesk.stats.messageDocsRead);
  const domMessages = await agent.evaluate(() => document.querySelectorAll('[aria-label="Messages"] li').length);
  console.log(`open a ${BIG_CHAT}-message ticket (${bigId}): ${openMs.toFixed(0)} ms to show its newest message; ${after - before} message documents read; ${domMessages} message elements in the DOM`);

  // 3. The queue at 10,000 tickets: one page read, not the desk.
  await customer.evaluate(async (count) => {
    const backend = window.__supportDesk;
    const base = (await backend.db.tickets.get((await backend.db.tickets.toCollection().first()).id));
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
  const ticketsAfter = await agent.evaluate(() => window.__supportDesk.stats.ticketDocsRead);
  const rows = await agent.evaluate(() => document.querySelectorAll('[aria-label="Queue"] > li').length);
  console.log(`open the queue of ${BIG_QUEUE + 2} tickets: ${queueMs.toFixed(0)} ms to first page; ${ticketsAfter - ticketsBefore} ticket documents read; ${rows} rows in the DOM`);

  await browser.close();
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
