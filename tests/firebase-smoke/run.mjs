#!/usr/bin/env node
// The Firebase smoke tier: builds the functions, starts the Auth and Functions emulators (the
// two that run without Java 21 or a download) and runs the vitest project `firebase-smoke`
// inside them. Exits with the tests' exit code. Extra arguments go to vitest (e.g. `-t name`).
//
// Needs this entry in vitest.config.ts, under test.projects (the lead's config has it):
//
//   {
//     resolve: { alias }, // '@domain' -> functions/src/domain/index.ts
//     test: {
//       name: 'firebase-smoke',
//       environment: 'node',
//       include: ['tests/firebase-smoke/**/*.test.ts'],
//       testTimeout: 30_000,
//     },
//   },
//
// and no other project may include tests/firebase-smoke (it needs the emulators).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

// firebase-tools phones home at start (the MOTD at firebase-public.firebaseio.com, and the
// npm update check). Both are skipped under CI / NO_UPDATE_NOTIFIER, so an offline machine
// starts the emulators without waiting on the network. A `demo-` project needs no login.
const env = { ...process.env, CI: process.env.CI || 'true', NO_UPDATE_NOTIFIER: '1' };

/** Runs a command with inherited output; resolves with its exit code. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const quote = (text) => `"${text.replace(/(["\\$`])/g, '\\$1')}"`;

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = await run(npm, ['run', 'build', '-w', 'functions']);
if (built !== 0) {
  console.error('firebase-smoke: building the functions failed; not starting the emulators.');
  process.exit(built);
}

// emulators:exec runs the script through a shell, with the emulators' hosts in its env.
const vitest = [
  quote(process.execPath),
  'node_modules/vitest/vitest.mjs run --project firebase-smoke',
  ...process.argv.slice(2).map(quote),
].join(' ');
const code = await run(process.execPath, [
  'node_modules/firebase-tools/lib/bin/firebase.js',
  'emulators:exec',
  '--only',
  'auth,functions',
  '--project',
  'demo-support-desk',
  vitest,
]);
process.exit(code);
