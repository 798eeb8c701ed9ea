import { PEOPLE_QUERY_MAX, userDocSchema, type UserProfile } from '@domain';
import {
  collection,
  doc,
  documentId,
  limit,
  onSnapshot,
  orderBy,
  query,
  startAfter,
  where,
  type CollectionReference,
  type DocumentReference,
  type Firestore,
  type FirestoreError,
  type Query,
  type QueryConstraint,
  type QuerySnapshot,
  type Unsubscribe,
} from 'firebase/firestore';
import type { UsersPage, UsersQuery } from '../port';
import { itemsOf, zodConverter } from './documents';

/** `users/{uid}`: the profile the user writes at sign-up and the role an admin edits. */
export const USERS = 'users';

/** A profile read back (the domain's user schema), with its uid. */
export const userConverter = zodConverter(userDocSchema, {
  what: 'The profile of',
  where: (snapshot) => snapshot.id,
  // A profile written before claims were ever synced may lack the field: that means "never".
  defaults: { claimsSyncedAt: null },
  build: (doc, snapshot): UserProfile => ({ ...doc, uid: snapshot.id }),
});

export function usersCollection(db: Firestore): CollectionReference<UserProfile> {
  return collection(db, USERS).withConverter(userConverter);
}

export function userRef(db: Firestore, uid: string): DocumentReference<UserProfile> {
  return doc(usersCollection(db), uid);
}

/** Agents and admins: the assignee picker and filter (the rules cap any list of people). */
export function staffQuery(db: Firestore): Query<UserProfile> {
  return query(usersCollection(db), where('role', 'in', ['agent', 'admin']), limit(PEOPLE_QUERY_MAX));
}

/**
 * One page of everyone for the admins' users page, in email order (ties by uid), asking for
 * one more than the page to know whether another follows.
 */
export function usersPageQuery(db: Firestore, { cursor, pageSize }: UsersQuery): Query<UserProfile> {
  const constraints: QueryConstraint[] = [orderBy('email'), orderBy(documentId())];
  if (cursor) constraints.push(startAfter(cursor.email, cursor.uid));
  constraints.push(limit(Math.min(pageSize, PEOPLE_QUERY_MAX - 1) + 1));
  return query(usersCollection(db), ...constraints);
}

export function usersPageFromSnapshot(snapshot: QuerySnapshot<UserProfile>, pageSize: number): UsersPage {
  const items = itemsOf(snapshot).slice(0, pageSize);
  const last = items.at(-1);
  return { items, nextCursor: snapshot.docs.length > pageSize && last ? { email: last.email, uid: last.uid } : null };
}

/** Profiles of a list, by display name; a malformed one is logged and left out. */
export function profilesFromSnapshot(
  snapshot: QuerySnapshot<UserProfile>,
  compare: (a: string, b: string) => number,
): UserProfile[] {
  return itemsOf(snapshot).sort((a, b) => compare(a.displayName, b.displayName));
}

/** Follows one profile; null while it does not exist (e.g. the sign-up write is still offline). */
export function subscribeUserProfile(
  db: Firestore,
  uid: string,
  onData: (profile: UserProfile | null) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  return onSnapshot(
    userRef(db, uid),
    { includeMetadataChanges: false },
    (snapshot) => {
      let profile: UserProfile | undefined;
      try {
        profile = snapshot.data();
      } catch (error) {
        return onError(error as Error);
      }
      onData(profile ?? null);
    },
    (error: FirestoreError) => onError(error),
  );
}
