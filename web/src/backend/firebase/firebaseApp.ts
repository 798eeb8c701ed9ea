import { initializeApp, type FirebaseApp, type FirebaseOptions } from 'firebase/app';
import {
  browserLocalPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
  inMemoryPersistence,
  onAuthStateChanged,
  type Auth,
} from 'firebase/auth';
import type { Firestore } from 'firebase/firestore';
import type { AttachmentsStorage } from './attachmentsStorage';
import type { CallableFunctions } from './callableFunctions';

/*
 * The Firebase app and Auth: all the sign-in page needs. Firestore, Storage and Functions
 * are created by firebaseDataServices.ts, loaded once someone is signed in.
 */

export interface EmulatorHosts {
  readonly host: string;
  readonly authPort: number;
  readonly firestorePort: number;
  readonly storagePort: number;
  readonly functionsPort: number;
}

export interface FirebaseServicesOptions {
  readonly config: FirebaseOptions;
  /** A distinct name per app lets one process hold several signed-in clients (tests). */
  readonly appName?: string;
  readonly emulators?: EmulatorHosts | undefined;
  /**
   * 'persistent': IndexedDB shared by every tab, so the app keeps working when the network
   * drops (browser). 'memory': nothing outlives the process (Node tests).
   */
  readonly cache: 'persistent' | 'memory';
}

export interface FirebaseServices {
  readonly app: FirebaseApp;
  readonly auth: Auth;
  readonly db: Firestore;
  /** Storage for attachments, loaded on first use. */
  readonly attachments: () => Promise<AttachmentsStorage>;
  /** The callable functions, loaded on first use. */
  readonly functions: () => Promise<CallableFunctions>;
}

export interface FirebaseAuthServices {
  readonly app: FirebaseApp;
  readonly auth: Auth;
}

/**
 * The app and Auth. Auth is initialised with the persistence it needs and no popup or
 * redirect resolver (sign-in is by email and password), which keeps it small.
 */
export function createFirebaseAuth(options: FirebaseServicesOptions): FirebaseAuthServices {
  const app = options.appName ? initializeApp(options.config, options.appName) : initializeApp(options.config);
  const auth = initializeAuth(app, {
    persistence: options.cache === 'persistent' ? [indexedDBLocalPersistence, browserLocalPersistence] : inMemoryPersistence,
  });
  const emulators = options.emulators;
  // Every connect must happen before the first use of its service.
  if (emulators) connectAuthEmulator(auth, `http://${emulators.host}:${emulators.authPort}`, { disableWarnings: true });
  return { app, auth };
}

/** Whether someone is signed in, as Auth restores it and as it changes. */
export function watchSignedIn(auth: Auth, onChange: (signedIn: boolean) => void): () => void {
  return onAuthStateChanged(auth, (user) => onChange(user !== null));
}

/** The Emulator Suite's project and ports; they mirror firebase.json and .firebaserc. */
export const EMULATOR_PROJECT_ID = 'demo-support-desk';
export const emulatorHostsFromFirebaseJson: EmulatorHosts = {
  host: '127.0.0.1',
  authPort: 9099,
  firestorePort: 8080,
  storagePort: 9199,
  functionsPort: 5001,
};

const requiredConfigVars = [
  'VITE_FIREBASE_API_KEY',
  'VITE_FIREBASE_AUTH_DOMAIN',
  'VITE_FIREBASE_PROJECT_ID',
  'VITE_FIREBASE_STORAGE_BUCKET',
  'VITE_FIREBASE_APP_ID',
] as const;

/**
 * The connection settings from Vite's env (`import.meta.env`). With VITE_USE_EMULATORS=true no
 * real project is needed: a `demo-` project id never reaches Google, so a fake key is fine.
 */
export function firebaseOptionsFromEnv(
  env: Record<string, string | undefined>,
): Pick<FirebaseServicesOptions, 'config' | 'emulators'> {
  if (env.VITE_USE_EMULATORS === 'true') {
    const projectId = env.VITE_FIREBASE_PROJECT_ID || EMULATOR_PROJECT_ID;
    return {
      config: {
        apiKey: env.VITE_FIREBASE_API_KEY || 'fake-api-key-for-the-emulators',
        authDomain: `${projectId}.firebaseapp.com`,
        projectId,
        storageBucket: `${projectId}.appspot.com`,
        appId: env.VITE_FIREBASE_APP_ID || `1:000000000000:web:${projectId}`,
      },
      emulators: emulatorHostsFromFirebaseJson,
    };
  }
  const missing = requiredConfigVars.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `The Firebase backend needs ${missing.join(', ')} (from the Firebase console's web app ` +
        'settings, in web/.env.local), or VITE_USE_EMULATORS=true for the Emulator Suite.',
    );
  }
  return {
    config: {
      apiKey: env.VITE_FIREBASE_API_KEY,
      authDomain: env.VITE_FIREBASE_AUTH_DOMAIN,
      projectId: env.VITE_FIREBASE_PROJECT_ID,
      storageBucket: env.VITE_FIREBASE_STORAGE_BUCKET,
      appId: env.VITE_FIREBASE_APP_ID,
    },
    emulators: undefined,
  };
}
