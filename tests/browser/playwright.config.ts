import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import type { Backend } from './people';

/**
 * Browser tests in Debian's Chromium (never a downloaded browser), against the built app
 * served by `vite preview`: on the local backend (this config), or on Firebase against the
 * emulators (playwright.firebase.config.ts, which tests/browser/run.mjs starts inside
 * `firebase emulators:exec`).
 */
export function browserConfig({ backend, port, outDir, workers, ...rest }: { backend: Backend; port: number; outDir: string; workers: number } & PlaywrightTestConfig) {
  return defineConfig<{ backend: Backend }>({
    testDir: '.',
    testMatch: '*.spec.ts',
    // Flows only the Firebase build has (its cache, the console): playwright.firebase.config.ts.
    testIgnore: 'firebase/**',
    // Caps, not waits: every step waits for a state. They are generous so that a machine far
    // busier than CI (seen: load 25 on 2 cores, a whole flow taking over a minute) still passes.
    timeout: 180_000,
    expect: { timeout: 20_000 },
    fullyParallel: false,
    // BROWSER_WORKERS overrides (1 to watch one flow at a time).
    workers: Number(process.env.BROWSER_WORKERS ?? workers),
    forbidOnly: true,
    reporter: [['list']],
    outputDir: `../../test-results/${backend}`,
    use: {
      backend,
      baseURL: `http://127.0.0.1:${port}`,
      // Tracing snapshots the page at every action, which on a busy 2-core machine costs more
      // than the test itself; record one when needed with `--trace retain-on-failure`.
      trace: 'off',
      screenshot: 'only-on-failure',
      // The app's service worker fetches the whole build to keep it for offline use: only the
      // specs about opening offline want that work (they allow it with test.use).
      serviceWorkers: 'block',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    },
    webServer: {
      command: `node ../node_modules/vite/bin/vite.js preview --outDir ${outDir} --port ${port} --strictPort`,
      cwd: '../../web',
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    ...rest,
  });
}

// BROWSER_PORT lets two checkouts run the browser tier side by side on one machine.
// Two flows at a time: each has a browser context of its own (its own IndexedDB, the local
// backend's "server"), so they share nothing, and one flow's waits fill with the other's work.
export default browserConfig({ backend: 'local', port: Number(process.env.BROWSER_PORT ?? 4173), outDir: 'dist', workers: 2 });
