import type { SupportBackend } from './port';

/**
 * Picks the adapter for this build: the local backend unless VITE_BACKEND=firebase. The
 * Firebase adapter is loaded only when chosen, so the local demo does not ship the SDK's
 * start-up cost.
 */
export async function createBackend(env: ImportMetaEnv): Promise<SupportBackend> {
  if (env.VITE_BACKEND === 'firebase') {
    const { createFirebaseServices, firebaseOptionsFromEnv } = await import('./firebase/firebaseApp');
    const { createFirebaseBackend } = await import('./firebase/firebaseBackend');
    const options = firebaseOptionsFromEnv(env as unknown as Record<string, string | undefined>);
    return createFirebaseBackend(createFirebaseServices({ ...options, cache: 'persistent' }));
  }
  const { LocalBackend } = await import('./local/localBackend');
  const { tabSessionSlot } = await import('./local/sessionSlot');
  const backend = new LocalBackend({ databaseName: 'support-desk', sessionSlot: tabSessionSlot() });
  await backend.ready;
  return backend;
}
