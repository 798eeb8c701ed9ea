import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { collection, collectionGroup, doc, getDoc, getDocs, limit, query, where, type Firestore } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocData } from '../../functions/src/store/port.js';
import { emulatorHostAndPort } from './emulatorHost.js';
import { matrixContext, matrixPeople, operations, seedDocuments, type MatrixActor, type MatrixDriver } from './matrix.js';
import { commitRequest } from '../../web/src/backend/firebase/commitRequest.js';
import type { ClientRequest } from './requests.js';
import { runAuthorizationMatrix } from './runMatrix.js';

/**
 * The authorization matrix against firestore.rules on the Firestore emulator: the same table
 * the local backend passes, carried out through the web SDK as each actor.
 */

const PROJECT_ID = 'demo-support-desk';
const FIRESTORE_RULES = fileURLToPath(new URL('../../firestore.rules', import.meta.url));
const FIXTURE_TICKET_ID = 'matrix-ticket';

let environment: Promise<RulesTestEnvironment> | undefined;

/** One test environment for the whole file: loading the rules once is enough. */
function testEnvironment(): Promise<RulesTestEnvironment> {
  environment ??= initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: {
      rules: readFileSync(FIRESTORE_RULES, 'utf8'),
      ...emulatorHostAndPort('FIRESTORE_EMULATOR_HOST'),
    },
  });
  return environment;
}

afterAll(async () => {
  const env = await environment?.catch(() => undefined);
  await env?.cleanup();
});

type CompatFirestore = ReturnType<RulesTestContext['firestore']>;

/**
 * The context's Firestore is the compat wrapper; the modular read/write functions unwrap it
 * themselves (getModularInstance), only its declared type differs. (`terminate` does not
 * unwrap: end a client through the compat object.)
 */
function modular(db: CompatFirestore): Firestore {
  return db as unknown as Firestore;
}

/**
 * The matrix counts every rejection as "denied"; a rejection for any other reason than the
 * rules (a driver bug, the emulator gone) must not pass as one, so it fails the cell too.
 */
function expectRefusedByRules(error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  expect.soft(code, `expected a refusal by the rules, got: ${String(error)}`).toBe('permission-denied');
}

/** Seeds documents as an admin in the console would (rules off), in one batch. */
function seedBatch(db: Firestore, docs: readonly { path: string; data: DocData }[]): Promise<void> {
  return commitRequest(db, { method: 'batch', writes: docs.map(({ path, data }) => ({ method: 'set', path, data })) });
}

/** A request as the app's Firebase adapter sends it: reads as queries, writes through the same commitRequest. */
function send(db: Firestore, request: ClientRequest): Promise<unknown> {
  switch (request.method) {
    case 'get':
      return getDoc(doc(db, request.path));
    case 'list':
      return getDocs(
        query(
          request.collectionGroup ? collectionGroup(db, request.collection) : collection(db, request.collection),
          ...request.where.map(([field, op, value]) => where(field, op, value)),
          limit(request.limit),
        ),
      );
    default:
      return commitRequest(db, request);
  }
}

async function makeDriver(): Promise<MatrixDriver> {
  const env = await testEnvironment();
  // One client per actor for the whole matrix (ended after it): reads go to the server.
  const clients = new Map<MatrixActor, Firestore>();
  const clientOf = (actor: MatrixActor) => {
    let db = clients.get(actor);
    if (!db) {
      const context =
        actor === 'signedOut'
          ? env.unauthenticatedContext()
          : env.authenticatedContext(matrixPeople[actor].uid, {
              role: matrixPeople[actor].role,
              email: matrixPeople[actor].email,
              email_verified: matrixPeople[actor].emailVerified,
            });
      db = modular(context.firestore());
      clients.set(actor, db);
    }
    return db;
  };
  afterAll(async () => {
    for (const db of clients.values()) await (db as unknown as CompatFirestore).terminate();
  });
  return {
    async givenTicket(state, extra = []) {
      // Every fixture starts from an empty database.
      await env.clearFirestore();
      const now = new Date();
      await env.withSecurityRulesDisabled((context) =>
        seedBatch(modular(context.firestore()), [...seedDocuments(FIXTURE_TICKET_ID, state, now), ...extra]),
      );
      return FIXTURE_TICKET_ID;
    },
    async attempt(actor: MatrixActor, request) {
      try {
        // A refusal by the rules rejects the SDK's promise: that is the "denied" outcome.
        await send(clientOf(actor), request);
      } catch (error) {
        expectRefusedByRules(error);
        throw error;
      }
    },
  };
}

runAuthorizationMatrix('firestore.rules', makeDriver);

/**
 * A deactivated account: users/{uid}.active = false reaches the token as the claim
 * `active: false` (syncRoleClaims), and isSignedIn() refuses it everywhere. One case per
 * kind of access rather than a matrix column: the local backend signs such an account out
 * instead of checking each request.
 */
describe('firestore.rules: a deactivated account', () => {
  async function attemptAs(person: keyof typeof matrixPeople, active: boolean | undefined, operation: keyof typeof operations) {
    const env = await testEnvironment();
    await env.clearFirestore();
    const now = new Date();
    await env.withSecurityRulesDisabled((context) => seedBatch(modular(context.firestore()), seedDocuments(FIXTURE_TICKET_ID, 'open', now)));
    const { uid, role, email, emailVerified } = matrixPeople[person];
    const claims = active === undefined ? { role, email, email_verified: emailVerified } : { role, email, email_verified: emailVerified, active };
    const db = env.authenticatedContext(uid, claims).firestore();
    try {
      const request = operations[operation](matrixContext(person, FIXTURE_TICKET_ID, `inactive-${Date.now()}`, now));
      return await send(modular(db), request).then(
        () => 'allowed',
        (error: unknown) => {
          expectRefusedByRules(error);
          return 'denied';
        },
      );
    } finally {
      await db.terminate();
    }
  }

  it('an agent switched off reads no ticket, no queue, no chat, and changes nothing', async () => {
    for (const operation of ['ticket.read', 'tickets.list.queue', 'messages.list', 'ticket.changePriority', 'note.add'] as const) {
      expect(await attemptAs('agent', false, operation), operation).toBe('denied');
    }
  });

  it('a customer switched off neither reads their own ticket nor opens one', async () => {
    for (const operation of ['ticket.read', 'ticket.create.own', 'message.post.own', 'notifications.list.own'] as const) {
      expect(await attemptAs('owner', false, operation), operation).toBe('denied');
    }
  });

  it('the same people with active: true, or with no active claim yet, get through', async () => {
    expect(await attemptAs('agent', true, 'ticket.read')).toBe('allowed');
    expect(await attemptAs('agent', undefined, 'tickets.list.queue')).toBe('allowed');
    expect(await attemptAs('owner', true, 'ticket.create.own')).toBe('allowed');
  });
});
