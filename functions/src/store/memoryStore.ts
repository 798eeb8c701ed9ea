import { dueFirst } from './dueFirst.js';
import { withIncrements } from './increments.js';
import {
  TransactionConflict,
  type DocData,
  type DocPath,
  type DocStore,
  type FoundDoc,
  type StoreTransaction,
  type WhereEquals,
} from './port.js';

interface Versioned {
  version: number;
  data: DocData;
}

type PendingWrite =
  | { kind: 'set' | 'update'; path: DocPath; data: DocData }
  | { kind: 'increment'; path: DocPath; data: DocData; deltas: Readonly<Record<string, number>> };

const MAX_ATTEMPTS = 200;

/**
 * An in-memory DocStore with Firestore's optimistic concurrency: a transaction records the
 * version of each document it read and commits only if none changed meanwhile, otherwise it
 * runs again. Concurrency tests exercise the same retry path the real server forces.
 */
export class MemoryStore implements DocStore {
  private readonly docs = new Map<DocPath, Versioned>();
  private clock = 0;

  /** Reads a document outside any transaction (tests and seeding). */
  read(path: DocPath): DocData | undefined {
    const doc = this.docs.get(path);
    return doc ? structuredClone(doc.data) : undefined;
  }

  /** Writes a document outside any transaction (tests and seeding). */
  write(path: DocPath, data: DocData): void {
    this.docs.set(path, { version: ++this.clock, data: structuredClone(data) });
  }

  /** Every document by path (tests: "nothing else changed"). */
  dump(): Record<DocPath, DocData> {
    return Object.fromEntries([...this.docs].map(([path, doc]) => [path, structuredClone(doc.data)]));
  }

  /** How many writes were ever applied: a run that writes nothing leaves it unchanged. */
  get writeCount(): number {
    return this.clock;
  }

  /** Every document directly under a collection path, e.g. `tickets`. */
  list(collectionPath: string): { id: string; data: DocData }[] {
    const prefix = `${collectionPath}/`;
    return [...this.docs.entries()]
      .filter(([path]) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
      .map(([path, doc]) => ({ id: path.slice(prefix.length), data: structuredClone(doc.data) }));
  }

  async find(collectionPath: string, where: readonly WhereEquals[]): Promise<FoundDoc[]> {
    return this.list(collectionPath).filter(({ data }) =>
      where.every(([field, , value]) => data[field] === value),
    );
  }

  async findDue(collectionPath: string, field: string, upTo: Date, limit: number): Promise<FoundDoc[]> {
    return dueFirst(this.list(collectionPath), field, upTo, limit);
  }

  async runTransaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const readVersions = new Map<DocPath, number>();
      const writes: PendingWrite[] = [];
      const tx: StoreTransaction = {
        get: async (path) => {
          if (writes.length > 0) throw new Error('Transactions must read before they write.');
          // Yield so that concurrent transactions interleave as they would on a server.
          await new Promise((resolve) => setTimeout(resolve, 0));
          const doc = this.docs.get(path);
          readVersions.set(path, doc?.version ?? 0);
          return doc ? structuredClone(doc.data) : undefined;
        },
        set: (path, data) => void writes.push({ kind: 'set', path, data }),
        update: (path, data) => void writes.push({ kind: 'update', path, data }),
        increment: (path, data, deltas) => void writes.push({ kind: 'increment', path, data, deltas }),
      };
      const result = await work(tx);
      const conflicted = [...readVersions].some(
        ([path, version]) => (this.docs.get(path)?.version ?? 0) !== version,
      );
      if (conflicted) continue;
      for (const write of writes) this.apply(write);
      return result;
    }
    throw new TransactionConflict();
  }

  private apply(write: PendingWrite): void {
    const existing = this.docs.get(write.path);
    if (write.kind === 'increment') {
      this.docs.set(write.path, { version: ++this.clock, data: withIncrements(existing?.data, write.data, write.deltas) });
      return;
    }
    if (write.kind === 'update' && !existing) {
      throw new Error(`No document to update at ${write.path}.`);
    }
    const data = write.kind === 'set' ? write.data : { ...existing?.data, ...write.data };
    this.docs.set(write.path, { version: ++this.clock, data: structuredClone(data) });
  }
}
