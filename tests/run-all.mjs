// `npm test`: every tier in order. A tier that cannot run here says why in one line and
// counts as skipped, never as passed. The last line is the plain summary CI reads.
import { spawnSync } from 'node:child_process';

const node = process.execPath;
const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
const emulatorVars = ['FIRESTORE_EMULATOR_HOST', 'FIREBASE_AUTH_EMULATOR_HOST', 'FIREBASE_STORAGE_EMULATOR_HOST'];
// Skipped tiers exit with this code after printing one line saying why.
const missingEmulators = emulatorVars.filter((name) => !process.env[name]);
const SKIPPED = 3;

const tiers = [
  { name: 'lint', command: [node, 'node_modules/eslint/bin/eslint.js', '.'] },
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  {
    name: 'unit, components, contract and authorization matrix on the local backend',
    command: [node, ...vitest, '--project', 'unit', '--project', 'components', '--project', 'local-backend'],
  },
  // Emulators already running (npm run emulators): run against them, storage.rules included.
  // Otherwise tests/firebase-emulators/run.mjs starts what this machine can run itself.
  missingEmulators.length === 0
    ? {
        name: 'contract on the Firebase backend, firestore.rules and storage.rules (running emulators)',
        command: [node, ...vitest, '--project', 'firebase-emulators'],
      }
    : {
        name: 'Firebase emulators: contract on the Firebase backend, adapter, firestore.rules matrix',
        command: [node, 'tests/firebase-emulators/run.mjs'],
      },
  { name: 'Firebase smoke (Auth and Functions emulators)', command: [node, 'tests/firebase-smoke/run.mjs'] },
  { name: 'browser (Debian Chromium: the local backend and, side by side, the Firebase build on the emulators)', command: [node, 'tests/browser/run.mjs'] },
];

const results = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const tier of tiers) {
  if (tier.skip) {
    console.log(`\n▶ ${tier.name}: ${tier.skip}`);
    results.skipped += 1;
    lines.push(`skipped  ${tier.name}: ${tier.skip}`);
    continue;
  }
  console.log(`\n▶ ${tier.name}`);
  const started = Date.now();
  const [command, ...args] = tier.command;
  const status = spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const outcome = status === 0 ? 'passed' : status === SKIPPED ? 'skipped' : 'failed';
  results[outcome] += 1;
  lines.push(`${outcome.padEnd(8)} ${tier.name} (${seconds} s)`);
}

console.log('\nTiers:');
for (const line of lines) console.log(`  ${line}`);
console.log(`tiers: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed === 0 ? 0 : 1);
