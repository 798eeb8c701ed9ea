/**
 * Registers the service worker the build generates (vite-plugin-pwa, see vite.config.ts): it
 * keeps the app's files, so that the app opens with no network. Called once the first page is
 * in, so that fetching the files competes with nothing the person is waiting for. Builds
 * only: the dev server has no worker.
 */
export function keepAppForOffline() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
    // The app works online without it; offline it then needs the network to open.
    console.warn('The app could not be kept for offline use.', error);
  });
}
