// The triage classifier measured on the labelled set's test half (tests/triage/labelledTickets.json,
// tickets with split "test", which the classifier is never tuned on): category accuracy,
// priority exact and within one level, both confusion matrices, and the time a ticket takes.
// Pure Node, no emulator, no browser: `node tests/bench/triageAccuracy.mjs` (`--split tune`
// for the tuning half, `--misses` to list what it got wrong). `npm run bench` runs it first.
// The domain is TypeScript: Vite's module runner loads it as the web app's build would.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const TARGETS = { category: 0.85, priorityWithinOne: 0.9 };

async function loadClassifier() {
  const { runnerImport } = await import('vite');
  // Vite's runner sets NODE_ENV=development for this process; `npm run bench` builds the app
  // after this, and a build that inherits it bundles React's development build (twice the
  // bytes, far slower): leave NODE_ENV as it was.
  const nodeEnv = process.env.NODE_ENV;
  try {
    const { module } = await runnerImport(`${root}functions/src/domain/triage/classify.ts`, {
      configFile: false,
      logLevel: 'error',
      root,
    });
    return module;
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

function confusion(labels, pairs) {
  const counts = Object.fromEntries(labels.map((truth) => [truth, Object.fromEntries(labels.map((guess) => [guess, 0]))]));
  for (const [truth, guess] of pairs) counts[truth][guess]++;
  const width = Math.max(...labels.map((label) => label.length), 6) + 2;
  const pad = (text) => String(text).padStart(width);
  const lines = [`${'labelled \\ suggested'.padEnd(22)}${labels.map(pad).join('')}`];
  for (const truth of labels) lines.push(`${truth.padEnd(22)}${labels.map((guess) => pad(counts[truth][guess])).join('')}`);
  return lines.join('\n');
}

const percent = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;

/** Measures one half; returns the figures and the printed report. */
export async function triageAccuracy({ split = 'test', misses = false } = {}) {
  const { classifyTicket, priorityDistance } = await loadClassifier();
  const { tickets } = JSON.parse(readFileSync(`${root}tests/triage/labelledTickets.json`, 'utf8'));
  const half = tickets.filter((ticket) => ticket.split === split);
  const results = half.map((ticket) => ({ ticket, got: classifyTicket(ticket) }));
  const categoryHits = results.filter(({ ticket, got }) => got.category === ticket.category).length;
  const priorityHits = results.filter(({ ticket, got }) => got.priority === ticket.priority).length;
  const withinOne = results.filter(({ ticket, got }) => priorityDistance(got.priority, ticket.priority) <= 1).length;

  // Time a ticket takes: every ticket of the set, many times over (after a warm-up).
  for (const ticket of tickets) classifyTicket(ticket);
  const rounds = 20;
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) for (const ticket of tickets) classifyTicket(ticket);
  const microsPerTicket = Number(process.hrtime.bigint() - started) / 1000 / (rounds * tickets.length);

  const figures = {
    tickets: half.length,
    category: categoryHits / half.length,
    priorityExact: priorityHits / half.length,
    priorityWithinOne: withinOne / half.length,
    microsPerTicket,
  };
  const lines = [
    `triage classifier on the ${split} half (${half.length} of ${tickets.length} labelled tickets${split === 'test' ? ', never tuned on' : ''}):`,
    `  category            ${percent(categoryHits, half.length)} (${categoryHits}/${half.length}; target ${TARGETS.category * 100} %)`,
    `  priority exact      ${percent(priorityHits, half.length)} (${priorityHits}/${half.length})`,
    `  priority within one ${percent(withinOne, half.length)} (${withinOne}/${half.length}; target ${TARGETS.priorityWithinOne * 100} %)`,
    `  time a ticket       ${microsPerTicket.toFixed(1)} µs (mean over ${rounds} rounds of all ${tickets.length})`,
    '',
    'category confusion (rows: labelled, columns: suggested)',
    confusion(['billing', 'technical', 'account', 'general'], results.map(({ ticket, got }) => [ticket.category, got.category])),
    '',
    'priority confusion (rows: labelled, columns: suggested)',
    confusion(['low', 'medium', 'high', 'critical'], results.map(({ ticket, got }) => [ticket.priority, got.priority])),
  ];
  if (misses) {
    lines.push('', 'misses:');
    for (const { ticket, got } of results) {
      if (got.category === ticket.category && got.priority === ticket.priority) continue;
      lines.push(
        `  ${ticket.id} [${ticket.hard.join(',')}] ${ticket.category}/${ticket.priority} -> ${got.category}/${got.priority}` +
          `  cat: ${got.reasons.category.join(' | ')}  prio: ${got.reasons.priority.join(' | ')}  "${ticket.title}"`,
      );
    }
  }
  return { figures, report: lines.join('\n') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'test';
  const { figures, report } = await triageAccuracy({ split, misses: args.includes('--misses') });
  console.log(report);
  const reached = figures.category >= TARGETS.category && figures.priorityWithinOne >= TARGETS.priorityWithinOne;
  console.log(reached ? 'targets reached' : 'targets NOT reached');
}
