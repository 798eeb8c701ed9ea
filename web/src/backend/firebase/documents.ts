import { DomainError } from '@domain';
import { Timestamp, type DocumentData, type QueryDocumentSnapshot, type SnapshotOptions } from 'firebase/firestore';
import type { z } from 'zod';

/**
 * Reading documents back, for every collection module: Timestamps become Dates, then the
 * domain's schema decides whether the document is usable. Nothing half-read reaches the UI.
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
export function parseDocument<T>(schema: z.ZodType<T>, what: string, path: string, data: unknown): T {
  const parsed = schema.safeParse(timestampsToDates(data));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'unknown field';
  throw new DomainError(
    'failed-precondition',
    `${what} ${path} is stored in a shape the app does not understand (${where}). An admin can fix it in the Firebase console.`,
  );
}

/**
 * The documents of a list that parse; a malformed one is logged and left out, so one bad
 * console edit cannot blank a whole list.
 */
export function parseEach<T>(
  docs: readonly QueryDocumentSnapshot<DocumentData>[],
  read: (document: QueryDocumentSnapshot<DocumentData>) => T,
): T[] {
  const items: T[] = [];
  for (const document of docs) {
    try {
      items.push(read(document));
    } catch (error) {
      console.error(error);
    }
  }
  return items;
}
