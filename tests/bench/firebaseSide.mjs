// Runs tests/bench/firebaseChat.mjs inside `firebase emulators:exec` with the Auth, Firestore
// (the Cloud SDK's emulator through our launcher jar) and Functions emulators, where a Java 21
// or newer is found; otherwise says why not. Every process it starts ends with it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ID, emulatorSuiteSetup, emulatorsExec, takenEmulatorPort } from '../support/emulatorSuite.mjs';

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

/** Resolves with { app, burst, sdk } figures, or { skipped: reason }. */
export async function firebaseChat({ port, chromium, messages, burst }) {
  const workDir = mkdtempSync(path.join(tmpdir(), 'support-desk-bench-'));
  try {
    const setup = emulatorSuiteSetup(workDir);
    if (setup.skipped) return setup;
    const taken = await takenEmulatorPort();
    if (taken) return { skipped: `port ${taken.port} (${taken.name} emulator) is taken by another run; run the bench again when it is free` };
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
    const resultFile = path.join(workDir, 'result.json');
    // What the emulators and the script print, kept for when something goes wrong.
    const logFile = path.join(tmpdir(), 'support-desk-bench-firebase.log');
    const code = await emulatorsExec({
      setup,
      only: 'auth,firestore,functions',
      config: BENCH_CONFIG,
      script: `"${process.execPath}" tests/bench/firebaseChat.mjs`,
      statusFile: path.join(workDir, 'exec-status'),
      env: { RESULT_FILE: resultFile, BENCH_FIREBASE_PORT: String(port), CHROMIUM: chromium, MESSAGES: String(messages), BURST: String(burst), PROJECT_ID },
      stdio: ['ignore', openSync(logFile, 'w'), 'inherit'],
    });
    if (!existsSync(resultFile)) return { skipped: `the chat on the emulators did not finish (exit code ${code}; see ${logFile})` };
    return JSON.parse(readFileSync(resultFile, 'utf8'));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(BENCH_CONFIG, { force: true });
    rmSync(BENCH_RULES, { force: true });
  }
}
