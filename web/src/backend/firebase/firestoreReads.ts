import { DomainError, queueFilterSchema } from '@domain';
import type { Firestore } from 'firebase/firestore';
import type { SupportReads } from '../port';
import type { AuthSession } from './authSession';
import { cannedRepliesQuery } from './cannedRepliesCollection';
import { allPresenceQuery, ticketPresenceQuery } from './presenceCollection';
import type { ChatFeed } from './chatFeed';
import { ticketEventsQuery } from './eventsCollection';
import { itemsOf } from './documents';
import { listenToDocument, listenToQuery } from './liveQueries';
import { notesQuery } from './notesCollection';
import { newestNotificationsQuery } from './notificationsCollection';
import { myReadMarkersQuery, readMarkersFromSnapshot } from './readsCollection';
import { myTicketsQuery, pageFromSnapshot, queuePageFromSnapshot, queueQuery, ticketRef } from './ticketsCollection';
import { profilesFromSnapshot, staffQuery, usersPageFromSnapshot, usersPageQuery } from './usersCollection';

/** The port's subscriptions: what the Firebase adapter reads, each a Firestore listener. */
export type FirestoreReads = SupportReads;

/**
 * Every subscription of the port on Firestore, for the signed-in user (started once the
 * session is known, refused without one), read through the collections' converters.
 */
export function firestoreReads(
  db: Firestore,
  session: AuthSession,
  chat: ChatFeed,
  isOffline: () => boolean,
): FirestoreReads {
  return {
    subscribeTicket(id, onData, onError) {
      return session.withSession(onError, 'Sign in to see tickets.', () =>
        listenToDocument(ticketRef(db, id), onData, onError, isOffline, {
          'permission-denied': 'You cannot see this ticket: it belongs to another customer, or it does not exist.',
        }),
      );
    },

    subscribeMyTickets(limit, onData, onError) {
      return session.withSession(onError, 'Sign in to see your tickets.', (current) =>
        listenToQuery(
          myTicketsQuery(db, current.uid, limit),
          (snapshot) => pageFromSnapshot(snapshot, limit),
          onData,
          onError,
          isOffline,
          { 'permission-denied': 'You cannot see these tickets.' },
        ),
      );
    },

    subscribeQueue({ filter, cursor, pageSize, slaNow }, onData, onError) {
      const parsed = queueFilterSchema.safeParse(filter);
      if (!parsed.success) {
        // Like every subscription failure: through onError, never thrown at the subscriber.
        const reason = parsed.error.issues[0]?.message ?? 'The queue filter is not valid.';
        queueMicrotask(() => onError(new DomainError('invalid-argument', reason)));
        return () => {};
      }
      const parsedFilter = parsed.data;
      return session.withSession(onError, 'Sign in to see the queue.', (current) =>
        listenToQuery(
          queueQuery(db, parsedFilter, current.uid, cursor, pageSize, slaNow),
          (snapshot) => queuePageFromSnapshot(snapshot, parsedFilter, pageSize),
          onData,
          onError,
          isOffline,
          { 'permission-denied': 'Only support staff can see the queue.' },
        ),
      );
    },

    subscribeTicketEvents(ticketId, onData, onError) {
      return session.withSession(onError, 'Sign in to see tickets.', () =>
        listenToQuery(ticketEventsQuery(db, ticketId), itemsOf, onData, onError, isOffline, {
          'permission-denied': 'You cannot see the history of this ticket.',
        }),
      );
    },

    subscribeStaff(onData, onError) {
      return session.withSession(onError, 'Sign in first.', () =>
        listenToQuery(
          staffQuery(db),
          (snapshot) => profilesFromSnapshot(snapshot, (a, b) => (a < b ? -1 : a > b ? 1 : 0)),
          onData,
          onError,
          isOffline,
          { 'permission-denied': 'Only support staff can see the team.' },
        ),
      );
    },

    subscribeUsers(usersQuery, onData, onError) {
      return session.withSession(onError, 'Sign in first.', () =>
        listenToQuery(
          usersPageQuery(db, usersQuery),
          (snapshot) => usersPageFromSnapshot(snapshot, usersQuery.pageSize),
          onData,
          onError,
          isOffline,
          { 'permission-denied': 'Only admins can see every user.' },
        ),
      );
    },

    subscribeNotifications(onData, onError) {
      return session.withSession(onError, 'Sign in to see your notifications.', (current) =>
        listenToQuery(newestNotificationsQuery(db, current.uid), itemsOf, onData, onError, isOffline),
      );
    },

    subscribeChat(ticketId, olderPages, onData, onError) {
      return session.withSession(onError, 'Sign in to see the chat.', () =>
        chat.subscribe(ticketId, olderPages, onData, onError),
      );
    },

    subscribeNotes(ticketId, onData, onError) {
      return session.withSession(onError, 'Sign in first.', () =>
        listenToQuery(notesQuery(db, ticketId), itemsOf, onData, onError, isOffline, {
          'permission-denied': 'Internal notes are for support staff only.',
        }),
      );
    },

    subscribeCannedReplies(onData, onError) {
      return session.withSession(onError, 'Sign in first.', () =>
        listenToQuery(cannedRepliesQuery(db), itemsOf, onData, onError, isOffline, {
          'permission-denied': 'Canned replies are for support staff.',
        }),
      );
    },

    subscribePresence(ticketId, onData, onError) {
      return session.withSession(onError, 'Sign in first.', () =>
        listenToQuery(ticketPresenceQuery(db, ticketId), itemsOf, onData, onError, isOffline, {
          'permission-denied': 'Presence is for support staff.',
        }),
      );
    },

    subscribeAllPresence(onData, onError) {
      return session.withSession(onError, 'Sign in first.', () =>
        listenToQuery(allPresenceQuery(db), itemsOf, onData, onError, isOffline, {
          'permission-denied': 'Presence is for support staff.',
        }),
      );
    },

    subscribeReadMarkers(onData, onError) {
      return session.withSession(onError, 'Sign in first.', (current) =>
        listenToQuery(myReadMarkersQuery(db, current.uid), readMarkersFromSnapshot, onData, onError, isOffline),
      );
    },
  };
}
