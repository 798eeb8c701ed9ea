import type { DocData } from './port.js';

/**
 * A document after increments, for the stores that apply them themselves (in memory, the
 * local backend): `base` merged in, each delta added at its dotted path.
 */
export function withIncrements(existing: DocData | undefined, base: DocData, deltas: Readonly<Record<string, number>>): DocData {
  const doc: DocData = { ...structuredClone(existing ?? {}), ...base };
  for (const [path, n] of Object.entries(deltas)) {
    const parts = path.split('.');
    let at: Record<string, unknown> = doc;
    for (const part of parts.slice(0, -1)) {
      if (typeof at[part] !== 'object' || at[part] === null) at[part] = {};
      at = at[part] as Record<string, unknown>;
    }
    const leaf = parts[parts.length - 1]!;
    at[leaf] = (typeof at[leaf] === 'number' ? (at[leaf] as number) : 0) + n;
  }
  return doc;
}

/** Dotted paths as nested maps, each leaf made by `leaf` (Firestore: FieldValue.increment). */
export function nestedIncrements(deltas: Readonly<Record<string, number>>, leaf: (n: number) => unknown): DocData {
  const doc: DocData = {};
  for (const [path, n] of Object.entries(deltas)) {
    const parts = path.split('.');
    let at: Record<string, unknown> = doc;
    for (const part of parts.slice(0, -1)) {
      at[part] ??= {};
      at = at[part] as Record<string, unknown>;
    }
    at[parts[parts.length - 1]!] = leaf(n);
  }
  return doc;
}
