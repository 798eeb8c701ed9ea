import { readMarkerSchema, type ReadMarker } from '@domain';
import {
  collectionGroup,
  doc,
  query,
  where,
  type DocumentReference,
  type Firestore,
  type Query,
  type QuerySnapshot,
} from 'firebase/firestore';
import type { ReadMarkers } from '../port';
import { parseDocument, parseEach, readOptions } from './documents';
import { TICKETS } from './ticketsCollection';

/**
 * `tickets/{id}/reads/{uid}`: each reader's marker for the unread dot. The document carries
 * its uid and ticketId so one collection-group listener serves all of a user's markers.
 */
export const READS = 'reads';

export function readMarkerRef(db: Firestore, ticketId: string, uid: string): DocumentReference {
  return doc(db, TICKETS, ticketId, READS, uid);
}

/** Every marker of one reader, across tickets. */
export function myReadMarkersQuery(db: Firestore, uid: string): Query {
  return query(collectionGroup(db, READS), where('uid', '==', uid));
}

export function readMarkersFromSnapshot(snapshot: QuerySnapshot): ReadMarkers {
  const markers = parseEach(snapshot.docs, (d): ReadMarker =>
    parseDocument(readMarkerSchema, 'Read marker', d.ref.path, d.data(readOptions)),
  );
  return new Map(markers.map((marker) => [marker.ticketId, marker.lastReadAt]));
}

