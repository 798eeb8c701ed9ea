import { noteDocSchema, type Note } from '@domain';
import { collection, doc, orderBy, query, type CollectionReference, type Firestore, type Query } from 'firebase/firestore';
import { zodConverter } from './documents';
import { TICKETS } from './ticketsCollection';

/** `tickets/{id}/notes/{noteId}`: staff-only notes; the rules keep customers out. */
export const NOTES = 'notes';

export const noteConverter = zodConverter(noteDocSchema, {
  what: 'Note',
  build: (note, snapshot): Note => ({ ...note, id: snapshot.id }),
});

export function notesCollection(db: Firestore, ticketId: string): CollectionReference<Note> {
  return collection(db, TICKETS, ticketId, NOTES).withConverter(noteConverter);
}

/** Every note of a ticket, oldest first. */
export function notesQuery(db: Firestore, ticketId: string): Query<Note> {
  return query(notesCollection(db, ticketId), orderBy('createdAt', 'asc'));
}

/** A new note's id, made up front: offline the write's promise never settles. */
export function newNoteId(db: Firestore, ticketId: string): string {
  return doc(notesCollection(db, ticketId)).id;
}
