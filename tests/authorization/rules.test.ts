import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import {
  Timestamp,
  collection,
  collectionGroup,
  doc,
  getDoc,
  getDocs,
  increment,
  limit,
  query,
  serverTimestamp,
  where,
  writeBatch,
  type Firestore,
  type WriteBatch,
} from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocData } from '../../functions/src/store/port.js';
import { emulatorHostAndPort } from './emulatorHost.js';
import { matrixContext, matrixPeople, operations, seedDocuments, type MatrixActor, type MatrixDriver } from './matrix.js';
import type { ClientRequest, DocumentWrite, FieldTransforms } from './requests.js';
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

/** Dates become Timestamps, as the app writes them; everything else as is. */
function withTimestamps(value: unknown): unknown {
  if (value instanceof Date) return Timestamp.fromDate(value);
  if (Array.isArray(value)) return value.map(withTimestamps);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, withTimestamps(field)]));
  }
  return value;
}

/** The document as the client sends it: Dates as Timestamps, transforms as the SDK's FieldValues. */
function asClientWrite(data: DocData, transforms: FieldTransforms = {}): DocData {
  const written = withTimestamps(data) as DocData;
  for (const [field, transform] of Object.entries(transforms)) {
    written[field] = transform.kind === 'serverTime' ? serverTimestamp() : increment(transform.by);
  }
  return written;
}

/** Adds one document write to a batch, as the app's adapter would send it. */
function addToBatch(db: Firestore, batch: WriteBatch, write: DocumentWrite): void {
  const ref = doc(db, write.path);
  switch (write.method) {
    case 'create':
    case 'set':
      batch.set(ref, asClientWrite(write.data, write.transforms));
      return;
    case 'update':
      batch.update(ref, asClientWrite(write.data, write.transforms));
      return;
    case 'delete':
      batch.delete(ref);
  }
}

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
    default: {
      // One write or a batch: either way one commit, as the app sends it.
      const batch = writeBatch(db);
      for (const write of request.method === 'batch' ? request.writes : [request]) addToBatch(db, batch, write);
      return batch.commit();
    }
  }
}

async function makeDriver(): Promise<MatrixDriver> {
  const env = await testEnvironment();
  // Every cell starts from an empty database.
  await env.clearFirestore();
  return {
    async givenTicket(state) {
      const now = new Date();
      await env.withSecurityRulesDisabled(async (context) => {
        const db = modular(context.firestore());
        const batch = writeBatch(db);
        for (const { path, data } of seedDocuments(FIXTURE_TICKET_ID, state, now)) {
          batch.set(doc(db, path), withTimestamps(data) as DocData);
        }
        await batch.commit();
      });
      return FIXTURE_TICKET_ID;
    },
    async attempt(actor: MatrixActor, request) {
      const context =
        actor === 'signedOut'
          ? env.unauthenticatedContext()
          : env.authenticatedContext(matrixPeople[actor].uid, { role: matrixPeople[actor].role });
      const db = context.firestore();
      try {
        // A refusal by the rules rejects the SDK's promise: that is the "denied" outcome.
        await send(modular(db), request);
      } catch (error) {
        expectRefusedByRules(error);
        throw error;
      } finally {
        // One client per cell; end it so connections do not pile up across the matrix.
        await db.terminate();
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
    await env.withSecurityRulesDisabled(async (context) => {
      const db = modular(context.firestore());
      const batch = writeBatch(db);
      for (const { path, data } of seedDocuments(FIXTURE_TICKET_ID, 'open', now)) batch.set(doc(db, path), withTimestamps(data) as DocData);
      await batch.commit();
    });
    const { uid, role } = matrixPeople[person];
    const claims = active === undefined ? { role } : { role, active };
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
