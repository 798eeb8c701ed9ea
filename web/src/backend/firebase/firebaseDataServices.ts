import type { FirebaseApp } from 'firebase/app';
import {
  connectFirestoreEmulator,
  initializeFirestore,
  memoryLocalCache,
  persistentLocalCache,
  persistentMultipleTabManager,
} from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions } from 'firebase/functions';
import type { AttachmentsStorage } from './attachmentsStorage';
import type { FirebaseServices, FirebaseServicesOptions } from './firebaseApp';

/**
 * Firestore, Functions and (on first use) Storage of an app: loaded after sign-in, not on the
 * sign-in page; Storage, needed only for attachments, not with every first screen either.
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
  const functions = getFunctions(app);
  const emulators = options.emulators;
  if (emulators) {
    // Every connect must happen before the first use of its service.
    connectFirestoreEmulator(db, emulators.host, emulators.firestorePort);
    connectFunctionsEmulator(functions, emulators.host, emulators.functionsPort);
  }
  let attachments: Promise<AttachmentsStorage> | undefined;
  const loadAttachments = () =>
    (attachments ??= import('./attachmentsStorage').then(
      ({ openAttachmentsStorage }) => openAttachmentsStorage(app, emulators),
      (error: unknown) => {
        // A load that failed (the network dropped) is tried again by the next attachment.
        attachments = undefined;
        throw error;
      },
    ));
  return { db, attachments: loadAttachments, functions };
}
