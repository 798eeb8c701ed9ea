import type { FirebaseApp } from 'firebase/app';
import {
  connectFirestoreEmulator,
  initializeFirestore,
  memoryLocalCache,
  persistentLocalCache,
  persistentMultipleTabManager,
} from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions } from 'firebase/functions';
import { connectStorageEmulator, getStorage } from 'firebase/storage';
import type { FirebaseServices, FirebaseServicesOptions } from './firebaseApp';

/** Firestore, Storage and Functions of an app: loaded after sign-in, not on the sign-in page. */
export function createFirebaseDataServices(
  app: FirebaseApp,
  options: FirebaseServicesOptions,
): Pick<FirebaseServices, 'db' | 'storage' | 'functions'> {
  const db = initializeFirestore(app, {
    localCache:
      options.cache === 'persistent'
        ? persistentLocalCache({ tabManager: persistentMultipleTabManager() })
        : memoryLocalCache(),
  });
  const storage = getStorage(app);
  const functions = getFunctions(app);
  const emulators = options.emulators;
  if (emulators) {
    // Every connect must happen before the first use of its service.
    connectFirestoreEmulator(db, emulators.host, emulators.firestorePort);
    connectStorageEmulator(storage, emulators.host, emulators.storagePort);
    connectFunctionsEmulator(functions, emulators.host, emulators.functionsPort);
  }
  return { db, storage, functions };
}
