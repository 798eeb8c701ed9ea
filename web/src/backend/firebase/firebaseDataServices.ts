import type { FirebaseApp } from 'firebase/app';
import {
  connectFirestoreEmulator,
  initializeFirestore,
  memoryLocalCache,
  persistentLocalCache,
  persistentMultipleTabManager,
} from 'firebase/firestore';
import type { AttachmentsStorage } from './attachmentsStorage';
import type { CallableFunctions } from './callableFunctions';
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
  let callables: Promise<CallableFunctions> | undefined;
  const loadCallables = () =>
    (callables ??= import('./callableFunctions').then(
      ({ openCallableFunctions }) => openCallableFunctions(app, emulators),
      (error: unknown) => {
        // Tried again by the next call.
        callables = undefined;
        throw error;
      },
    ));
  return { db, attachments: loadAttachments, functions: loadCallables };
}
