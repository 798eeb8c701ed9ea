import { noteDocSchema, type Note } from '@domain';
import {
  collection,
  doc,
  orderBy,
  query,
  type Firestore,
  type Query,
  type QuerySnapshot,
} from 'firebase/firestore';
import { parseDocument, parseEach, readOptions } from './documents';
import { TICKETS } from './ticketsCollection';

/** `tickets/{id}/notes/{noteId}`: staff-only notes; the rules keep customers out. */
export const NOTES = 'notes';

export function notesCollection(db: Firestore, ticketId: string) {
  return collection(db, TICKETS, ticketId, NOTES);
}

/** Every note of a ticket, oldest first. */
export function notesQuery(db: Firestore, ticketId: string): Query {
  return query(notesCollection(db, ticketId), orderBy('createdAt', 'asc'));
}

export function notesFromSnapshot(snapshot: QuerySnapshot): Note[] {
  return parseEach(snapshot.docs, (d) => ({
    ...parseDocument(noteDocSchema, 'Note', d.ref.path, d.data(readOptions)),
    id: d.id,
  }));
}

/** A new note's id, made up front: offline the write's promise never settles. */
export function newNoteId(db: Firestore, ticketId: string): string {
  return doc(notesCollection(db, ticketId)).id;
}
