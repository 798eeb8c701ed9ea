import { NOTIFICATIONS_SHOWN, notificationDocSchema, type AppNotification } from '@domain';
import {
  collection,
  limit,
  orderBy,
  query,
  type Firestore,
  type Query,
  type QuerySnapshot,
} from 'firebase/firestore';
import { parseDocument, parseEach, readOptions } from './documents';
import { USERS } from './usersCollection';

/** `users/{uid}/notifications/{id}`: written by the functions, marked seen by their owner. */
export const NOTIFICATIONS = 'notifications';

export function notificationsCollection(db: Firestore, uid: string) {
  return collection(db, USERS, uid, NOTIFICATIONS);
}

/** The owner's newest notifications. */
export function newestNotificationsQuery(db: Firestore, uid: string): Query {
  return query(notificationsCollection(db, uid), orderBy('createdAt', 'desc'), limit(NOTIFICATIONS_SHOWN));
}

export function notificationsFromSnapshot(snapshot: QuerySnapshot): AppNotification[] {
  return parseEach(snapshot.docs, (d) => ({
    ...parseDocument(notificationDocSchema, 'Notification', d.ref.path, d.data(readOptions)),
    id: d.id,
  }));
}

