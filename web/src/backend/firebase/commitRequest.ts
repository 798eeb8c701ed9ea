import {
  Timestamp,
  doc,
  increment,
  serverTimestamp,
  writeBatch,
  type DocumentData,
  type DocumentReference,
  type Firestore,
} from 'firebase/firestore';
import { writesOf, type DocData, type FieldTransforms, type WriteRequest } from '../clientRequest';
import { guardUntilStored } from './unloadGuard';

/** The domain speaks Dates; Firestore stores Timestamps (nested too). */
function datesToTimestamps(value: unknown): unknown {
  if (value instanceof Date) return Timestamp.fromDate(value);
  if (Array.isArray(value)) return value.map(datesToTimestamps);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, datesToTimestamps(field)]));
  }
  return value;
}

/** The document as the SDK sends it: transforms as FieldValues, which the rules see resolved. */
function withTransforms(data: DocData, transforms: FieldTransforms = {}): DocumentData {
  const written = datesToTimestamps(data) as DocumentData;
  for (const [field, transform] of Object.entries(transforms)) {
    written[field] = transform.kind === 'serverTime' ? serverTimestamp() : increment(transform.by);
  }
  return written;
}

/**
 * Carries out a write request (see writes.ts) as one writeBatch: one commit, checked by the
 * rules as a whole. The promise settles when the server has it; offline it never does, so
 * the UI follows the snapshot instead of awaiting it. With `guardUnload`, leaving the page
 * asks first until the batch is stored on the device (unloadGuard.ts).
 */
export function commitRequest(
  db: Firestore,
  request: WriteRequest,
  /** For what a person typed (a ticket, a message, a note): read markers and presence may go. */
  options: { guardUnload?: boolean } = {},
): Promise<void> {
  const batch = writeBatch(db);
  let lastRef: DocumentReference | undefined;
  for (const write of writesOf(request)) {
    const ref = doc(db, write.path);
    lastRef = ref;
    switch (write.method) {
      case 'create':
      case 'set':
        batch.set(ref, withTransforms(write.data, write.transforms));
        break;
      case 'update':
        batch.update(ref, withTransforms(write.data, write.transforms));
        break;
      case 'delete':
        batch.delete(ref);
    }
  }
  const committed = batch.commit();
  if (options.guardUnload && lastRef) guardUntilStored(lastRef);
  return committed;
}
