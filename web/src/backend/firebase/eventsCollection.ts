import { ticketEventSchema, type TicketEventEntry } from '@domain';
import { collection, orderBy, query, type Firestore, type Query, type QuerySnapshot } from 'firebase/firestore';
import { parseDocument, parseEach, readOptions } from './documents';
import { TICKETS } from './ticketsCollection';

/** `tickets/{id}/events/{eventId}`: the audit trail. Only the functions write it. */
export const EVENTS = 'events';

export function eventsCollection(db: Firestore, ticketId: string) {
  return collection(db, TICKETS, ticketId, EVENTS);
}

/** The whole trail of one ticket, oldest first. */
export function ticketEventsQuery(db: Firestore, ticketId: string): Query {
  return query(eventsCollection(db, ticketId), orderBy('at', 'asc'));
}

export function eventsFromSnapshot(snapshot: QuerySnapshot): TicketEventEntry[] {
  return parseEach(snapshot.docs, (d) => ({
    ...parseDocument(ticketEventSchema, 'Ticket event', d.ref.path, d.data(readOptions)),
    id: d.id,
  }));
}
