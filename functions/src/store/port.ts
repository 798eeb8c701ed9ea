/**
 * The small store port the handlers are written against: documents by path, read and
 * written in a transaction. Firestore (firebase-admin) implements it for the deployed
 * functions, IndexedDB for the local backend, a Map for the unit tests.
 *
 * Like Firestore transactions, a transaction does every read before its first write and may
 * run its work more than once, so work must not have side effects outside the transaction.
 */
export type DocPath = string;
export type DocData = Record<string, unknown>;

export interface StoreTransaction {
  get(path: DocPath): Promise<DocData | undefined>;
  /** Creates or replaces the whole document. */
  set(path: DocPath, data: DocData): void;
  /** Merges fields into an existing document. */
  update(path: DocPath, patch: DocData): void;
  /**
   * Adds each delta to the number at its dotted field path (Firestore's increment()),
   * creating the document with `base` and the maps on the way where they are missing.
   */
  increment(path: DocPath, base: DocData, deltas: Readonly<Record<string, number>>): void;
}

export type WhereEquals = readonly [field: string, op: '==', value: unknown];

export interface FoundDoc {
  readonly id: string;
  readonly data: DocData;
}

export interface DocStore {
  runTransaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** The documents of a collection (e.g. `users`) equal to every filter; outside transactions. */
  find(collectionPath: string, where: readonly WhereEquals[]): Promise<FoundDoc[]>;
  /**
   * At most `limit` documents of a collection whose time `field` is at or before `upTo`,
   * earliest first (documents without the time are left out); outside transactions. The
   * scheduled functions find what has come due with it.
   */
  findDue(collectionPath: string, field: string, upTo: Date, limit: number): Promise<FoundDoc[]>;
}

export class TransactionConflict extends Error {
  constructor() {
    super('A document read in this transaction changed before it committed.');
  }
}
