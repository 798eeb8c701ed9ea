import { DomainError } from '@domain';
import {
  Timestamp,
  type DocumentData,
  type FirestoreDataConverter,
  type QueryDocumentSnapshot,
  type QuerySnapshot,
  type SnapshotOptions,
} from 'firebase/firestore';
import type { z } from 'zod/mini';

/**
 * Reading documents back, for every collection module: each collection's references and
 * queries carry one converter (`withConverter`) made here from the domain's zod schema, so a
 * snapshot's `data()` is already the domain's type. Timestamps become Dates, then the schema
 * decides whether the document is usable. Nothing half-read reaches the UI.
 */

/**
 * A document just written on this client carries a pending server timestamp, which reads as
 * null unless estimated; the estimate is the local clock until the server's value arrives.
 */
export const readOptions: SnapshotOptions = { serverTimestamps: 'estimate' };

/** Firestore hands back Timestamps (nested too); the domain speaks Dates. */
export function timestampsToDates(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate();
  if (Array.isArray(value)) return value.map(timestampsToDates);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, timestampsToDates(v)]));
  }
  return value;
}

/**
 * Validates one document with its domain schema. A document the schema refuses is reported
 * (what, where and which field) so an admin can fix it in the console.
 */
export function parseDocument<T>(schema: z.ZodMiniType<T>, what: string, path: string, data: unknown): T {
  const parsed = schema.safeParse(timestampsToDates(data));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'unknown field';
  throw new DomainError(
    'failed-precondition',
    `${what} ${path} is stored in a shape the app does not understand (${where}). An admin can fix it in the Firebase console.`,
  );
}

export interface ConverterOptions<S, T> {
  /** How a refused document is named in the error ("Ticket", "Message"...). */
  readonly what: string;
  /** The domain's value from the parsed document and its snapshot (its id, say). */
  readonly build: (doc: S, snapshot: QueryDocumentSnapshot) => T;
  /** Where the error says the document is: its path unless given (a ticket says its id). */
  readonly where?: (snapshot: QueryDocumentSnapshot) => string;
  /** Fields a document written before they existed may lack, with what that means. */
  readonly defaults?: DocumentData;
}

/**
 * The converter of one collection, backed by the domain's zod schema. Reading always
 * estimates pending server timestamps (`readOptions`), whatever `data()` was called with,
 * so a message just sent has a time. Writing through it is refused: every write is a request
 * built by writes.ts and carried out by commitRequest.ts, the one write path.
 */
export function zodConverter<S, T>(schema: z.ZodMiniType<S>, options: ConverterOptions<S, T>): FirestoreDataConverter<T> {
  return {
    toFirestore() {
      throw new Error(
        `${options.what} documents are written by commitRequest (requests from writes.ts), never through a converter.`,
      );
    },
    fromFirestore(snapshot: QueryDocumentSnapshot, snapshotOptions?: SnapshotOptions): T {
      const data = snapshot.data({ ...snapshotOptions, ...readOptions });
      const where = options.where ? options.where(snapshot) : snapshot.ref.path;
      const doc = parseDocument(schema, options.what, where, options.defaults ? { ...options.defaults, ...data } : data);
      return options.build(doc, snapshot);
    },
  };
}

/**
 * The documents of a list that parse; a malformed one is logged and left out, so one bad
 * console edit cannot blank a whole list.
 */
export function parseEach<T>(docs: readonly QueryDocumentSnapshot<T>[]): T[] {
  const items: T[] = [];
  for (const document of docs) {
    try {
      items.push(document.data());
    } catch (error) {
      console.error(error);
    }
  }
  return items;
}

/** Every document of a snapshot that parses (see parseEach). */
export function itemsOf<T>(snapshot: QuerySnapshot<T>): T[] {
  return parseEach(snapshot.docs);
}
