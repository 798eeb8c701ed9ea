import { presenceDocSchema, type PresenceDoc } from '@domain';
import { collection, collectionGroup, limit, query, type Firestore, type Query } from 'firebase/firestore';
import { zodConverter } from './documents';

/** `presence/{ticketId}/viewers/{uid}`: each staff member's heartbeat on a ticket. */
export const PRESENCE = 'presence';
export const VIEWERS = 'viewers';

export const presenceConverter = zodConverter(presenceDocSchema, {
  what: 'Presence entry',
  build: (presence): PresenceDoc => presence,
});

/** The staff entries of one ticket (a desk has few staff on one ticket). */
export function ticketPresenceQuery(db: Firestore, ticketId: string): Query<PresenceDoc> {
  return query(collection(db, PRESENCE, ticketId, VIEWERS).withConverter(presenceConverter), limit(100));
}

/** Every staff entry on every ticket, for the queue's viewing marker. */
export function allPresenceQuery(db: Firestore): Query<PresenceDoc> {
  return query(collectionGroup(db, VIEWERS).withConverter(presenceConverter), limit(1000));
}
