import Dexie from 'dexie';
import {
  CANNED_REPLIES_MAX,
  MESSAGE_PAGE_SIZE,
  cannedReplyDocSchema,
  presenceDocSchema,
  NOTIFICATIONS_SHOWN,
  PEOPLE_QUERY_MAX,
  noteDocSchema,
  notificationDocSchema,
  readMarkerSchema,
  ticketDocSchema,
  ticketEventSchema,
  userDocSchema,
  type Ticket,
  type UserProfile,
} from '@domain';
import type { WhereEquals } from '../clientRequest';
import type { SupportReads } from '../port';
import type { LocalClient } from './localClient';
import type { LocalDatabase, TicketRow, UserRow } from './localDatabase';
import { readQueuePage } from './localQueue';
import { chatWithUnsent, queuedCreates, queuedTickets } from './unsentWrites';

/** The port's subscriptions: what the local adapter reads, each a live query under the local rules. */
export type LocalReads = SupportReads;

/** Documents read, as Firestore would bill them: what `npm run bench` reports. */
export interface ReadStats {
  messageDocsRead: number;
  ticketDocsRead: number;
  /** The reports' stats documents (localStats.ts). */
  statsDocsRead: number;
  chatWindow: number;
}

/** Index bounds for every entry of one parent (ticket or user), in time order. */
const everyTimeOf = (parent: string): [[string, unknown], [string, unknown]] => [
  [parent, Dexie.minKey],
  [parent, Dexie.maxKey],
];

const toTicket = (row: TicketRow): Ticket => ({ ...ticketDocSchema.parse(row), id: row.id });
const toProfile = (row: UserRow): UserProfile => ({ ...userDocSchema.parse(row), uid: row.uid });

/**
 * Every subscription of the port on the local backend: each one a `client.watch`, which
 * checks the request under the local rules and re-runs its read whenever a write touches
 * what it read (Dexie's liveQuery), with this user's unsent writes shown where Firestore's
 * cache would show them.
 */
export function localReads(db: LocalDatabase, client: LocalClient, viewerUid: () => string | null, stats: ReadStats): LocalReads {
  const viewer = () => viewerUid() ?? '';
  return {
    subscribeTicket(id, onData, onError) {
      const uid = viewer();
      return client.watch(
        { method: 'get', path: `tickets/${id}` },
        async () => (await db.tickets.get(id)) ?? (await queuedTickets(db, uid)).find((t) => t.id === id),
        (row) => onData(row ? toTicket(row) : null),
        onError,
      );
    },

    subscribeMyTickets(limit, onData, onError) {
      const uid = viewer();
      const where: WhereEquals[] = [['customerUid', '==', uid]];
      return client.watch(
        { method: 'list', collection: 'tickets', where, limit: limit + 1 },
        async () => {
          const rows = await client.listTickets(where, limit + 1);
          const stored = new Set(rows.map((row) => row.id));
          const queued = (await queuedTickets(db, uid)).filter((row) => !stored.has(row.id));
          return [...queued, ...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
        },
        (rows) => onData({ items: rows.slice(0, limit).map(toTicket), hasMore: rows.length > limit }),
        onError,
      );
    },

    subscribeQueue(query, onData, onError) {
      const uid = viewer();
      return client.watch(
        { method: 'list', collection: 'tickets', where: [], limit: query.pageSize + 1 },
        () => readQueuePage(db, query.filter, uid, query.cursor, query.pageSize, () => stats.ticketDocsRead++, query.slaNow),
        ({ rows, nextCursor }) => onData({ items: rows.map(toTicket), nextCursor }),
        onError,
      );
    },

    subscribeTicketEvents(ticketId, onData, onError) {
      return client.watch(
        { method: 'list', collection: `tickets/${ticketId}/events`, where: [], limit: 500 },
        () => db.events.where('[ticketId+at]').between(...everyTimeOf(ticketId)).toArray(),
        (rows) => onData(rows.map((row) => ({ ...ticketEventSchema.parse(row), id: row.id }))),
        onError,
      );
    },

    subscribeStaff(onData, onError) {
      return client.watch(
        { method: 'list', collection: 'users', where: [], limit: PEOPLE_QUERY_MAX },
        () => db.users.where('role').anyOf(['agent', 'admin']).sortBy('displayName'),
        (rows) => onData(rows.map(toProfile)),
        onError,
      );
    },

    subscribeUsers({ cursor, pageSize }, onData, onError) {
      const size = Math.min(pageSize, PEOPLE_QUERY_MAX - 1);
      return client.watch(
        { method: 'list', collection: 'users', where: [], limit: size + 1 },
        // Emails are unique per account: "after this email" is "after this person".
        () => (cursor ? db.users.where('email').above(cursor.email) : db.users.orderBy('email')).limit(size + 1).toArray(),
        (rows) => {
          const items = rows.slice(0, size).map(toProfile);
          const last = items.at(-1);
          onData({ items, nextCursor: rows.length > size && last ? { email: last.email, uid: last.uid } : null });
        },
        onError,
      );
    },

    subscribeNotifications(onData, onError) {
      const uid = viewer();
      return client.watch(
        { method: 'list', collection: `users/${uid}/notifications`, where: [], limit: NOTIFICATIONS_SHOWN },
        () => db.notifications.where('[uid+createdAt]').between(...everyTimeOf(uid)).reverse().limit(NOTIFICATIONS_SHOWN).toArray(),
        (rows) => onData(rows.map((row) => ({ ...notificationDocSchema.parse(row), id: row.id }))),
        onError,
      );
    },

    subscribeChat(ticketId, olderPages, onData, onError) {
      const limit = MESSAGE_PAGE_SIZE * (1 + olderPages);
      const uid = viewer();
      return client.watch(
        { method: 'list', collection: `tickets/${ticketId}/messages`, where: [], limit },
        async () => ({
          // The newest `limit`, no more: a full window is what says older ones may exist.
          rows: await db.messages.where('[ticketId+createdAt]').between(...everyTimeOf(ticketId)).reverse().limit(limit).toArray(),
          queued: await queuedCreates(db, uid, `tickets/${ticketId}/messages`),
        }),
        ({ rows, queued }) => {
          stats.messageDocsRead += rows.length;
          stats.chatWindow = rows.length;
          onData({ messages: chatWithUnsent(ticketId, rows, queued), hasOlder: rows.length === limit });
        },
        onError,
      );
    },

    subscribeNotes(ticketId, onData, onError) {
      return client.watch(
        { method: 'list', collection: `tickets/${ticketId}/notes`, where: [], limit: 500 },
        () => db.notes.where('[ticketId+createdAt]').between(...everyTimeOf(ticketId)).toArray(),
        (rows) => onData(rows.map((row) => ({ ...noteDocSchema.parse(row), id: row.id }))),
        onError,
      );
    },

    subscribeCannedReplies(onData, onError) {
      return client.watch(
        { method: 'list', collection: 'cannedReplies', where: [], limit: CANNED_REPLIES_MAX },
        () => db.cannedReplies.orderBy('title').limit(CANNED_REPLIES_MAX).toArray(),
        (rows) => onData(rows.map(({ id, ...row }) => ({ ...cannedReplyDocSchema.parse(row), id }))),
        onError,
      );
    },

    subscribePresence(ticketId, onData, onError) {
      return client.watch(
        { method: 'list', collection: `presence/${ticketId}/viewers`, where: [], limit: 100 },
        () => db.presence.where('ticketId').equals(ticketId).toArray(),
        (rows) => onData(rows.map(({ id: _id, ...row }) => presenceDocSchema.parse(row))),
        onError,
      );
    },

    subscribeAllPresence(onData, onError) {
      return client.watch(
        { method: 'list', collection: 'viewers', collectionGroup: true, where: [], limit: 1000 },
        () => db.presence.toArray(),
        (rows) => onData(rows.map(({ id: _id, ...row }) => presenceDocSchema.parse(row))),
        onError,
      );
    },

    subscribeReadMarkers(onData, onError) {
      const uid = viewer();
      return client.watch(
        { method: 'list', collection: 'reads', where: [['uid', '==', uid]], limit: 10_000 },
        () => db.reads.where('uid').equals(uid).toArray(),
        (rows) => onData(new Map(rows.map((row) => [row.ticketId, readMarkerSchema.parse(row).lastReadAt]))),
        onError,
      );
    },
  };
}
