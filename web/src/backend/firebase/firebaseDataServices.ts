import type { FirebaseApp } from 'firebase/app';
import {
  connectFirestoreEmulator,
  initializeFirestore,
  memoryLocalCache,
  persistentLocalCache,
  persistentMultipleTabManager,
} from 'firebase/firestore';
import { loadOnce } from '../../loading/whenIdle';
import type { FirebaseServices, FirebaseServicesOptions } from './firebaseApp';

/**
 * Firestore and (on first use) Storage and Functions of an app: loaded after sign-in, not on
 * the sign-in page; Storage, needed only for attachments, and Functions, only for triage and
 * signing out everywhere, not with every first screen either.
 */
export function createFirebaseDataServices(
  app: FirebaseApp,
  options: FirebaseServicesOptions,
): Pick<FirebaseServices, 'db' | 'attachments' | 'functions'> {
  const db = initializeFirestore(app, {
    localCache:
      options.cache === 'persistent'
        ? persistentLocalCache({ tabManager: persistentMultipleTabManager() })
        : memoryLocalCache(),
  });
  const emulators = options.emulators;
  // The connect must happen before the first use of the service.
  if (emulators) connectFirestoreEmulator(db, emulators.host, emulators.firestorePort);
  // Each loads with its first use; a load that failed (the network dropped) is tried again by the next.
  const loadAttachments = loadOnce(() => import('./attachmentsStorage').then(({ openAttachmentsStorage }) => openAttachmentsStorage(app, emulators)));
  const loadCallables = loadOnce(() => import('./callableFunctions').then(({ openCallableFunctions }) => openCallableFunctions(app, emulators)));
  return { db, attachments: loadAttachments, functions: loadCallables };
}
