import { DomainError, PEOPLE_QUERY_MAX, userDocSchema, type UserProfile } from '@domain';
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
  type DocumentReference,
  type Firestore,
  type FirestoreError,
  type Query,
  type QueryConstraint,
  type QuerySnapshot,
  type Unsubscribe,
} from 'firebase/firestore';
import type { UsersPage, UsersQuery } from '../port';
import { parseDocument, parseEach, readOptions } from './documents';

/** `users/{uid}`: the profile the user writes at sign-up and the role an admin edits. */
export const USERS = 'users';

export function usersCollection(db: Firestore) {
  return collection(db, USERS);
}

export function userRef(db: Firestore, uid: string): DocumentReference {
  return doc(db, USERS, uid);
}

/** Agents and admins: the assignee picker and filter (the rules cap any list of people). */
export function staffQuery(db: Firestore): Query {
  return query(usersCollection(db), where('role', 'in', ['agent', 'admin']), limit(PEOPLE_QUERY_MAX));
}

/**
 * One page of everyone for the admins' users page, in email order (ties by uid), asking for
 * one more than the page to know whether another follows.
 */
export function usersPageQuery(db: Firestore, { cursor, pageSize }: UsersQuery): Query {
  const constraints: QueryConstraint[] = [orderBy('email'), orderBy(documentId())];
  if (cursor) constraints.push(startAfter(cursor.email, cursor.uid));
  constraints.push(limit(Math.min(pageSize, PEOPLE_QUERY_MAX - 1) + 1));
  return query(usersCollection(db), ...constraints);
}

export function usersPageFromSnapshot(snapshot: QuerySnapshot, pageSize: number): UsersPage {
  const profiles = parseEach(snapshot.docs, (d) => userProfileFromData(d.id, d.data(readOptions)));
  const items = profiles.slice(0, pageSize);
  const last = items.at(-1);
  return { items, nextCursor: snapshot.docs.length > pageSize && last ? { email: last.email, uid: last.uid } : null };
}


export function userProfileFromData(uid: string, data: Record<string, unknown>): UserProfile {
  // A profile written before claims were ever synced may lack the field: that means "never".
  return { ...parseDocument(userDocSchema, 'The profile of', uid, { claimsSyncedAt: null, ...data }), uid };
}

/** Profiles of a list, by display name; a malformed one is logged and left out. */
export function profilesFromSnapshot(snapshot: QuerySnapshot, compare: (a: string, b: string) => number): UserProfile[] {
  return parseEach(snapshot.docs, (d) => userProfileFromData(d.id, d.data(readOptions))).sort((a, b) =>
    compare(a.displayName, b.displayName),
  );
}

/** Follows one profile; null while it does not exist (e.g. the sign-up write is still offline). */
export function subscribeUserProfile(
  db: Firestore,
  uid: string,
  onData: (profile: UserProfile | null) => void,
  onError: (error: FirestoreError | DomainError) => void,
): Unsubscribe {
  return onSnapshot(
    userRef(db, uid),
    { includeMetadataChanges: false },
    (snapshot) => {
      if (!snapshot.exists()) return onData(null);
      let profile: UserProfile;
      try {
        profile = userProfileFromData(uid, snapshot.data(readOptions));
      } catch (error) {
        return onError(error as DomainError);
      }
      onData(profile);
    },
    onError,
  );
}
