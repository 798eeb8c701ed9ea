import Dexie, { type EntityTable } from 'dexie';
import type { TicketCounter, TicketDoc, UserDoc } from '@domain';

/** Local sign-in for the demo store: never used by the Firebase backend. */
export interface LocalAccount {
  uid: string;
  email: string;
  password: string;
}
export type TicketRow = TicketDoc & { id: string };
export type UserRow = UserDoc & { uid: string };
export type CounterRow = TicketCounter & { id: string };

/**
 * The local backend's IndexedDB database (through Dexie). Every tab of one browser opens the
 * same database, and Dexie's liveQuery tells each tab about the others' writes, which is
 * what makes the local backend realtime across tabs.
 */
export class LocalDatabase extends Dexie {
  accounts!: EntityTable<LocalAccount, 'uid'>;
  users!: EntityTable<UserRow, 'uid'>;
  tickets!: EntityTable<TicketRow, 'id'>;
  counters!: EntityTable<CounterRow, 'id'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      accounts: '&uid, &email',
      users: '&uid, role',
      tickets: '&id, createdAt, [customerUid+createdAt], [status+createdAt], [assigneeUid+createdAt]',
      counters: '&id',
    });
  }
}

/** The local counterpart of a Firestore document path: which table, which key. */
export function tableFor(db: LocalDatabase, path: string) {
  const [collection, id, ...rest] = path.split('/');
  if (!id || rest.length > 0) throw new Error(`Not a document path: ${path}`);
  switch (collection) {
    case 'tickets':
      return { table: db.tickets, keyField: 'id', id } as const;
    case 'users':
      return { table: db.users, keyField: 'uid', id } as const;
    case 'counters':
      return { table: db.counters, keyField: 'id', id } as const;
    default:
      throw new Error(`The local backend has no collection ${collection}.`);
  }
}

/** A row without its key: the document's data as Firestore would hold it. */
export function withoutKey(row: object | undefined, keyField: string): Record<string, unknown> | undefined {
  if (!row) return undefined;
  const { [keyField]: _key, ...data } = row as Record<string, unknown>;
  return data;
}
