import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The app's stylesheet does not hold the first paint: index.html paints its header with
 * inline styles at once, and main.tsx renders the app once the stylesheet is in (so nothing
 * shows unstyled). A print stylesheet does not block rendering; loaded, it turns to all
 * media. (The scripts stay in the head: requested after the first paint instead, they bring
 * Lighthouse's FCP under a second but put all of the start-up's work inside its TBT window,
 * which costs the score far more; measured with `npm run bench`.)
 */
function stylesheetAfterFirstPaint(): Plugin {
  return {
    name: 'stylesheet-after-first-paint',
    apply: 'build',
    enforce: 'post',
    // After Vite has put the stylesheet links into the page.
    generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset' || typeof page.source !== 'string') return;
      page.source = page.source.replace(
        /<link rel="stylesheet"([^>]*)>/g,
        `<link rel="stylesheet" media="print" onload="this.media='all'" data-app-styles$1>`,
      );
    },
  };
}

const escaped = (path: string) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Modules in this checkout's functions/src/domain (and no other path that merely contains it). */
const domainModules = new RegExp(`^${escaped(fileURLToPath(new URL('../functions/src/domain/', import.meta.url)))}`);
/**
 * The domain's modules every signed-in screen takes (the schemas the backend reads documents
 * with, the policy its commands check): one chunk, where rolldown would make a chunk of each
 * (each set of importers differs), a dozen requests compressed apart. Not the classifier or the
 * stats (their pages' own), nor what the sign-in page takes (names, text, roles, errors, zod),
 * and not their dependencies: none of these imports a module of the group, so no chunk
 * imports another in a circle.
 */
const domainSharedBySignedInScreens = (id: string) =>
  domainModules.test(id) &&
  !/[\\/]domain[\\/](triage[\\/](?!suggestion\.ts)|stats[\\/])/.test(id) &&
  !/[\\/]domain[\\/](index|user|text|roles|errors|zod)\.ts$/.test(id);
/** The one domain module with an effect: it gives zod/mini its English messages (domain/zod.ts). */
const domainZod = new RegExp(`^${escaped(fileURLToPath(new URL('../functions/src/domain/zod.ts', import.meta.url)))}$`);

// The domain lives in functions/src/domain and is shared, not copied: one source of truth.
export default defineConfig({
  plugins: [
    react(),
    stylesheetAfterFirstPaint(),
    // A service worker that keeps the app's files, so that it opens with no network (a
    // customer on a train reloads the page and still sees their queued messages: the data
    // is Firestore's cache, or IndexedDB on the local backend). Registered by the app itself
    // once its first page is in (web/src/app/appFiles.ts); no manifest: not an installable app.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        // Reports (the page, its charts and tables: the largest part) shows nothing useful
        // offline: it loads when opened. (Chunk names: the modules' own, see each lazy import.)
        globIgnores: ['**/ReportsRoute-*', '**/charts-*', '**/ReportTable-*'],
        // Any address of the app opens its page; Firebase Hosting's own /__/ pages (sign-in with
        // a provider) are the network's.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/__\//],
        // A new release's worker takes over at once: the next page load gets the new files.
        skipWaiting: true,
        clientsClaim: true,
      },
    }),
  ],
  resolve: {
    alias: {
      '@domain': fileURLToPath(new URL('../functions/src/domain/index.ts', import.meta.url)),
      '@functions': fileURLToPath(new URL('../functions/src', import.meta.url)),
      // Firestore's pipelines (unused here) are the only importer of re2js: see the stand-in.
      re2js: fileURLToPath(new URL('./src/backend/firebase/re2jsStandIn.ts', import.meta.url)),
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    sourcemap: true,
    // The domain's modules only declare (schemas, rules, tables): a page takes the modules it
    // uses, not every module the barrel names. The first rule that matches a module decides.
    rolldownOptions: {
      // Everything the entry imports statically loads before anything shows, so it is one chunk
      // (rolldown would otherwise split off the parts the lazy chunks share: six more requests,
      // each compressed apart, 3.5 KiB gzip more on every screen).
      output: {
        codeSplitting: {
          groups: [
            { name: 'start', tags: ['$initial'], priority: 2 },
            { name: 'domain', test: domainSharedBySignedInScreens, includeDependenciesRecursively: false, priority: 1 },
          ],
        },
      },
      treeshake: {
        moduleSideEffects: [
          { test: domainZod, sideEffects: true },
          { test: domainModules, sideEffects: false },
        ],
      },
    },
  },
});
