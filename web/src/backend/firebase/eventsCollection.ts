import { ticketEventSchema, type TicketEventEntry } from '@domain';
import { collection, orderBy, query, type CollectionReference, type Firestore, type Query } from 'firebase/firestore';
import { zodConverter } from './documents';
import { TICKETS } from './ticketsCollection';

/** `tickets/{id}/events/{eventId}`: the audit trail. Only the functions write it. */
export const EVENTS = 'events';

export const eventConverter = zodConverter(ticketEventSchema, {
  what: 'Ticket event',
  build: (event, snapshot): TicketEventEntry => ({ ...event, id: snapshot.id }),
});

export function eventsCollection(db: Firestore, ticketId: string): CollectionReference<TicketEventEntry> {
  return collection(db, TICKETS, ticketId, EVENTS).withConverter(eventConverter);
}

/** The whole trail of one ticket, oldest first. */
export function ticketEventsQuery(db: Firestore, ticketId: string): Query<TicketEventEntry> {
  return query(eventsCollection(db, ticketId), orderBy('at', 'asc'));
}
