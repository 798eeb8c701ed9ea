import { withIncrements } from '@functions/store/increments';
import { dueFirst } from '@functions/store/dueFirst';
import type { DocData, DocStore, StoreTransaction } from '@functions/store/port';
import { tableFor, toRow, withoutKey, type LocalDatabase } from './localDatabase';
import { LearnedScope } from './transactionScope';

type PendingWrite =
  | { kind: 'set' | 'update'; path: string; data: DocData }
  | { kind: 'increment'; path: string; data: DocData; deltas: Readonly<Record<string, number>> };

/** A document a trigger was called for, as its event carries it (Firestore's event.data). */
export interface EventDocument {
  readonly path: string;
  readonly data: DocData;
}

/**
 * The handlers' DocStore over IndexedDB, so the local backend runs the same handler code as
 * the Cloud Functions. IndexedDB serializes overlapping read-write transactions across tabs,
 * which gives the same guarantee Firestore's transactions give the numbering handler.
 * A transaction locks only the tables its work touches, learned in `scope` (give each handler
 * its own): a trigger never holds up the writes and reads it has no part in. The document
 * the trigger fired for is read from its event, as a Cloud Function gets it, so a message's
 * trigger does not lock the messages every open chat is reading.
 */
export function localStore(db: LocalDatabase, scope = new LearnedScope(), event?: EventDocument): DocStore {
  return {
    async find(collectionPath, where) {
      const located = tableFor(db, `${collectionPath}/_`);
      const rows = await located.table
        .filter((row) =>
          Object.entries(located.parent).every(([field, value]) => row[field] === value) &&
          where.every(([field, , value]) => row[field] === value),
        )
        .toArray();
      return rows.map((row) => ({ id: String(row[located.keyField]), data: withoutKey(row, located)! }));
    },
    async findDue(collectionPath, field, upTo, limit) {
      const located = tableFor(db, `${collectionPath}/_`);
      const rows = await located.table.filter((row) => row[field] instanceof Date && row[field] <= upTo).toArray();
      // (The tickets table indexes slaWatchAt too; a scan keeps this one path for every table.)
      const found = rows.map((row) => ({ id: String(row[located.keyField]), data: withoutKey(row, located)! }));
      return dueFirst(found, field, upTo, limit);
    },
    runTransaction: (work) =>
      scope.transaction(db, [], async (within) => {
        const writes: PendingWrite[] = [];
        const tx: StoreTransaction = {
          get: async (path) => {
            if (event?.path === path && !writes.some((write) => write.path === path)) return event.data;
            const located = tableFor(db, path);
            within.require(located.table.name);
            return withoutKey(await located.table.get(located.id), located);
          },
          set: (path, data) => void writes.push({ kind: 'set', path, data }),
          update: (path, data) => void writes.push({ kind: 'update', path, data }),
          increment: (path, data, deltas) => void writes.push({ kind: 'increment', path, data, deltas }),
        };
        const result = await work(tx);
        for (const write of writes) within.require(tableFor(db, write.path).table.name);
        for (const write of writes) {
          const located = tableFor(db, write.path);
          if (write.kind === 'increment') {
            const current = withoutKey(await located.table.get(located.id), located);
            await located.table.put(toRow(located, withIncrements(current, write.data, write.deltas)));
          } else if (write.kind === 'set') {
            await located.table.put(toRow(located, write.data));
          } else {
            const updated = await located.table.update(located.id, write.data);
            if (updated === 0) throw new Error(`No document to update at ${write.path}.`);
          }
        }
        return result;
      }),
  };
}
