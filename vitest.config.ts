import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  '@domain': fileURLToPath(new URL('./functions/src/domain/index.ts', import.meta.url)),
  '@functions': fileURLToPath(new URL('./functions/src', import.meta.url)),
};

/**
 * Test tiers as vitest projects. tests/run-all.mjs picks which run: the firebase ones only
 * when the emulators they need are up, otherwise it prints why they did not run.
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'functions/src/**/*.test.ts',
            'web/src/**/*.test.ts',
            'tests/rules/**/*.test.ts',
            'tests/build/**/*.test.ts',
            'tests/triage/**/*.test.ts',
          ],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['web/src/**/*.test.tsx'],
          setupFiles: ['tests/support/componentSetup.ts'],
          // Typing into jsdom through user-event is slow on a loaded 2-core machine.
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'local-backend',
          environment: 'node',
          include: ['tests/contract/local*.test.ts', 'tests/authorization/local.test.ts'],
          // Dexie's liveQuery needs IndexedDB as a global, as in a browser.
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'firebase-emulators',
          environment: 'node',
          include: [
            'tests/contract/firebase.test.ts',
            'tests/firebase-emulators/**/*.test.ts',
            'tests/authorization/rules.test.ts',
            'tests/authorization/storageRules.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'firebase-smoke',
          environment: 'node',
          include: ['tests/firebase-smoke/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
