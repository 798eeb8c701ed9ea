// Browser tier: builds the web app and runs the Playwright specs in Debian's Chromium.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`browser tier not run: no Chromium at ${chromium} (apt-get install -y chromium)`);
  process.exit(process.env.CI ? 1 : 3);
}
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;
const built = run(['node_modules/vite/bin/vite.js', 'build', 'web', '--logLevel', 'warn']);
if (built !== 0) process.exit(built);
// Extra arguments go to Playwright: spec file filters (`alerts keyboard`), `-g <title>`.
process.exit(run(['node_modules/@playwright/test/cli.js', 'test', '-c', 'tests/browser/playwright.config.ts', ...process.argv.slice(2)]));
