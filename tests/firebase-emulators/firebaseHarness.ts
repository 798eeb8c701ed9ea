import { readFileSync } from 'node:fs';
import { deleteApp as deleteAdminApp, initializeApp as initializeAdminApp, type App } from 'firebase-admin/app';
import { getAuth as getAdminAuth, type Auth as AdminAuth } from 'firebase-admin/auth';
import { getFirestore as getAdminFirestore, type Firestore as AdminFirestore } from 'firebase-admin/firestore';
import { deleteApp } from 'firebase/app';
import { terminate } from 'firebase/firestore';
import { afterAll } from 'vitest';
import { newUserDoc, type Role } from '../../functions/src/domain/index.js';
import {
  EMULATOR_PROJECT_ID,
  type EmulatorHosts,
  type FirebaseServices,
} from '../../web/src/backend/firebase/firebaseApp.js';
import { createFirebaseServices } from '../../web/src/backend/firebase/firebaseServices.js';
import { createFirebaseBackend } from '../../web/src/backend/firebase/firebaseBackend.js';
import type { Session, SupportBackend } from '../../web/src/backend/port.js';
import { contractPeople, type ContractHarness, type ContractPerson } from '../contract/harness.js';
import { nextMatching } from '../contract/scenarios.js';

/**
 * "Browser tabs" of the Firebase backend on the Emulator Suite (Auth, Firestore with
 * firestore.rules, Functions), for the contract scenarios and the adapter's own emulator
 * tests. Each harness starts from an empty desk (no tickets, counter or configuration, as
 * each local harness starts from a fresh IndexedDB), so no scenario sees another's tickets,
 * numbers or queue. Accounts are
 * set up as an admin would (Admin SDK: Auth user, role claim, users/{uid}): the contract's
 * people, and a second agent, as the local backend's demo desk has, so that round robin
 * has someone to rotate to.
 */

const firebaseJson = JSON.parse(
  readFileSync(new URL('../../firebase.json', import.meta.url), 'utf8'),
) as { emulators: Record<'auth' | 'firestore' | 'storage' | 'functions', { host: string; port: number }> };

/** host:port from the variable emulators:exec sets, else firebase.json. */
function hostAndPort(envVar: string, fallback: { host: string; port: number }) {
  const value = process.env[envVar];
  if (!value) return fallback;
  const url = new URL(`http://${value}`);
  return { host: url.hostname, port: Number(url.port) };
}

const firestoreAt = hostAndPort('FIRESTORE_EMULATOR_HOST', firebaseJson.emulators.firestore);
const emulators: EmulatorHosts = {
  host: firestoreAt.host,
  firestorePort: firestoreAt.port,
  authPort: hostAndPort('FIREBASE_AUTH_EMULATOR_HOST', firebaseJson.emulators.auth).port,
  storagePort: hostAndPort('FIREBASE_STORAGE_EMULATOR_HOST', firebaseJson.emulators.storage).port,
  // emulators:exec exports no variable for Functions.
  functionsPort: firebaseJson.emulators.functions.port,
};

const roleOf: Record<ContractPerson, Role> = {
  customer: 'customer',
  otherCustomer: 'customer',
  agent: 'agent',
  admin: 'admin',
};

const displayNameOf: Record<ContractPerson, string> = {
  customer: 'Casey Customer',
  otherCustomer: 'Olive Othercustomer',
  agent: 'Avery Agent',
  admin: 'Ada Admin',
};

const PASSWORD = 'contract-password-1';

// Off Google Cloud there is no metadata server; skip google-auth-library's probe for one.
process.env.METADATA_SERVER_DETECTION ??= 'none';

// firebase-admin talks to the emulators through FIREBASE_AUTH_EMULATOR_HOST and
// FIRESTORE_EMULATOR_HOST; one admin app serves every harness.
let adminApp: App | undefined;
function admin(): App {
  adminApp ??= initializeAdminApp({ projectId: EMULATOR_PROJECT_ID }, 'contract-admin');
  return adminApp;
}

/** The Admin SDK's Firestore: bypasses the rules, as the console and the functions do. */
export function adminFirestore(): AdminFirestore {
  return getAdminFirestore(admin());
}

/**
 * An Admin SDK write (a set, an update, a batch: each may be sent again), tried again when the
 * emulator turns it away for a moment: ABORTED while a trigger's transaction holds the
 * document, and once in CI an UNKNOWN with no details for a plain set under load.
 */
export async function adminWrite<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const momentary = code === 10 || code === 2; // gRPC ABORTED, UNKNOWN
      if (!momentary || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** Polls a users/{uid} field as the console would see it, until `accept` takes it. */
export async function profileField(uid: string, field: string, accept: (value: unknown) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value: unknown = (await adminFirestore().doc(`users/${uid}`).get()).get(field);
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`users/${uid}.${field} is still ${String(value)} after ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** The Admin SDK's Auth, as the console and the functions see accounts. */
export function adminAuth(): AdminAuth {
  return getAdminAuth(admin());
}

afterAll(async () => {
  if (adminApp) await deleteAdminApp(adminApp);
  adminApp = undefined;
});

interface Account {
  readonly uid: string;
  readonly email: string;
}

/**
 * Empties the desk for a new harness, as the Admin SDK (the console) would: every ticket with
 * its subcollections, the ticket counter, the desk configuration, and the earlier harnesses'
 * people (their profiles with their notifications; their Auth accounts stay, unused). Left
 * there, every harness's three staff would pile up: past a hundred the staff list (capped at
 * PEOPLE_QUERY_MAX) no longer holds this harness's, and every alert that goes to all active
 * staff (a new ticket, a customer's message on an unassigned one) would go to them all.
 * A trigger of the previous harness may still hold a transaction's lock on a ticket (the
 * emulator answers ABORTED): the reset is tried again.
 */
async function resetDesk(attempts = 8): Promise<void> {
  const db = adminFirestore();
  for (let attempt = 1; ; attempt++) {
    try {
      for (const name of ['tickets', 'counters', 'config', 'users']) await db.recursiveDelete(db.collection(name));
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** An account as an admin sets it up: Auth user, role claim, users/{uid} document. */
async function createAccount(person: ContractPerson | 'secondAgent', email: string): Promise<Account> {
  const role = person === 'secondAgent' ? 'agent' : roleOf[person];
  const displayName = person === 'secondAgent' ? 'Sam Secondagent' : displayNameOf[person];
  // Verified, as the demo desk's staff are: staff rights need a verified email.
  const user = await getAdminAuth(admin()).createUser({ email, password: PASSWORD, displayName, emailVerified: true });
  await getAdminAuth(admin()).setCustomUserClaims(user.uid, { role });
  await adminWrite(() =>
    adminFirestore()
      .doc(`users/${user.uid}`)
      .set({ ...newUserDoc({ email, displayName }, new Date()), role }),
  );
  return { uid: user.uid, email };
}

/**
 * Waits until the numbering trigger has caught up with every ticket. Numbers arrive a moment
 * after the write (the trigger runs in the Functions emulator); a scenario that reads "the
 * highest number so far" must not see the previous scenario's ticket still unnumbered.
 */
export async function numberingSettled(timeoutMs = 15_000): Promise<void> {
  const unnumbered = adminFirestore().collection('tickets').where('number', '==', null).limit(1);
  const deadline = Date.now() + timeoutMs;
  while (!(await unnumbered.get()).empty) {
    if (Date.now() > deadline) throw new Error(`Tickets still unnumbered after ${timeoutMs} ms: is the Functions emulator running?`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits until onTicketCreated has finished with every ticket: numbered, and its 'created'
 * event (the trigger's last write) recorded. The next harness empties the database; a
 * trigger still at work would then fail on a ticket gone from under it.
 */
async function creationSettled(timeoutMs = 15_000): Promise<void> {
  await numberingSettled(timeoutMs);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tickets = await adminFirestore().collection('tickets').select().get();
    const created = await Promise.all(
      tickets.docs.map(async ({ id }) => (await adminFirestore().doc(`tickets/${id}/events/${id}-created`).get()).exists),
    );
    if (created.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error(`Tickets still without their 'created' event after ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The Auth emulator's REST root (its out-of-band codes, its accounts). */
export const authEmulatorUrl = `http://${emulators.host}:${emulators.authPort}`;

let freeTabs = 0;
/**
 * A "browser tab" of the Firebase backend that nobody has signed in to yet (the accounts
 * tests sign in, up and out themselves). End it with closeFreeTab.
 */
export async function openFreeTab(
  accountOptions?: Parameters<typeof createFirebaseBackend>[2],
): Promise<{ backend: SupportBackend; services: FirebaseServices }> {
  const services = createFirebaseServices({
    config: {
      apiKey: 'fake-api-key-for-the-emulators',
      projectId: EMULATOR_PROJECT_ID,
      appId: `1:000000000000:web:${EMULATOR_PROJECT_ID}`,
      storageBucket: `${EMULATOR_PROJECT_ID}.appspot.com`,
    },
    appName: `free-tab-${++freeTabs}`,
    emulators,
    cache: 'memory',
  });
  const backend = createFirebaseBackend(services, undefined, accountOptions);
  await nextMatching<Session | null>((onData) => backend.subscribeSession(onData), (session) => session === null);
  return { backend, services };
}

export async function closeFreeTab({ services }: { services: FirebaseServices }): Promise<void> {
  await terminate(services.db);
  await deleteApp(services.app);
}

const runId = `${process.pid}-${Date.now().toString(36)}`;
let harnessCount = 0;
let tabCount = 0;

export interface FirebaseHarness extends ContractHarness {
  /** The uid of each person of this harness. */
  uidOf(person: ContractPerson): string;
}

/** An empty database and fresh people for every harness: no scenario sees another's data. */
export async function firebaseHarness(): Promise<FirebaseHarness> {
  const harnessId = `${runId}-${++harnessCount}`;
  await resetDesk();
  const emailOf = (person: string) => `${person}-${harnessId}@contract.test`.toLowerCase();
  const [entries] = await Promise.all([
    Promise.all(contractPeople.map(async (person) => [person, await createAccount(person, emailOf(person))] as const)),
    createAccount('secondAgent', emailOf('secondAgent')),
  ]);
  const accounts = Object.fromEntries(entries) as Record<ContractPerson, Account>;
  const tabs: FirebaseServices[] = [];

  return {
    name: 'firebase backend',
    uidOf: (person) => accounts[person].uid,
    async openTab(as): Promise<SupportBackend> {
      const services = createFirebaseServices({
        config: {
          apiKey: 'fake-api-key-for-the-emulators',
          projectId: EMULATOR_PROJECT_ID,
          appId: `1:000000000000:web:${EMULATOR_PROJECT_ID}`,
          storageBucket: `${EMULATOR_PROJECT_ID}.appspot.com`,
        },
        appName: `contract-tab-${++tabCount}`,
        emulators,
        cache: 'memory',
      });
      tabs.push(services);
      const backend = createFirebaseBackend(services);
      const account = accounts[as];
      await backend.signIn({ email: account.email, password: PASSWORD });
      await nextMatching<Session | null>(
        (onData) => backend.subscribeSession(onData),
        (session) => session?.uid === account.uid,
      );
      return backend;
    },
    async dispose() {
      await creationSettled();
      await Promise.all(
        tabs.map(async ({ app, db }) => {
          await terminate(db);
          await deleteApp(app);
        }),
      );
    },
  };
}
