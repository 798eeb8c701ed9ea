import { LocalBackend } from '../backend/local/localBackend';
import { memorySessionSlot } from '../backend/local/sessionSlot';

/** Another tab of the same browser (the same local database), signed in as `uid`. */
export async function otherTab(of: LocalBackend, uid: string): Promise<LocalBackend> {
  const tab = new LocalBackend({ databaseName: of.db.name, sessionSlot: memorySessionSlot() });
  await tab.ready;
  await tab.switchAccount(uid);
  return tab;
}

/**
 * Ends `backend`'s session the way another device would: the same account signs out of every
 * device from another tab. Resolves once `backend` itself has no session (the page is gone).
 */
export async function endSessionElsewhere(backend: LocalBackend, uid: string): Promise<void> {
  const elsewhere = await otherTab(backend, uid);
  let stop = () => {};
  const ended = new Promise<void>((resolve) => {
    stop = backend.subscribeSession((session) => {
      if (session === null) resolve();
    });
  });
  await elsewhere.signOutEverywhere();
  await ended;
  stop();
}
