// The app's own files: kept for use offline, and replaced when a new release is out.
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

const RELOADED_AT = 'support-desk.reloaded-for-new-release';

/**
 * After a release, a tab still running the previous one may ask for a file of it that is gone
 * (the new service worker keeps only the new files, the host has only those): it loads the
 * new release instead, once (never in a loop, and not offline, where a reload cannot help).
 */
export function reloadOnMissingFiles() {
  window.addEventListener('vite:preloadError', (event) => {
    const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
    if (!navigator.onLine || Date.now() - last < 60_000) return;
    event.preventDefault();
    sessionStorage.setItem(RELOADED_AT, String(Date.now()));
    window.location.reload();
  });
}
