import type { DocData } from './port.js';

/** The documents whose time `field` is at or before `upTo`, earliest first, at most `limit`. */
export function dueFirst<T extends { data: DocData }>(docs: readonly T[], field: string, upTo: Date, limit: number): T[] {
  const timeOf = (doc: T) => (doc.data[field] instanceof Date ? (doc.data[field] as Date).getTime() : Infinity);
  return docs
    .filter((doc) => timeOf(doc) <= upTo.getTime())
    .sort((a, b) => timeOf(a) - timeOf(b))
    .slice(0, limit);
}
