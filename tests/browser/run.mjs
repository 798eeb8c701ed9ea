// Browser tier: the user flows in Debian's Chromium, on both builds, side by side.
//   1. the local backend: builds web/dist and runs every spec (playwright.config.ts);
//   2. Firebase: builds the functions and web/dist-firebase (the emulators build), starts the
//      Auth, Firestore and Functions emulators (tests/support/emulatorSuite.mjs), seeds the demo
//      accounts and runs the flows of playwright.firebase.config.ts. Where the emulators cannot
//      run it says why in one line and the local half decides the tier.
// The halves run at the same time (their servers, ports, browsers and results are apart): the
// Firebase half's builds, emulators and flows fill the local flows' waits. Its output is held
// (stdout and stderr) and printed after the local half's, so neither is interleaved.
// Extra arguments go to Playwright (spec file filters such as `chat keyboard`, `-g <title>`);
// `--local-only` or `--firebase-only` runs one half.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { emulatorSuiteSetup, emulatorsExec, takenEmulatorPort } from '../support/emulatorSuite.mjs';

const SKIPPED = 3;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const say = (line, print = console.log) => print(`browser tier: ${line}`);
if (!existsSync(chromium)) {
  say(`not run: no Chromium at ${chromium} (apt-get install -y chromium)`);
  process.exit(process.env.CI ? 1 : SKIPPED);
}
const halves = process.argv.includes('--local-only') ? ['local'] : process.argv.includes('--firebase-only') ? ['firebase'] : ['local', 'firebase'];
const playwrightArgs = process.argv.slice(2).filter((arg) => !arg.startsWith('--local-only') && !arg.startsWith('--firebase-only'));
const quote = (text) => `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
const playwright = (config) => ['node_modules/@playwright/test/cli.js', 'test', '-c', config, ...playwrightArgs];
const viteBuild = (outDir, mode) => ['node_modules/vite/bin/vite.js', 'build', 'web', '--outDir', outDir, '--logLevel', 'warn', ...(mode ? ['--mode', mode] : [])];

/** Runs a command to its end: its output to the console, or line by line to `print`. */
function run(command, args, print) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: print ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (print) for (const input of [child.stdout, child.stderr]) createInterface({ input }).on('line', print);
    child.once('error', () => resolve(1));
    child.once('close', (code) => resolve(code ?? 1));
  });
}

async function localHalf() {
  const built = await run(process.execPath, viteBuild('dist'));
  if (built !== 0) return built;
  return run(process.execPath, playwright('tests/browser/playwright.config.ts'));
}

async function firebaseHalf(print) {
  const workDir = mkdtempSync(path.join(tmpdir(), 'support-desk-browser-'));
  try {
    const setup = emulatorSuiteSetup(workDir);
    if (setup.skipped) {
      say(`the flows on the Firebase build did not run: ${setup.skipped}.`, print);
      return SKIPPED;
    }
    const taken = await takenEmulatorPort();
    if (taken) {
      say(`the flows on the Firebase build did not run: port ${taken.port} (${taken.name} emulator) is taken by another process (stop it and run again).`, print);
      return SKIPPED;
    }
    const functionsBuilt = await run('npm', ['run', 'build', '-w', 'functions'], print);
    if (functionsBuilt !== 0) return functionsBuilt;
    const built = await run(process.execPath, viteBuild('dist-firebase', 'emulators'), print);
    if (built !== 0) return built;
    say('attachments.spec.ts does not run on Firebase: uploads need the Storage emulator, which is a download from Google and cannot run here.', print);
    const emulatorLog = path.join(tmpdir(), 'support-desk-browser-emulators.log');
    say(`the emulators' own output: ${emulatorLog}`, print);
    const node = quote(process.execPath);
    return await emulatorsExec({
      setup,
      only: 'auth,firestore,functions',
      script: `${node} scripts/seed-emulators.mjs > /dev/null && ${node} ${playwright('tests/browser/playwright.firebase.config.ts').map(quote).join(' ')}`,
      statusFile: path.join(workDir, 'exec-status'),
      emulatorLog,
      print,
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

// With both halves, the Firebase half's lines wait until the local half is done.
const held = [];
const firebasePrint = halves.length > 1 ? (line) => held.push(line) : console.log;
const started = Date.now();
const results = await Promise.all(
  halves.map(async (half) => {
    const print = half === 'local' ? console.log : firebasePrint;
    const code = await (half === 'local' ? localHalf() : firebaseHalf(print)).catch((error) => {
      say(`the ${half} half stopped: ${error instanceof Error ? error.message : String(error)}`, print);
      return 1;
    });
    return [half, code, Math.round((Date.now() - started) / 1000)];
  }),
);
if (held.length > 0) {
  say('the Firebase build on the emulators, which ran beside the local half:');
  console.log(held.join('\n'));
}
for (const [half, code, seconds] of results) {
  say(`${half === 'local' ? 'local backend' : 'Firebase build on the emulators'}: ${code === 0 ? 'passed' : code === SKIPPED ? 'skipped' : 'failed'} (done ${seconds} s after the start).`);
}
const codes = results.map(([, code]) => code);
process.exit(codes.some((code) => code !== 0 && code !== SKIPPED) ? 1 : codes.every((code) => code === SKIPPED) ? SKIPPED : 0);
