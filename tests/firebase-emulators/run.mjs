#!/usr/bin/env node
// The Firebase emulator tier that can run without a download: Google's standalone Firestore
// emulator ships with the Google Cloud SDK (platform/cloud-firestore-emulator), only as a jar
// without a main class. This script
//
//   1. finds that jar, a Java (>= 21 for firebase-tools' emulators:exec, >= 11 for the bare
//      emulator) and a `jar` tool, and builds a launcher jar (manifest Main-Class + Class-Path)
//      into a temp dir at run time: nothing generated lands in the repository;
//   2. with Java >= 21: builds the functions and runs the contract scenarios on the Firebase
//      backend inside `firebase emulators:exec` with the Auth, Firestore (our launcher, via
//      FIRESTORE_EMULATOR_BINARY_PATH) and Functions emulators; then the firestore.rules matrix
//      on a bare Firestore emulator of its own (live triggers would fight its fixtures);
//   3. with only an older Java: the firestore.rules matrix on the bare emulator alone, and one
//      line saying why the contract scenarios did not run;
//   4. otherwise says in one line why nothing ran and exits 3 (the tier runner's "skipped").
//
// storage.rules tests never run here: the Storage emulator is a download. Every process this
// script starts is stopped when it ends, on success, failure, a signal or the time limit.
// Extra arguments go to vitest (e.g. `-t "numbered"`), except --bare-firestore (see below).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLauncher, findEmulatorJar, findJarTool, findJavas } from '../support/firestoreEmulator.mjs';

const SKIPPED = 3;
// Generous for a loaded 2-core machine: the whole tier takes about 2 minutes when idle.
const TIME_LIMIT_MS = 480_000;
const PROJECT_ID = 'demo-support-desk';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// --bare-firestore: take step 3 even where Java 21 exists (to check the fallback itself).
const forceBare = process.argv.includes('--bare-firestore');
const vitestArgs = process.argv.slice(2).filter((arg) => arg !== '--bare-firestore');
const say = (line) => console.log(`firebase-emulators: ${line}`);

// ---- processes: every one started here is stopped when the script ends ----

/** Children by pid; `group` when started in their own process group (killed as a group). */
const children = new Map();
let workDir;

function signalChildren(signal) {
  for (const [pid, { group }] of children) {
    try {
      process.kill(group ? -pid : pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * firebase-tools starts the Firestore emulator in a process group of its own; should
 * firebase-tools die before stopping it, it is found by our launcher's unique temp path.
 */
function killStrays() {
  if (!workDir || !existsSync('/proc')) return;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let commandLine;
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (commandLine.includes(workDir)) {
      try {
        process.kill(Number(entry), 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

function cleanUpNow() {
  signalChildren('SIGKILL');
  killStrays();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}
process.on('exit', cleanUpNow);

let stopping = false;
async function stopAndExit(code, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) say(reason);
  signalChildren('SIGTERM');
  const deadline = Date.now() + 5_000;
  while (children.size > 0 && Date.now() < deadline) await sleep(100);
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => void stopAndExit(1, `stopped by ${signal}; emulators shut down.`));
}
setTimeout(
  () => void stopAndExit(1, `gave up after ${TIME_LIMIT_MS / 1000} s; emulators shut down.`),
  TIME_LIMIT_MS,
).unref();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command to its end with inherited output; resolves with its exit code. */
function run(command, args, options = {}) {
  if (stopping) return Promise.resolve(1); // shutting down: start nothing new
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', detached: true, ...options });
    children.set(child.pid, { group: true });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      children.delete(child.pid);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function portInUse(host, port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, host, () => server.close(() => resolve(false)));
  });
}

const quote = (text) => `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// firebase-tools phones home at start (MOTD, update check); CI / NO_UPDATE_NOTIFIER skip both.
const baseEnv = { ...process.env, CI: 'true', NO_UPDATE_NOTIFIER: '1', METADATA_SERVER_DETECTION: 'none' };
// This tier sets its own emulator hosts; ones inherited from an outer emulators:exec must not leak in.
for (const name of ['FIRESTORE_EMULATOR_HOST', 'FIREBASE_AUTH_EMULATOR_HOST', 'FIREBASE_STORAGE_EMULATOR_HOST']) {
  delete baseEnv[name];
}
const STORAGE_LINE =
  'storage.rules tests (tests/authorization/storageRules.test.ts) did not run: the Storage emulator is a download from Google, not shipped with the machine image.';

// ---- the tiers ----

/**
 * The contract scenarios on the Firebase backend, inside `firebase emulators:exec` with the
 * Auth, Firestore and Functions emulators (firebase-tools demands Java 21 for Firestore).
 */
async function contractOnEmulatorSuite(java, launcher) {
  const firebaseJson = JSON.parse(readFileSync(path.join(repoRoot, 'firebase.json'), 'utf8'));
  const ports = ['auth', 'firestore', 'functions', 'hub'].map((name) => ({ name, ...firebaseJson.emulators[name] }));
  for (const { name, host, port } of ports) {
    if (await portInUse(host, port)) {
      say(`contract not run: port ${port} (${name} emulator, firebase.json) is taken by another process; stop it and run again.`);
      return 1;
    }
  }
  say(`contract scenarios and adapter tests: Java ${java.major} at ${java.bin}; Auth, Firestore (${launcher}) and Functions emulators.`);
  const built = await run(npm, ['run', 'build', '-w', 'functions'], { env: baseEnv });
  if (built !== 0) {
    say('building the functions failed; the emulators were not started.');
    return built;
  }
  // One vitest run in the emulator session: the contract scenarios, the adapter's own tests
  // and the accounts on the Auth emulator (reset, verification, provider sign-in, revocation).
  const vitest = `${quote(process.execPath)} node_modules/vitest/vitest.mjs run`;
  const extra = vitestArgs.map(quote).join(' ');
  // The script also writes its status to a file: firebase-tools reports 0 for a script that
  // was killed by a signal, which must not count as passed.
  const statusFile = path.join(workDir, 'exec-status');
  const script =
    `${vitest} --project firebase-emulators tests/contract/firebase.test.ts tests/firebase-emulators/adapter.test.ts tests/firebase-emulators/accounts.test.ts ${extra}; status=$?; ` +
    `echo $status > ${quote(statusFile)}; exit $status`;
  const env = {
    ...baseEnv,
    PATH: `${path.dirname(java.bin)}${path.delimiter}${process.env.PATH ?? ''}`,
    JAVA_HOME: path.resolve(path.dirname(java.bin), '..'),
    FIRESTORE_EMULATOR_BINARY_PATH: launcher,
  };
  const code = await run(
    process.execPath,
    ['node_modules/firebase-tools/lib/bin/firebase.js', 'emulators:exec', '--only', 'auth,firestore,functions', '--project', PROJECT_ID, script],
    { env },
  );
  const status = existsSync(statusFile) ? readFileSync(statusFile, 'utf8').trim() : 'missing';
  if (code === 0 && status !== '0') {
    say(`the tests inside emulators:exec did not finish (status ${status}), though firebase-tools exited with 0.`);
    return 1;
  }
  return code;
}

/**
 * The firestore.rules matrix on a bare Firestore emulator of its own (free port, no
 * functions): the matrix tests the rules alone, and live triggers would rewrite and lock its
 * fixtures (each cell clears the database while a trigger still works on it).
 */
async function rulesOnBareFirestore(java, launcher) {
  if (stopping) return 1; // shutting down: start nothing new
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  say(`firestore.rules matrix: Java ${java.major} at ${java.bin}; bare Firestore emulator on ${host}.`);
  const emulator = spawn(
    java.bin,
    ['-Duser.language=en', '-jar', launcher, '--host', '127.0.0.1', '--port', String(port), '--project_id', PROJECT_ID],
    { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.set(emulator.pid, { group: false });
  let output = '';
  emulator.stdout.on('data', (chunk) => (output += chunk));
  emulator.stderr.on('data', (chunk) => (output += chunk));
  let exited = false;
  emulator.once('exit', () => {
    exited = true;
    children.delete(emulator.pid);
  });
  const stop = async () => {
    if (exited) return;
    emulator.kill('SIGTERM');
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    if (!exited) emulator.kill('SIGKILL');
  };
  try {
    const deadline = Date.now() + 60_000;
    let up = false;
    while (!up && !exited && Date.now() < deadline) {
      up = await fetch(`http://${host}/`).then((response) => response.ok, () => false);
      if (!up) await sleep(250);
    }
    if (!up) {
      say(`the Firestore emulator did not start on ${host}. Its output:\n${output.slice(-2000)}`);
      return 1;
    }
    return await run(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--project', 'firebase-emulators', 'tests/authorization/rules.test.ts', ...vitestArgs],
      { env: { ...baseEnv, FIRESTORE_EMULATOR_HOST: host } },
    );
  } finally {
    await stop();
  }
}

async function main() {
  const emulatorJar = findEmulatorJar();
  const javas = findJavas();
  const jarTool = findJarTool(javas);
  const modern = forceBare ? undefined : javas.find((java) => java.major >= 21);
  // Forced, the oldest fit Java stands in for a machine with only the image's Java 17.
  const fit = javas.filter((java) => java.major >= 11);
  const bareCapable = forceBare ? fit[fit.length - 1] : fit[0];
  if (!emulatorJar) {
    say(
      "not run: no Firestore emulator jar (the Google Cloud SDK's platform/cloud-firestore-emulator is not installed).",
    );
    return SKIPPED;
  }
  if (!bareCapable) {
    say(`not run: no Java 11 or newer found (looked in /usr/lib/jvm, JAVA_HOME and PATH) to start ${emulatorJar}.`);
    return SKIPPED;
  }
  if (!jarTool) {
    say('not run: no `jar` tool (a JDK, not only a JRE) to build the Firestore emulator launcher.');
    return SKIPPED;
  }
  workDir = mkdtempSync(path.join(tmpdir(), 'support-desk-firestore-'));
  const launcher = buildLauncher(workDir, emulatorJar, jarTool);
  const results = [];
  if (modern) {
    results.push([
      'contract scenarios and adapter tests on the Firebase backend',
      await contractOnEmulatorSuite(modern, launcher),
    ]);
  }
  if (stopping) return 1;
  results.push(['firestore.rules matrix', await rulesOnBareFirestore(modern ?? bareCapable, launcher)]);
  if (stopping) return 1;
  for (const [name, code] of results) say(`${name}: ${code === 0 ? 'passed' : `failed (exit code ${code})`}.`);
  if (!modern) {
    say(
      `contract scenarios on the Firebase backend did not run: firebase-tools' Firestore and Functions emulators need Java 21 or newer (found Java ${bareCapable.major}${forceBare ? ', forced by --bare-firestore' : ''}).`,
    );
  }
  say(STORAGE_LINE);
  return results.every(([, code]) => code === 0) ? 0 : 1;
}

const started = Date.now();
main().then(
  (code) => {
    if (stopping) return; // a signal or the time limit is already ending the run
    // Skipped: the one line saying why was printed already.
    if (code !== SKIPPED) say(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}.`);
    void stopAndExit(code);
  },
  (error) => {
    void stopAndExit(1, `failed: ${error instanceof Error ? error.message : String(error)}`);
  },
);
