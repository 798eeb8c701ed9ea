import Dexie, { type EntityTable, type Table } from 'dexie';
import { writesOf, type WriteRequest } from '../clientRequest';
import type {
  AssignmentConfig,
  CannedReplyDoc,
  PresenceDoc,
  MessageDoc,
  NoteDoc,
  NotificationDoc,
  RateLimitDoc,
  ReadMarker,
  TicketCounter,
  TicketDoc,
  TicketEvent,
  UserDoc,
} from '@domain';

/** Local sign-in for the demo store: never used by the Firebase backend. */
export interface LocalAccount {
  uid: string;
  email: string;
  password: string;
  /** Whether a verification link was followed; absent (accounts from before) reads as verified. */
  emailVerified?: boolean;
  /** Raised by "sign out of every device": a tab signed in under an older one signs out. */
  sessionEpoch?: number;
}

/** An email the local backend would have sent, with its one-time code (see localAccounts.ts). */
export interface MailRow {
  code: string;
  uid: string;
  to: string;
  kind: 'resetPassword' | 'verifyEmail';
  sentAt: Date;
  usedAt: Date | null;
}
export type TicketRow = TicketDoc & { id: string };
export type CannedReplyRow = CannedReplyDoc & { id: string };
/** `presence/{ticketId}/viewers/{uid}`, keyed `${ticketId}/${uid}`. */
export type PresenceRow = PresenceDoc & { id: string };
export type UserRow = UserDoc & { uid: string };
export type CounterRow = TicketCounter & { id: string };
export type ConfigRow = Partial<AssignmentConfig> & { id: string };
export type EventRow = TicketEvent & { id: string; ticketId: string };
export type MessageRow = MessageDoc & { id: string; ticketId: string };
export type NoteRow = NoteDoc & { id: string; ticketId: string };
export type ReadRow = ReadMarker & { id: string };
export type NotificationRow = NotificationDoc & { id: string; uid: string };
/** `users/{uid}/limits/{kind}`, keyed `${uid}/${kind}`. */
export type LimitRow = RateLimitDoc & { id: string };
/** `stats/{id}`: read through statsDocSchema (increments leave documents sparse). */
export type StatsRow = { id: string; scope: string; month?: string; agentUid?: string } & Record<string, unknown>;
/** A write waiting to reach the "server": see outbox.ts. */
export interface OutboxRow {
  seq?: number;
  request: WriteRequest;
  /** Who wrote it: delivery checks the rules as this person. */
  actorUid: string;
  /** The collections it writes, each as `outboxTarget(actorUid, collection)`: what a live view of pending writes looks up. */
  targets: string[];
  state: 'pending' | 'failed';
  error: { code: string; message: string } | null;
}

/**
 * One writer's pending writes into one collection (e.g. Maya's into `tickets/t1/messages`),
 * as one index key: a view of a user's own pending messages reads, and wakes for, only those.
 */
export const outboxTarget = (actorUid: string, collection: string) => `${actorUid} ${collection}`;

/** The outbox targets of a request: its writer with each collection it writes into, once. */
export function outboxTargets(actorUid: string, request: WriteRequest): string[] {
  const collections = writesOf(request).map((write) => write.path.slice(0, write.path.lastIndexOf('/')));
  return [...new Set(collections)].map((collection) => outboxTarget(actorUid, collection));
}

/** Attachment bytes: the local stand-in for Cloud Storage objects. */
export interface FileRow {
  path: string;
  blob: Blob;
  contentType: string;
}

/**
 * The local backend's IndexedDB database (through Dexie). Every tab of one browser opens the
 * same database, and Dexie's liveQuery tells each tab about the others' writes, which is
 * what makes the local backend realtime across tabs. Subcollections become tables with
 * their parent's id as a field.
 */
export class LocalDatabase extends Dexie {
  accounts!: EntityTable<LocalAccount, 'uid'>;
  users!: EntityTable<UserRow, 'uid'>;
  tickets!: EntityTable<TicketRow, 'id'>;
  counters!: EntityTable<CounterRow, 'id'>;
  config!: EntityTable<ConfigRow, 'id'>;
  events!: EntityTable<EventRow, 'id'>;
  messages!: EntityTable<MessageRow, 'id'>;
  notes!: EntityTable<NoteRow, 'id'>;
  reads!: EntityTable<ReadRow, 'id'>;
  notifications!: EntityTable<NotificationRow, 'id'>;
  limits!: EntityTable<LimitRow, 'id'>;
  files!: EntityTable<FileRow, 'path'>;
  /** The reports' stats documents, and what each ticket counts in them (see functions/src/domain/stats). */
  stats!: EntityTable<StatsRow, 'id'>;
  statsLedger!: EntityTable<{ id: string } & Record<string, unknown>, 'id'>;
  statsEvents!: EntityTable<{ id: string } & Record<string, unknown>, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  mail!: EntityTable<MailRow, 'code'>;
  /**
   * Email to customers as the functions write it (`mail/{id}` in the Trigger Email shape) and
   * when each ticket was last emailed: the local backend keeps them and sends nothing.
   */
  customerMail!: EntityTable<{ id: string } & Record<string, unknown>, 'id'>;
  mailLog!: EntityTable<{ id: string } & Record<string, unknown>, 'id'>;
  cannedReplies!: EntityTable<CannedReplyRow, 'id'>;
  presence!: EntityTable<PresenceRow, 'id'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      accounts: '&uid, &email',
      users: '&uid, role',
      tickets:
        '&id, createdAt, updatedAt, [customerUid+createdAt], [status+createdAt], [assigneeUid+createdAt], *searchTokens',
      counters: '&id',
      config: '&id',
      events: '&id, [ticketId+at]',
      messages: '&id, [ticketId+createdAt]',
      notes: '&id, [ticketId+createdAt]',
      reads: '&id, uid',
      notifications: '&id, [uid+createdAt]',
      files: '&path',
    });
    // The queue's filters each get an index with the creation time, as in firestore.indexes.json.
    this.version(2).stores({
      tickets:
        '&id, createdAt, updatedAt, [customerUid+createdAt], [status+createdAt], [assigneeUid+createdAt], [priority+createdAt], [category+createdAt], *searchTokens',
    });
    // Pending writes, shared by the tabs and kept across reloads.
    this.version(3).stores({ outbox: '++seq, state' });
    // Server times became field transforms of the request itself (as serverTimestamp() is).
    this.version(4)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('outbox')
          .toCollection()
          .modify((row: Record<string, unknown> & { request: Record<string, unknown> }) => {
            const fields = (row.serverTimeFields as string[] | undefined) ?? [];
            row.request.transforms = Object.fromEntries(fields.map((field) => [field, { kind: 'serverTime' }]));
            delete row.serverTimeFields;
          }),
      );
    // Each writer's rate-limit counters; people in email order (the users page's pages).
    this.version(5).stores({ limits: '&id', users: '&uid, role, email' });
    // Delivery became one transaction (nothing is "claimed" any more; a Web Lock says who
    // delivers) and the outbox is read by writer and collection, never whole.
    this.version(6)
      .stores({ outbox: '++seq, [actorUid+seq], *targets' })
      .upgrade((tx) =>
        tx
          .table('outbox')
          .toCollection()
          .modify((row: Omit<OutboxRow, 'state'> & { state: string; claimedAt?: unknown }) => {
            if (row.state === 'sending') row.state = 'pending';
            delete row.claimedAt;
            row.targets = outboxTargets(row.actorUid, row.request);
          }),
      );
    // The reports: stats documents read by scope and month (and agent), as the Firebase
    // adapter queries them; each ticket's ledger and the trigger events counted.
    this.version(7).stores({
      stats: '&id, [scope+month], [scope+agentUid+month], [scope+agentUid]',
      statsLedger: '&id',
      statsEvents: '&id',
    });
    // The demo mailbox: reset and verification links the local backend shows instead of sending.
    this.version(8).stores({ mail: '&code, sentAt' });
    // Service levels: the queue by next deadline, and the breach watch by the deadline it waits for.
    this.version(9).stores({
      tickets:
        '&id, createdAt, updatedAt, slaDueAt, slaWatchAt, [customerUid+createdAt], [status+createdAt], [assigneeUid+createdAt], [priority+createdAt], [category+createdAt], *searchTokens',
      customerMail: '&id',
      mailLog: '&id',
    });
    // Canned replies for the composer, by title (the picker lists them in that order).
    this.version(10).stores({ cannedReplies: '&id, title' });
    // Who of the staff is on which ticket (heartbeats; readers honour the expiry).
    this.version(11).stores({ presence: '&id, ticketId' });
  }
}

type AnyTable = Table<Record<string, unknown>, string>;

interface Located {
  readonly table: AnyTable;
  readonly keyField: string;
  readonly id: string;
  /** Fields a subcollection row carries to name its parent. */
  readonly parent: Record<string, string>;
}

/** The local counterpart of a Firestore document path: which table, which key, which parent. */
export function tableFor(db: LocalDatabase, path: string): Located {
  const segments = path.split('/');
  const table = (t: unknown) => t as AnyTable;
  if (segments.length === 2) {
    const [collection, id = ''] = segments;
    switch (collection) {
      case 'tickets':
        return { table: table(db.tickets), keyField: 'id', id, parent: {} };
      case 'users':
        return { table: table(db.users), keyField: 'uid', id, parent: {} };
      case 'counters':
        return { table: table(db.counters), keyField: 'id', id, parent: {} };
      case 'config':
        return { table: table(db.config), keyField: 'id', id, parent: {} };
      case 'stats':
        return { table: table(db.stats), keyField: 'id', id, parent: {} };
      case 'statsLedger':
        return { table: table(db.statsLedger), keyField: 'id', id, parent: {} };
      case 'statsEvents':
        return { table: table(db.statsEvents), keyField: 'id', id, parent: {} };
      case 'mail':
        return { table: table(db.customerMail), keyField: 'id', id, parent: {} };
      case 'mailLog':
        return { table: table(db.mailLog), keyField: 'id', id, parent: {} };
      case 'cannedReplies':
        return { table: table(db.cannedReplies), keyField: 'id', id, parent: {} };
    }
  }
  if (segments.length === 4) {
    const [parentCollection, parentId = '', collection, id = ''] = segments;
    if (parentCollection === 'tickets') {
      const parent = { ticketId: parentId };
      switch (collection) {
        case 'events':
          return { table: table(db.events), keyField: 'id', id, parent };
        case 'messages':
          return { table: table(db.messages), keyField: 'id', id, parent };
        case 'notes':
          return { table: table(db.notes), keyField: 'id', id, parent };
        case 'reads':
          // One marker per (ticket, reader): the reader's uid is the document id.
          return { table: table(db.reads), keyField: 'id', id: `${parentId}_${id}`, parent: {} };
      }
    }
    if (parentCollection === 'presence' && collection === 'viewers') {
      return { table: table(db.presence), keyField: 'id', id: `${parentId}/${id}`, parent: {} };
    }
    if (parentCollection === 'users' && collection === 'notifications') {
      return { table: table(db.notifications), keyField: 'id', id, parent: { uid: parentId } };
    }
    if (parentCollection === 'users' && collection === 'limits') {
      return { table: table(db.limits), keyField: 'id', id: `${parentId}/${id}`, parent: {} };
    }
  }
  throw new Error(`The local backend has no documents at ${path}.`);
}

/** A row without its key and parent fields: the document's data as Firestore would hold it. */
export function withoutKey(row: object | undefined, located: Pick<Located, 'keyField' | 'parent'>) {
  if (!row) return undefined;
  const data: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  delete data[located.keyField];
  for (const field of Object.keys(located.parent)) delete data[field];
  return data;
}

/** The row to store for a document: its data plus key and parent fields. */
export function toRow(located: Located, data: Record<string, unknown>): Record<string, unknown> {
  return { ...data, ...located.parent, [located.keyField]: located.id };
}
