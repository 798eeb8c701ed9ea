import { readMarkerSchema, type ReadMarker } from '@domain';
import { collectionGroup, query, where, type Firestore, type Query, type QuerySnapshot } from 'firebase/firestore';
import type { ReadMarkers } from '../port';
import { itemsOf, zodConverter } from './documents';

/**
 * `tickets/{id}/reads/{uid}`: each reader's marker for the unread dot. The document carries
 * its uid and ticketId so one collection-group listener serves all of a user's markers.
 */
export const READS = 'reads';

export const readMarkerConverter = zodConverter(readMarkerSchema, {
  what: 'Read marker',
  build: (marker): ReadMarker => marker,
});

/** Every marker of one reader, across tickets. */
export function myReadMarkersQuery(db: Firestore, uid: string): Query<ReadMarker> {
  return query(collectionGroup(db, READS), where('uid', '==', uid)).withConverter(readMarkerConverter);
}

/** The reader's markers by ticket. */
export function readMarkersFromSnapshot(snapshot: QuerySnapshot<ReadMarker>): ReadMarkers {
  return new Map(itemsOf(snapshot).map((marker) => [marker.ticketId, marker.lastReadAt]));
}
