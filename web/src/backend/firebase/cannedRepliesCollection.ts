import { CANNED_REPLIES_MAX, cannedReplyDocSchema, type CannedReply } from '@domain';
import { collection, doc, limit, orderBy, query, type CollectionReference, type Firestore, type Query } from 'firebase/firestore';
import { zodConverter } from './documents';

/** `cannedReplies/{id}`: admins write them (console or app), staff read them. */
export const CANNED_REPLIES = 'cannedReplies';

export const cannedReplyConverter = zodConverter(cannedReplyDocSchema, {
  what: 'Canned reply',
  build: (reply, snapshot): CannedReply => ({ ...reply, id: snapshot.id }),
  // A reply an admin typed in the console without a category has none.
  defaults: { category: null },
});

export function cannedRepliesCollection(db: Firestore): CollectionReference<CannedReply> {
  return collection(db, CANNED_REPLIES).withConverter(cannedReplyConverter);
}

/** Every canned reply, by title. */
export function cannedRepliesQuery(db: Firestore): Query<CannedReply> {
  return query(cannedRepliesCollection(db), orderBy('title'), limit(CANNED_REPLIES_MAX));
}

/** A new canned reply's id, made up front: offline the write's promise never settles. */
export function newCannedReplyId(db: Firestore): string {
  return doc(cannedRepliesCollection(db)).id;
}
