import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { Timestamp, doc, setDoc, type Firestore } from 'firebase/firestore';
import {
  getMetadata,
  ref,
  uploadBytes,
  type FirebaseStorage,
} from 'firebase/storage';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import {
  MB,
  attachmentPath,
  newTicketDoc,
  type AttachmentSlot,
} from '../../functions/src/domain/index.js';
import { emulatorHostAndPort } from './emulatorHost.js';
import { matrixPeople } from './matrix.js';

/**
 * storage.rules on the Storage emulator: fixed attachment slots, size and content-type caps,
 * create-only, owner checked against the ticket in Firestore (cross-service rules).
 */

const PROJECT_ID = 'demo-support-desk';
const STORAGE_RULES = fileURLToPath(new URL('../../storage.rules', import.meta.url));
const FIRESTORE_RULES = fileURLToPath(new URL('../../firestore.rules', import.meta.url));

/** The context's services are compat wrappers; the modular functions unwrap them. */
const storageOf = (context: RulesTestContext) => context.storage() as unknown as FirebaseStorage;
const firestoreOf = (context: RulesTestContext) => context.firestore() as unknown as Firestore;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_SIGNATURE = [...'%PDF-1.7'].map((c) => c.charCodeAt(0));

/** A file of `size` bytes that starts like the real thing. */
function fileBytes(size: number, signature: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(signature);
  return bytes;
}
const png = (size: number) => fileBytes(size, PNG_SIGNATURE);
const pdf = (size: number) => fileBytes(size, PDF_SIGNATURE);

type Person = keyof typeof matrixPeople;

describe('storage.rules: ticket attachments', () => {
  let testEnv: RulesTestEnvironment;
  let serial = 0;
  let ticketId: string;

  beforeAll(async () => {
    testEnv = await initializeTestEnvironment({
      projectId: PROJECT_ID,
      firestore: {
        rules: readFileSync(FIRESTORE_RULES, 'utf8'),
        ...emulatorHostAndPort('FIRESTORE_EMULATOR_HOST'),
      },
      storage: {
        rules: readFileSync(STORAGE_RULES, 'utf8'),
        ...emulatorHostAndPort('FIREBASE_STORAGE_EMULATOR_HOST'),
      },
    });
  });

  afterAll(async () => {
    await testEnv?.cleanup();
  });

  // A fresh ticket owned by `owner` per test, so files left by one test never fill a slot
  // of the next (attachments cannot be deleted, and clearStorage does not reach nested paths).
  beforeEach(async () => {
    ticketId = `storage-ticket-${Date.now()}-${++serial}`;
    const owner = matrixPeople.owner;
    const ticket = newTicketDoc(
      { title: 'Screenshot attached', description: 'See the error.', category: 'technical', priority: 'medium' },
      { uid: owner.uid, displayName: owner.displayName },
      new Date(),
    );
    await testEnv.withSecurityRulesDisabled(async (context) => {
      await setDoc(doc(firestoreOf(context), 'tickets', ticketId), {
        ...ticket,
        createdAt: Timestamp.fromDate(ticket.createdAt),
        updatedAt: Timestamp.fromDate(ticket.updatedAt),
      });
    });
  });

  function storageAs(person: Person): FirebaseStorage {
    const { uid, role } = matrixPeople[person];
    return storageOf(testEnv.authenticatedContext(uid, { role }));
  }

  function upload(person: Person, slot: string, bytes: Uint8Array, contentType: string) {
    const path = `tickets/${ticketId}/attachments/${slot}`;
    return uploadBytes(ref(storageAs(person), path), bytes, { contentType });
  }

  it('lets the owner put a 1 MB PNG into image-1', async () => {
    await assertSucceeds(upload('owner', 'image-1', png(1 * MB), 'image/png'));
  });

  it('lets the owner put a 2 MB PDF into pdf-1', async () => {
    await assertSucceeds(upload('owner', 'pdf-1', pdf(2 * MB), 'application/pdf'));
  });

  it('refuses a 4 MB PNG (images are at most 3 MB)', async () => {
    await assertFails(upload('owner', 'image-1', png(4 * MB), 'image/png'));
  });

  it('refuses a PDF in an image slot', async () => {
    await assertFails(upload('owner', 'image-2', pdf(1 * MB), 'application/pdf'));
  });

  it('refuses a slot beyond the fixed names (image-4)', async () => {
    await assertFails(upload('owner', 'image-4', png(1 * MB), 'image/png'));
  });

  it('refuses the owner once their account is switched off (active claim false), and staff reads likewise', async () => {
    const { uid, role } = matrixPeople.owner;
    const switchedOff = storageOf(testEnv.authenticatedContext(uid, { role, active: false }));
    await assertFails(uploadBytes(ref(switchedOff, attachmentPath(ticketId, 'image-1')), png(1 * MB), { contentType: 'image/png' }));
    await assertSucceeds(upload('owner', 'image-1', png(1 * MB), 'image/png'));
    const agent = matrixPeople.agent;
    const agentOff = storageOf(testEnv.authenticatedContext(agent.uid, { role: agent.role, active: false }));
    await assertFails(getMetadata(ref(agentOff, attachmentPath(ticketId, 'image-1'))));
  });

  it("refuses another customer's upload to the ticket", async () => {
    await assertFails(upload('otherCustomer', 'image-1', png(1 * MB), 'image/png'));
  });

  it('refuses to overwrite a filled slot', async () => {
    const slot: AttachmentSlot = 'image-1';
    await testEnv.withSecurityRulesDisabled(async (context) => {
      await uploadBytes(ref(storageOf(context), attachmentPath(ticketId, slot)), png(1 * MB), {
        contentType: 'image/png',
      });
    });
    await assertFails(upload('owner', slot, png(1 * MB), 'image/png'));
  });

  it('lets staff read an attachment and keeps other customers out', async () => {
    const slot: AttachmentSlot = 'image-1';
    await assertSucceeds(upload('owner', slot, png(1 * MB), 'image/png'));
    await assertSucceeds(getMetadata(ref(storageAs('agent'), attachmentPath(ticketId, slot))));
    await assertFails(getMetadata(ref(storageAs('otherCustomer'), attachmentPath(ticketId, slot))));
  });
});
