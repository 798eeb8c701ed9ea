import { LocalBackend } from '../backend/local/localBackend';
import { memorySessionSlot } from '../backend/local/sessionSlot';

/**
 * Ends `backend`'s session the way another device would: the same account signs out of every
 * device from another tab. Resolves once `backend` itself has no session (the page is gone).
 */
export async function endSessionElsewhere(backend: LocalBackend, uid: string): Promise<void> {
  const elsewhere = new LocalBackend({ databaseName: backend.db.name, sessionSlot: memorySessionSlot() });
  await elsewhere.ready;
  await elsewhere.switchAccount(uid);
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
