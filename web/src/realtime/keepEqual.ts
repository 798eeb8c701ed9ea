/**
 * The next value of a live query, reusing every part of the previous one that is equal to
 * it: what did not change keeps its identity, so memoised components (a chat's message
 * items, a ticket's panels) and effects that depend on it do not run again for a snapshot
 * that changed something else. TanStack Query's own structural sharing does this for plain
 * objects and arrays but gives up at the first Date, and every document here carries Dates
 * (Firestore hands back fresh ones with every snapshot), so it never kept anything.
 * Plain objects, arrays and Dates are compared; anything else (a Map, a class) is equal only
 * to itself.
 */
export function keepEqual<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return next;
  if (previous instanceof Date && next instanceof Date) {
    return (previous.getTime() === next.getTime() || (Number.isNaN(previous.getTime()) && Number.isNaN(next.getTime()))
      ? previous
      : next) as T;
  }
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    const shared = next.map((item: unknown, index) => {
      const kept = index < previous.length ? keepEqual(previous[index], item) : item;
      if (kept !== previous[index]) same = false;
      return kept;
    });
    return (same ? previous : shared) as T;
  }
  if (isPlainObject(previous) && isPlainObject(next)) {
    const previousKeys = Object.keys(previous);
    const nextKeys = Object.keys(next);
    let same = previousKeys.length === nextKeys.length;
    const shared: Record<string, unknown> = {};
    for (const key of nextKeys) {
      const kept = Object.hasOwn(previous, key) ? keepEqual(previous[key], next[key]) : next[key];
      if (!Object.hasOwn(previous, key) || kept !== previous[key]) same = false;
      shared[key] = kept;
    }
    return (same ? previous : shared) as T;
  }
  return next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
