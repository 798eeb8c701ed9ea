import type { DomainErrorCode } from '@domain';
import {
  onSnapshot,
  type DocumentReference,
  type DocumentSnapshot,
  type FirestoreError,
  type Query,
  type QuerySnapshot,
} from 'firebase/firestore';
import type { OnError, Unsubscribe } from '../port';
import { toDomainError } from './errors';
import { serverFirst } from './firstAnswer';

const listenOptions = { includeMetadataChanges: false } as const;

/** What turns a listener's failure into the sentence the user reads. */
export type ErrorContext = Partial<Record<DomainErrorCode, string>>;

/**
 * A live query read with `read` on every snapshot. Its first answer is the server's when
 * online (see serverFirst): a list read from the cache alone can be missing what the server
 * has.
 */
export function listenToQuery<S, T>(
  query: Query<S>,
  read: (snapshot: QuerySnapshot<S>) => T,
  onData: (value: T) => void,
  onError: OnError,
  isOffline: () => boolean,
  context?: ErrorContext,
): Unsubscribe {
  const gate = serverFirst<QuerySnapshot<S>>((snapshot) => onData(read(snapshot)), isOffline);
  const stop = onSnapshot(query, listenOptions, gate.next, (error: FirestoreError) => {
    gate.stop();
    onError(toDomainError(error, context));
  });
  return () => {
    gate.stop();
    stop();
  };
}

/**
 * One live document; null while it does not exist. A document missing from this device's
 * cache reads "does not exist" at first; the server's answer (the document, or a refusal) is
 * the one that counts. A document the converter refuses is reported through onError.
 */
export function listenToDocument<T>(
  ref: DocumentReference<T>,
  onData: (value: T | null) => void,
  onError: OnError,
  isOffline: () => boolean,
  context?: ErrorContext,
): Unsubscribe {
  const gate = serverFirst<DocumentSnapshot<T>>((snapshot) => {
    let value: T | undefined;
    try {
      value = snapshot.data();
    } catch (error) {
      return onError(toDomainError(error));
    }
    onData(value ?? null);
  }, isOffline);
  const stop = onSnapshot(ref, listenOptions, gate.next, (error: FirestoreError) => {
    gate.stop();
    onError(toDomainError(error, context));
  });
  return () => {
    gate.stop();
    stop();
  };
}
