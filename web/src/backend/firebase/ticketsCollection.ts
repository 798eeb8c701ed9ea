import {
  assigneeConstraint,
  matchesSearch,
  primarySearchToken,
  queueSortOrder,
  ticketDocSchema,
  type QueueCursor,
  type QueueFilter,
  type Ticket,
} from '@domain';
import {
  Timestamp,
  collection,
  doc,
  documentId,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Query,
  type QueryConstraint,
  type QuerySnapshot,
} from 'firebase/firestore';
import type { ListPage, QueuePage } from '../port';
import { parseDocument, parseEach, readOptions } from './documents';

/**
 * Everything the web app does with `tickets/{ticketId}`: references, the queries behind the
 * lists, reading documents back (Timestamps to Dates, validated by the domain's schema) and
 * the writes (the customer's create, staff's updates).
 */
export const TICKETS = 'tickets';

export { readOptions };

export function ticketsCollection(db: Firestore) {
  return collection(db, TICKETS);
}

export function ticketRef(db: Firestore, id: string): DocumentReference {
  return doc(db, TICKETS, id);
}

/**
 * Lists ask for one document more than they show: if it arrives, there is more ("Load more")
 * without a count query.
 */
function pageConstraints(pageSize: number): QueryConstraint[] {
  return [orderBy('createdAt', 'desc'), limit(pageSize + 1)];
}

/** A customer's own tickets, newest first. The rules allow exactly this filter for customers. */
export function myTicketsQuery(db: Firestore, customerUid: string, pageSize: number): Query {
  return query(ticketsCollection(db), where('customerUid', '==', customerUid), ...pageConstraints(pageSize));
}

/**
 * The exact server time behind each cursor this adapter handed out: a Date keeps only
 * milliseconds, and a cursor rounded down could skip a ticket written in the same millisecond.
 * A cursor made elsewhere (e.g. by hand) falls back to its Date.
 */
const exactCursorTimes = new WeakMap<QueueCursor, Timestamp>();

/**
 * One page of the staff queue. Every filter is an equality the server evaluates; search asks
 * for tickets holding the search's most selective word (the others are checked on the page,
 * see `queuePageFromSnapshot`). Ties in the sort field are broken by document id, so a
 * cursor (value, id) places every ticket exactly. One document more than the page says
 * whether another page follows.
 */
export function queueQuery(
  db: Firestore,
  filter: QueueFilter,
  viewerUid: string,
  cursor: QueueCursor | null,
  pageSize: number,
): Query {
  const constraints: QueryConstraint[] = [];
  if (filter.status !== null) constraints.push(where('status', '==', filter.status));
  if (filter.priority !== null) constraints.push(where('priority', '==', filter.priority));
  if (filter.category !== null) constraints.push(where('category', '==', filter.category));
  const assignee = assigneeConstraint(filter.assignee, viewerUid);
  if (assignee !== undefined) constraints.push(where('assigneeUid', '==', assignee));
  const token = primarySearchToken(filter.search);
  if (token !== null) constraints.push(where('searchTokens', 'array-contains', token));
  const { field, direction } = queueSortOrder[filter.sort];
  constraints.push(orderBy(field, direction), orderBy(documentId(), direction));
  if (cursor) constraints.push(startAfter(exactCursorTimes.get(cursor) ?? Timestamp.fromDate(cursor.at), cursor.id));
  constraints.push(limit(pageSize + 1));
  return query(ticketsCollection(db), ...constraints);
}

/** Validates a ticket read back; a document the schema refuses is reported, never shown half-read. */
export function ticketFromData(id: string, data: unknown): Ticket {
  return { ...parseDocument(ticketDocSchema, 'Ticket', id, data), id };
}

/** The ticket, or null when it does not exist. */
export function ticketFromSnapshot(snapshot: DocumentSnapshot): Ticket | null {
  if (!snapshot.exists()) return null;
  return ticketFromData(snapshot.id, snapshot.data(readOptions));
}

/**
 * One page of a list query built with `pageConstraints`. A malformed document is left out
 * and logged rather than failing the whole list, so one bad console edit cannot blank every
 * agent's queue.
 */
export function pageFromSnapshot(snapshot: QuerySnapshot, pageSize: number): ListPage<Ticket> {
  const items = parseEach(snapshot.docs.slice(0, pageSize), (d) => ticketFromData(d.id, d.data(readOptions)));
  return { items, hasMore: snapshot.docs.length > pageSize };
}

/**
 * One page of a `queueQuery`. The next cursor comes from the last document the server
 * returned for this page (before the search's other words are checked), so paging never
 * skips a ticket; a page of a multi-word search may show fewer than `pageSize` tickets.
 */
export function queuePageFromSnapshot(snapshot: QuerySnapshot, filter: QueueFilter, pageSize: number): QueuePage {
  const page = snapshot.docs.slice(0, pageSize);
  const items = parseEach(page, (d) => ticketFromData(d.id, d.data(readOptions))).filter((ticket) =>
    matchesSearch(ticket.searchTokens, filter.search),
  );
  const last = snapshot.docs.length > pageSize ? page[page.length - 1] : undefined;
  let nextCursor: QueueCursor | null = null;
  if (last) {
    const at: unknown = last.get(queueSortOrder[filter.sort].field, readOptions);
    // A ticket always has its sort field; should the last one not (a bad console edit), the
    // page ends here rather than guessing where the next one starts.
    if (at instanceof Timestamp) {
      nextCursor = { at: at.toDate(), id: last.id };
      exactCursorTimes.set(nextCursor, at);
    }
  }
  return { items, nextCursor };
}

/**
 * The customer's create write of a document built by the domain's `newTicketDoc` (which
 * names the customer as its writer, updatedBy). The id is made on the client so the caller
 * has it before the server answers (offline the write's promise never settles); the two
 * creation timestamps come from the server clock.
 */
/** A new ticket's id, made up front: offline the write's promise never settles. */
export function newTicketId(db: Firestore): string {
  return doc(ticketsCollection(db)).id;
}

