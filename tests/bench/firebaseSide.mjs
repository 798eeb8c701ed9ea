// Runs tests/bench/firebaseChat.mjs inside `firebase emulators:exec` with the Auth, Firestore
// (the Cloud SDK's emulator through our launcher jar) and Functions emulators, where a Java 21
// or newer is found; otherwise says why not. Every process it starts ends with it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildLauncher, findEmulatorJar, findJarTool, findJavas } from '../support/firestoreEmulator.mjs';

const PROJECT_ID = 'demo-support-desk';
// The app's bench build raises the rate limits (VITE_BENCH_RATE_LIMIT in its env file) to
// measure delivery rather than the cap; the emulator gets firestore.rules with the same caps.
// Both files are written beside firebase.json for the run (firebase-tools resolves paths from
// the config's folder) and removed after it; .gitignore keeps them out of the repository.
const BENCH_CONFIG = 'firebase.bench.json';
const BENCH_RULES = 'firestore.bench.rules';

function raisedRulesConfig() {
  const cap = /^VITE_BENCH_RATE_LIMIT=(\d+)$/m.exec(readFileSync('web/.env.bench-emulators', 'utf8'))?.[1];
  if (!cap) throw new Error('web/.env.bench-emulators sets no VITE_BENCH_RATE_LIMIT');
  const rules = readFileSync('firestore.rules', 'utf8');
  const raised = rules.replace(/let cap = \{'tickets': \d+, 'messages': \d+\};/, `let cap = {'tickets': ${cap}, 'messages': ${cap}};`);
  if (raised === rules) throw new Error("firestore.rules' isRateLimitStep no longer reads `let cap = {...}`");
  writeFileSync(BENCH_RULES, raised);
  const config = JSON.parse(readFileSync('firebase.json', 'utf8'));
  config.firestore.rules = BENCH_RULES;
  writeFileSync(BENCH_CONFIG, JSON.stringify(config, null, 2));
}

const portInUse = (host, port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, host, () => server.close(() => resolve(false)));
  });

/** Resolves with { app, burst, sdk } figures, or { skipped: reason }. */
export async function firebaseChat({ port, chromium, messages, burst }) {
  const jar = findEmulatorJar();
  const javas = findJavas();
  const java = javas.find((candidate) => candidate.major >= 21);
  const jarTool = findJarTool(javas);
  if (!jar) return { skipped: "no Firestore emulator jar (the Google Cloud SDK's platform/cloud-firestore-emulator)" };
  if (!java) return { skipped: `firebase-tools' emulators need Java 21 or newer (found ${javas.map((j) => j.major).join(', ') || 'none'})` };
  if (!jarTool) return { skipped: 'no `jar` tool (a JDK) to build the emulator launcher' };
  const emulators = JSON.parse(readFileSync('firebase.json', 'utf8')).emulators;
  for (const name of ['auth', 'firestore', 'functions', 'hub']) {
    if (await portInUse(emulators[name].host, emulators[name].port)) {
      return { skipped: `port ${emulators[name].port} (${name} emulator) is taken by another run; run the bench again when it is free` };
    }
  }
  if (spawnSync('npm', ['run', 'build', '-w', 'functions'], { stdio: 'ignore' }).status !== 0) return { skipped: 'building the functions failed' };
  const built = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', 'web', '--mode', 'bench-emulators', '--outDir', 'dist-bench-firebase', '--logLevel', 'error'],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) return { skipped: 'building the app for the emulators failed' };
  // The plain SDK's page, served beside the app by the same preview server.
  const plainBuilt = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', 'tests/bench/plainSdkPage', '--outDir', path.resolve('web/dist-bench-firebase/plain-sdk'), '--base', '/plain-sdk/', '--logLevel', 'error'],
    { stdio: 'inherit' },
  );
  if (plainBuilt.status !== 0) return { skipped: "building the plain SDK's page failed" };

  raisedRulesConfig();
  const workDir = mkdtempSync(path.join(tmpdir(), 'support-desk-bench-'));
  const resultFile = path.join(workDir, 'result.json');
  // What the emulators and the script print, kept for when something goes wrong.
  const logFile = path.join(tmpdir(), 'support-desk-bench-firebase.log');
  try {
    const launcher = buildLauncher(workDir, jar, jarTool);
    const env = {
      ...process.env,
      CI: 'true',
      NO_UPDATE_NOTIFIER: '1',
      METADATA_SERVER_DETECTION: 'none',
      PATH: `${path.dirname(java.bin)}${path.delimiter}${process.env.PATH ?? ''}`,
      JAVA_HOME: path.resolve(path.dirname(java.bin), '..'),
      FIRESTORE_EMULATOR_BINARY_PATH: launcher,
      RESULT_FILE: resultFile,
      BENCH_FIREBASE_PORT: String(port),
      CHROMIUM: chromium,
      MESSAGES: String(messages),
      BURST: String(burst),
      PROJECT_ID,
    };
    const code = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        ['node_modules/firebase-tools/lib/bin/firebase.js', 'emulators:exec', '--config', BENCH_CONFIG, '--only', 'auth,firestore,functions', '--project', PROJECT_ID, `"${process.execPath}" tests/bench/firebaseChat.mjs`],
        { env, stdio: ['ignore', openSync(logFile, 'w'), 'inherit'], detached: true },
      );
      const stop = () => {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      };
      process.once('exit', stop);
      child.once('exit', (exitCode) => {
        process.off('exit', stop);
        resolve(exitCode ?? 1);
      });
    });
    if (!existsSync(resultFile)) return { skipped: `the chat on the emulators did not finish (exit code ${code}; see ${logFile})` };
    return JSON.parse(readFileSync(resultFile, 'utf8'));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(BENCH_CONFIG, { force: true });
    rmSync(BENCH_RULES, { force: true });
  }
}
