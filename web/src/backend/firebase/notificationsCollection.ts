import { NOTIFICATIONS_SHOWN, notificationDocSchema, type AppNotification } from '@domain';
import { collection, limit, orderBy, query, type CollectionReference, type Firestore, type Query } from 'firebase/firestore';
import { zodConverter } from './documents';
import { USERS } from './usersCollection';

/** `users/{uid}/notifications/{id}`: written by the functions, marked seen by their owner. */
export const NOTIFICATIONS = 'notifications';

export const notificationConverter = zodConverter(notificationDocSchema, {
  what: 'Notification',
  build: (notification, snapshot): AppNotification => ({ ...notification, id: snapshot.id }),
});

export function notificationsCollection(db: Firestore, uid: string): CollectionReference<AppNotification> {
  return collection(db, USERS, uid, NOTIFICATIONS).withConverter(notificationConverter);
}

/** The owner's newest notifications. */
export function newestNotificationsQuery(db: Firestore, uid: string): Query<AppNotification> {
  return query(notificationsCollection(db, uid), orderBy('createdAt', 'desc'), limit(NOTIFICATIONS_SHOWN));
}
