import { DomainError, ticketDocSchema, type Ticket, type TicketDoc, type TicketStatus } from '@domain';
import {
  Timestamp,
  collection,
  doc,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  where,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Query,
  type QueryConstraint,
  type QuerySnapshot,
  type SnapshotOptions,
} from 'firebase/firestore';
import type { ListPage } from '../port';

/**
 * Everything the web app does with `tickets/{ticketId}`: references, the queries behind the
 * lists, reading documents back (Timestamps to Dates, validated by the domain's schema) and
 * the create write.
 */
export const TICKETS = 'tickets';

/**
 * A ticket just written on this client carries a pending server timestamp, which reads as
 * null unless estimated; the estimate is the local clock until the server's value arrives.
 */
export const readOptions: SnapshotOptions = { serverTimestamps: 'estimate' };

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

/** The staff queue, newest first; no statuses (or none chosen) means every status. */
export function queueQuery(
  db: Firestore,
  statuses: readonly TicketStatus[] | undefined,
  pageSize: number,
): Query {
  const byStatus = statuses && statuses.length > 0 ? [where('status', 'in', [...statuses])] : [];
  return query(ticketsCollection(db), ...byStatus, ...pageConstraints(pageSize));
}

/** Firestore hands back Timestamps (nested too); the domain speaks Dates. */
function timestampsToDates(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate();
  if (Array.isArray(value)) return value.map(timestampsToDates);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, timestampsToDates(v)]));
  }
  return value;
}

/** Validates a ticket read back; a document the schema refuses is reported, never shown half-read. */
export function ticketFromData(id: string, data: unknown): Ticket {
  const parsed = ticketDocSchema.safeParse(timestampsToDates(data));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'unknown field';
    throw new DomainError(
      'failed-precondition',
      `Ticket ${id} is stored in a shape the app does not understand (${where}). An admin can fix it in the Firebase console.`,
    );
  }
  return { ...parsed.data, id };
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
  const shown = snapshot.docs.slice(0, pageSize);
  const items: Ticket[] = [];
  for (const document of shown) {
    try {
      items.push(ticketFromData(document.id, document.data(readOptions)));
    } catch (error) {
      console.error(error);
    }
  }
  return { items, hasMore: snapshot.docs.length > pageSize };
}

/**
 * The customer's create write of a document built by the domain's `newTicketDoc`. The id is
 * made on the client so the caller has it before the server answers (offline the write's
 * promise never settles); the two creation timestamps come from the server clock.
 */
export function writeNewTicket(db: Firestore, ticket: TicketDoc): { id: string; written: Promise<void> } {
  const ref = doc(ticketsCollection(db));
  const written = setDoc(ref, {
    ...ticket,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  });
  return { id: ref.id, written };
}
