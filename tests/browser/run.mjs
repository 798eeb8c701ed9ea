// Browser tier: the user flows in Debian's Chromium, on both builds.
//   1. the local backend: builds web/dist and runs every spec (playwright.config.ts);
//   2. Firebase: builds the functions and web/dist-firebase (the emulators build), starts the
//      Auth, Firestore and Functions emulators (tests/support/emulatorSuite.mjs), seeds the demo
//      accounts and runs the flows of playwright.firebase.config.ts. Where the emulators cannot
//      run it says why in one line and the local half decides the tier.
// Extra arguments go to Playwright (spec file filters such as `chat keyboard`, `-g <title>`);
// `--local-only` or `--firebase-only` runs one half.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emulatorSuiteSetup, emulatorsExec, takenEmulatorPort } from '../support/emulatorSuite.mjs';

const SKIPPED = 3;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const say = (line) => console.log(`browser tier: ${line}`);
if (!existsSync(chromium)) {
  say(`not run: no Chromium at ${chromium} (apt-get install -y chromium)`);
  process.exit(process.env.CI ? 1 : SKIPPED);
}
const halves = process.argv.includes('--local-only') ? ['local'] : process.argv.includes('--firebase-only') ? ['firebase'] : ['local', 'firebase'];
const playwrightArgs = process.argv.slice(2).filter((arg) => !arg.startsWith('--local-only') && !arg.startsWith('--firebase-only'));
const quote = (text) => `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
const run = (args, options = {}) => spawnSync(process.execPath, args, { stdio: 'inherit', ...options }).status ?? 1;
const playwright = (config) => ['node_modules/@playwright/test/cli.js', 'test', '-c', config, ...playwrightArgs];
const viteBuild = (outDir, mode) => ['node_modules/vite/bin/vite.js', 'build', 'web', '--outDir', outDir, '--logLevel', 'warn', ...(mode ? ['--mode', mode] : [])];

function localHalf() {
  const built = run(viteBuild('dist'));
  if (built !== 0) return built;
  return run(playwright('tests/browser/playwright.config.ts'));
}

async function firebaseHalf() {
  const workDir = mkdtempSync(path.join(tmpdir(), 'support-desk-browser-'));
  try {
    const setup = emulatorSuiteSetup(workDir);
    if (setup.skipped) {
      say(`the flows on the Firebase build did not run: ${setup.skipped}.`);
      return SKIPPED;
    }
    const taken = await takenEmulatorPort();
    if (taken) {
      say(`the flows on the Firebase build did not run: port ${taken.port} (${taken.name} emulator) is taken by another process (stop it and run again).`);
      return SKIPPED;
    }
    const functionsBuilt = spawnSync('npm', ['run', 'build', '-w', 'functions'], { stdio: 'inherit' }).status;
    if (functionsBuilt !== 0) return functionsBuilt ?? 1;
    const built = run(viteBuild('dist-firebase', 'emulators'));
    if (built !== 0) return built;
    say('attachments.spec.ts does not run on Firebase: uploads need the Storage emulator, which is a download from Google and cannot run here.');
    const emulatorLog = path.join(tmpdir(), 'support-desk-browser-emulators.log');
    say(`the emulators' own output: ${emulatorLog}`);
    const node = quote(process.execPath);
    return await emulatorsExec({
      setup,
      only: 'auth,firestore,functions',
      script: `${node} scripts/seed-emulators.mjs > /dev/null && ${node} ${playwright('tests/browser/playwright.firebase.config.ts').map(quote).join(' ')}`,
      statusFile: path.join(workDir, 'exec-status'),
      emulatorLog,
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

const results = [];
for (const half of halves) results.push([half, half === 'local' ? localHalf() : await firebaseHalf()]);
for (const [half, code] of results) {
  say(`${half === 'local' ? 'local backend' : 'Firebase build on the emulators'}: ${code === 0 ? 'passed' : code === SKIPPED ? 'skipped' : 'failed'}.`);
}
const codes = results.map(([, code]) => code);
process.exit(codes.some((code) => code !== 0 && code !== SKIPPED) ? 1 : codes.every((code) => code === SKIPPED) ? SKIPPED : 0);
