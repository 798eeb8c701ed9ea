import { FieldValue, Timestamp, type Firestore, type Query } from 'firebase-admin/firestore';
import { nestedIncrements } from './increments.js';
import type { DocData, DocStore, StoreTransaction } from './port.js';

/** Firestore hands back Timestamps; the domain speaks Dates. */
export function fromFirestore(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate();
  if (Array.isArray(value)) return value.map(fromFirestore);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromFirestore(v)]));
  }
  return value;
}

/** The DocStore the deployed functions run on (firebase-admin; Dates are stored as Timestamps). */
export function firestoreStore(db: Firestore): DocStore {
  return {
    find: async (collectionPath, where) => {
      let query: Query = db.collection(collectionPath);
      for (const [field, op, value] of where) query = query.where(field, op, value);
      const snapshot = await query.get();
      return snapshot.docs.map((doc) => ({ id: doc.id, data: fromFirestore(doc.data()) as DocData }));
    },
    findDue: async (collectionPath, field, upTo, limit) => {
      const snapshot = await db.collection(collectionPath).where(field, '<=', upTo).orderBy(field).limit(limit).get();
      return snapshot.docs.map((doc) => ({ id: doc.id, data: fromFirestore(doc.data()) as DocData }));
    },
    runTransaction: (work) =>
      db.runTransaction((transaction) => {
        const tx: StoreTransaction = {
          get: async (path) => {
            const snapshot = await transaction.get(db.doc(path));
            return snapshot.exists ? (fromFirestore(snapshot.data()) as DocData) : undefined;
          },
          set: (path, data) => void transaction.set(db.doc(path), data),
          update: (path, patch) => void transaction.update(db.doc(path), patch),
          increment: (path, base, deltas) =>
            void transaction.set(db.doc(path), { ...base, ...nestedIncrements(deltas, (n) => FieldValue.increment(n)) }, { merge: true }),
        };
        return work(tx);
      }),
  };
}
