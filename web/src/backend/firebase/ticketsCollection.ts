import {
  assigneeConstraint,
  matchesSearch,
  primarySearchToken,
  effectiveQueueSort,
  queueSortOrder,
  slaDueRange,
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
  type CollectionReference,
  type DocumentReference,
  type Firestore,
  type Query,
  type QueryConstraint,
  type QuerySnapshot,
} from 'firebase/firestore';
import type { ListPage, QueuePage } from '../port';
import { parseEach, readOptions, zodConverter } from './documents';

/**
 * `tickets/{ticketId}`: the converter (the domain's ticket schema), the references and the
 * queries behind the lists, and how a page is read from their snapshots. Writes are requests
 * from writes.ts, carried out by commitRequest.ts.
 */
export const TICKETS = 'tickets';

/** A ticket read back: Timestamps to Dates, validated by the domain's schema, with its id. */
export const ticketConverter = zodConverter(ticketDocSchema, {
  what: 'Ticket',
  where: (snapshot) => snapshot.id,
  build: (doc, snapshot): Ticket => ({ ...doc, id: snapshot.id }),
});

export function ticketsCollection(db: Firestore): CollectionReference<Ticket> {
  return collection(db, TICKETS).withConverter(ticketConverter);
}

export function ticketRef(db: Firestore, id: string): DocumentReference<Ticket> {
  return doc(ticketsCollection(db), id);
}

/**
 * Lists ask for one document more than they show: if it arrives, there is more ("Load more")
 * without a count query.
 */
function pageConstraints(pageSize: number): QueryConstraint[] {
  return [orderBy('createdAt', 'desc'), limit(pageSize + 1)];
}

/** A customer's own tickets, newest first. The rules allow exactly this filter for customers. */
export function myTicketsQuery(db: Firestore, customerUid: string, pageSize: number): Query<Ticket> {
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
  slaNow: Date = new Date(),
): Query<Ticket> {
  const constraints: QueryConstraint[] = [];
  if (filter.status !== null) constraints.push(where('status', '==', filter.status));
  if (filter.priority !== null) constraints.push(where('priority', '==', filter.priority));
  if (filter.category !== null) constraints.push(where('category', '==', filter.category));
  const assignee = assigneeConstraint(filter.assignee, viewerUid);
  if (assignee !== undefined) constraints.push(where('assigneeUid', '==', assignee));
  const token = primarySearchToken(filter.search);
  if (token !== null) constraints.push(where('searchTokens', 'array-contains', token));
  const { field, direction } = queueSortOrder[effectiveQueueSort(filter)];
  if (field === 'slaDueAt') {
    // Ordered by deadline: only tickets with a running clock (a range leaves null out), in the filter's window.
    const due = slaDueRange(filter.sla, slaNow);
    constraints.push(where('slaDueAt', '>', Timestamp.fromDate(due.after)));
    if (due.upTo !== null) constraints.push(where('slaDueAt', '<=', Timestamp.fromDate(due.upTo)));
  }
  constraints.push(orderBy(field, direction), orderBy(documentId(), direction));
  if (cursor) constraints.push(startAfter(exactCursorTimes.get(cursor) ?? Timestamp.fromDate(cursor.at), cursor.id));
  constraints.push(limit(pageSize + 1));
  return query(ticketsCollection(db), ...constraints);
}

/**
 * One page of a list query built with `pageConstraints`. A malformed document is left out
 * and logged rather than failing the whole list, so one bad console edit cannot blank every
 * agent's queue.
 */
export function pageFromSnapshot(snapshot: QuerySnapshot<Ticket>, pageSize: number): ListPage<Ticket> {
  const items = parseEach(snapshot.docs.slice(0, pageSize));
  return { items, hasMore: snapshot.docs.length > pageSize };
}

/**
 * One page of a `queueQuery`. The next cursor comes from the last document the server
 * returned for this page (before the search's other words are checked), so paging never
 * skips a ticket; a page of a multi-word search may show fewer than `pageSize` tickets.
 */
export function queuePageFromSnapshot(snapshot: QuerySnapshot<Ticket>, filter: QueueFilter, pageSize: number): QueuePage {
  const page = snapshot.docs.slice(0, pageSize);
  const items = parseEach(page).filter((ticket) =>
    matchesSearch(ticket.searchTokens, filter.search),
  );
  const last = snapshot.docs.length > pageSize ? page[page.length - 1] : undefined;
  let nextCursor: QueueCursor | null = null;
  if (last) {
    const at: unknown = last.get(queueSortOrder[effectiveQueueSort(filter)].field, readOptions);
    // A ticket always has its sort field; should the last one not (a bad console edit), the
    // page ends here rather than guessing where the next one starts.
    if (at instanceof Timestamp) {
      nextCursor = { at: at.toDate(), id: last.id };
      exactCursorTimes.set(nextCursor, at);
    }
  }
  return { items, nextCursor };
}

/** A new ticket's id, made up front: offline the write's promise never settles. */
export function newTicketId(db: Firestore): string {
  return doc(ticketsCollection(db)).id;
}

