import { DomainError, newUserDoc, userDocSchema, type UserProfile } from '@domain';
import {
  Timestamp,
  doc,
  onSnapshot,
  serverTimestamp,
  setDoc,
  type DocumentReference,
  type Firestore,
  type FirestoreError,
  type Unsubscribe,
} from 'firebase/firestore';
import { readOptions } from './ticketsCollection';

/** `users/{uid}`: the profile the user writes at sign-up and the role an admin edits. */
export const USERS = 'users';

export function userRef(db: Firestore, uid: string): DocumentReference {
  return doc(db, USERS, uid);
}

/**
 * The profile written at sign-up: always a customer (the rules refuse anything else). The
 * returned promise settles only when the server has it: never await it in the UI.
 */
export function writeNewUserProfile(
  db: Firestore,
  uid: string,
  profile: { email: string; displayName: string },
): Promise<void> {
  return setDoc(userRef(db, uid), {
    ...newUserDoc(profile, new Date()),
    createdAt: serverTimestamp(),
  });
}

function toDate(value: unknown): unknown {
  return value instanceof Timestamp ? value.toDate() : value;
}

export function userProfileFromData(uid: string, data: Record<string, unknown>): UserProfile {
  const parsed = userDocSchema.safeParse({
    ...data,
    createdAt: toDate(data.createdAt),
    claimsSyncedAt: toDate(data.claimsSyncedAt ?? null),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError(
      'failed-precondition',
      `The profile of ${uid} is stored in a shape the app does not understand (${issue?.path.join('.') ?? 'document'}: ${issue?.message ?? 'invalid'}).`,
    );
  }
  return { ...parsed.data, uid };
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
