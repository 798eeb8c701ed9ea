import type Dexie from 'dexie';
import type { DocData, DocStore, StoreTransaction } from '@functions/store/port';
import { tableFor, withoutKey, type LocalDatabase } from './localDatabase';

type PendingWrite = { kind: 'set' | 'update'; path: string; data: DocData };

/**
 * The handlers' DocStore over IndexedDB, so the local backend runs the same handler code as
 * the Cloud Functions. IndexedDB serializes overlapping read-write transactions across tabs,
 * which gives the same guarantee Firestore's transactions give the numbering handler.
 */
export function localStore(db: LocalDatabase): DocStore {
  return {
    runTransaction: (work) =>
      db.transaction('rw', db.tables, async () => {
        const writes: PendingWrite[] = [];
        const tx: StoreTransaction = {
          get: async (path) => {
            const { table, keyField, id } = tableFor(db, path);
            return withoutKey(await table.get(id), keyField);
          },
          set: (path, data) => void writes.push({ kind: 'set', path, data }),
          update: (path, data) => void writes.push({ kind: 'update', path, data }),
        };
        const result = await work(tx);
        for (const write of writes) {
          const { table, keyField, id } = tableFor(db, write.path);
          if (write.kind === 'set') {
            await (table as Dexie.Table).put({ ...write.data, [keyField]: id });
          } else {
            const updated = await (table as Dexie.Table).update(id, write.data);
            if (updated === 0) throw new Error(`No document to update at ${write.path}.`);
          }
        }
        return result;
      }),
  };
}
