import { MESSAGE_PAGE_SIZE, messageDocSchema, type MessageDoc } from '@domain';
import {
  Timestamp,
  collection,
  doc,
  documentId,
  endBefore,
  orderBy,
  query,
  limitToLast,
  type CollectionReference,
  type Firestore,
  type Query,
} from 'firebase/firestore';
import { readOptions, zodConverter } from './documents';
import { TICKETS } from './ticketsCollection';

/**
 * `tickets/{id}/messages/{messageId}`: the chat. Messages are immutable (the rules refuse
 * updates and deletes), which is what lets older pages be read once and kept.
 */
export const MESSAGES = 'messages';

/** A message read back, with where it sits; its time is an estimate while it is pending. */
export interface ReadMessage extends MessagePosition {
  readonly doc: MessageDoc;
  readonly pending: boolean;
}

/**
 * A message read back (the domain's message schema), with its exact server time for the
 * chat's cursors and whether this client's write of it is still pending.
 */
export const messageConverter = zodConverter(messageDocSchema, {
  what: 'Message',
  build: (doc, snapshot): ReadMessage => {
    const createdAt: unknown = snapshot.get('createdAt', readOptions);
    const at = createdAt instanceof Timestamp ? createdAt : Timestamp.fromDate(doc.createdAt);
    return { id: snapshot.id, at, doc, pending: snapshot.metadata.hasPendingWrites };
  },
});

export function messagesCollection(db: Firestore, ticketId: string): CollectionReference<ReadMessage> {
  return collection(db, TICKETS, ticketId, MESSAGES).withConverter(messageConverter);
}

/** A fresh id for a message about to be sent (made on the client, before any network). */
export function newMessageId(db: Firestore, ticketId: string): string {
  return doc(messagesCollection(db, ticketId)).id;
}

/** Where a message sits in the chat's order: its exact server time, then its id. */
export interface MessagePosition {
  readonly at: Timestamp;
  readonly id: string;
}

export function comparePositions(a: MessagePosition, b: MessagePosition): number {
  return a.at.seconds - b.at.seconds || a.at.nanoseconds - b.at.nanoseconds || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The newest page of messages, for the chat's one live listener: exactly MESSAGE_PAGE_SIZE
 * documents, no extra one to learn whether older ones exist (a full page says "maybe").
 */
export function newestMessagesQuery(db: Firestore, ticketId: string): Query<ReadMessage> {
  return query(messagesCollection(db, ticketId), orderBy('createdAt'), orderBy(documentId()), limitToLast(MESSAGE_PAGE_SIZE));
}

/** Whether a page read with MESSAGE_PAGE_SIZE may have older messages before it: it came back full. */
export function pageMayHaveOlder(documentCount: number): boolean {
  return documentCount >= MESSAGE_PAGE_SIZE;
}

/**
 * The page just before `oldest`, read once. The cursor is the exact Timestamp (a Date would
 * lose the microseconds and could skip a message written in the same millisecond).
 */
export function messagesBeforeQuery(db: Firestore, ticketId: string, oldest: MessagePosition): Query<ReadMessage> {
  return query(
    messagesCollection(db, ticketId),
    orderBy('createdAt'),
    orderBy(documentId()),
    endBefore(oldest.at, oldest.id),
    limitToLast(MESSAGE_PAGE_SIZE),
  );
}
