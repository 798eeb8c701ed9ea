import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { deleteApp } from 'firebase/app';
import { setLogLevel, terminate } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsCallable } from 'firebase/functions';
import { DomainError, triageSuggestionSchema } from '../../functions/src/domain/index.js';
import {
  EMULATOR_PROJECT_ID,
  type FirebaseServices,
} from '../../web/src/backend/firebase/firebaseApp.js';
import { createFirebaseServices } from '../../web/src/backend/firebase/firebaseServices.js';
import { createFirebaseBackend } from '../../web/src/backend/firebase/firebaseBackend.js';
import type { Session, SupportBackend } from '../../web/src/backend/port.js';
import { nextMatching } from '../contract/scenarios.js';

/**
 * The Firebase tier that runs everywhere: only the Auth and Functions emulators (pure Node)
 * are up, started by tests/firebase-smoke/run.mjs through `firebase emulators:exec`.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const firebaseJson = JSON.parse(readFileSync(`${repoRoot}firebase.json`, 'utf8')) as {
  emulators: Record<'auth' | 'functions', { host: string; port: number }>;
};
const functionsEmulator = firebaseJson.emulators.functions;
// emulators:exec sets the Auth host for the script it runs; firebase.json is the fallback.
const [authHost, authPort] = (
  process.env.FIREBASE_AUTH_EMULATOR_HOST ??
  `${firebaseJson.emulators.auth.host}:${firebaseJson.emulators.auth.port}`
).split(':') as [string, string];

/**
 * Function ids as the emulator names them, from the built module's exports: a function is an
 * export carrying `__endpoint`; an exported object groups functions as `group-name`.
 */
function exportedFunctionIds(exports: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(exports).flatMap(([name, value]) => {
    if (typeof value === 'function' && '__endpoint' in value) return [`${prefix}${name}`];
    if (value !== null && typeof value === 'object' && !('__endpoint' in value)) {
      return exportedFunctionIds(value as Record<string, unknown>, `${prefix}${name}-`);
    }
    return [];
  });
}

interface BackendsResponse {
  backends: { functionTriggers: { name: string }[] }[];
}

async function discoveredFunctionIds(): Promise<string[]> {
  const response = await fetch(`http://${functionsEmulator.host}:${functionsEmulator.port}/backends`);
  expect(response.ok).toBe(true);
  const body = (await response.json()) as BackendsResponse;
  return body.backends.flatMap((backend) => backend.functionTriggers.map((trigger) => trigger.name));
}

describe('the functions codebase', () => {
  it('loads in the Functions emulator with every exported function discovered', async () => {
    // Plain Node require of the built CommonJS output, as the emulator loads it.
    const built = createRequire(import.meta.url)(`${repoRoot}functions/lib/index.js`) as Record<string, unknown>;
    const expected = exportedFunctionIds(built).sort();
    expect(expected).toContain('onTicketCreated');

    // Discovery runs as the emulator starts; give it a moment before judging.
    let discovered: string[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      discovered = (await discoveredFunctionIds()).sort();
      if (discovered.length >= expected.length) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(discovered).toEqual(expected);
  });
});

/** A port nothing listens on: Firestore gets no emulator in this tier and must not need one. */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('the Firebase backend against the Auth emulator', () => {
  let services: FirebaseServices;
  let backend: SupportBackend;
  const person = {
    displayName: 'Smoke Tester',
    email: `smoke-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@smoke.test`,
    password: 'smoke-password-1',
  };

  const sessionMatching = (accept: (session: Session | null) => boolean) =>
    nextMatching<Session | null>((onData) => backend.subscribeSession(onData), accept);

  beforeAll(async () => {
    // Firestore reports the missing emulator on every retry; here that is by design.
    setLogLevel('silent');
    const nowhere = await unusedPort();
    services = createFirebaseServices({
      config: {
        apiKey: 'fake-api-key-for-the-emulators',
        projectId: EMULATOR_PROJECT_ID,
        appId: `1:000000000000:web:${EMULATOR_PROJECT_ID}`,
        storageBucket: `${EMULATOR_PROJECT_ID}.appspot.com`,
      },
      appName: 'firebase-smoke',
      emulators: {
        host: authHost,
        authPort: Number(authPort),
        firestorePort: nowhere,
        storagePort: nowhere,
        functionsPort: functionsEmulator.port,
      },
      cache: 'memory',
    });
    backend = createFirebaseBackend(services);
    // Auth reports "nobody signed in" before anything else happens.
    await sessionMatching((session) => session === null);
  });

  afterAll(async () => {
    // The sign-up's profile write waits forever for a Firestore that is not there: terminate
    // drops it, so the process can end.
    await terminate(services.db);
    await deleteApp(services.app);
  });

  it('refuses the suggestTriage callable to someone signed out', async () => {
    await expect(httpsCallable((await services.functions()).functions, 'suggestTriage')({ title: 'a', description: 'b' })).rejects.toMatchObject({
      code: 'functions/unauthenticated',
    });
  });

  it('signs up: the session arrives with the name and the customer role', async () => {
    await backend.signUp(person);
    const session = await sessionMatching((s) => s?.email === person.email);
    expect(session).toMatchObject({ displayName: person.displayName, role: 'customer' });
  });

  it('signs out, then signs in again with the same name and role', async () => {
    await backend.signOut();
    await sessionMatching((s) => s === null);
    await backend.signIn({ email: person.email, password: person.password });
    const session = await sessionMatching((s) => s?.email === person.email);
    // The name comes back from the Auth emulator: updateProfile reached the server.
    expect(session).toMatchObject({ displayName: person.displayName, role: 'customer' });
  });

  it('refuses a wrong password with a sentence a person can act on', async () => {
    const attempt = backend.signIn({ email: person.email, password: 'not-the-password' });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({
      code: 'unauthenticated',
      message: 'That email and password do not match an account. Check both and try again.',
    });
  });

  it('asks the suggestTriage callable: signed in, the classifier answers there (no key in the emulator), marked rules', async () => {
    const call = httpsCallable((await services.functions()).functions, 'suggestTriage');
    const { data } = await call({ title: 'Charged twice', description: 'I was charged twice, please refund one payment.' });
    expect(triageSuggestionSchema.parse(data)).toMatchObject({ category: 'billing', priority: 'high', source: 'rules' });
    const tooLong = call({ title: 'x'.repeat(201), description: '' });
    await expect(tooLong).rejects.toMatchObject({ code: 'functions/invalid-argument' });
    await expect(tooLong).rejects.toThrow(/A title may be at most 200 characters/);
    // Through the port: the same answer.
    await expect(backend.suggestTriage({ title: 'Charged twice', description: 'Refund please.' })).resolves.toMatchObject({
      category: 'billing',
      source: 'rules',
    });
  });

  it('refuses a second account with the same email, saying what to do', async () => {
    await expect(backend.signUp({ ...person, displayName: 'Someone Else' })).rejects.toMatchObject({
      code: 'failed-precondition',
      message: expect.stringMatching(/already exists.*Sign in instead/),
    });
  });
});
