import {
  DomainError,
  mayCreateTicket,
  newTicketDoc,
  newTicketInputSchema,
  roleSchema,
  signInInputSchema,
  signUpInputSchema,
  type Role,
} from '@domain';
import {
  createUserWithEmailAndPassword,
  onIdTokenChanged,
  signInWithEmailAndPassword,
  signOut,
  updateProfile,
  type User,
} from 'firebase/auth';
import { onSnapshot } from 'firebase/firestore';
import type { z } from 'zod';
import type { OnError, Session, SupportBackend, Unsubscribe } from '../port';
import { toDomainError } from './errors';
import type { FirebaseServices } from './firebaseApp';
import {
  myTicketsQuery,
  pageFromSnapshot,
  queueQuery,
  ticketFromSnapshot,
  ticketRef,
  writeNewTicket,
} from './ticketsCollection';
import { subscribeUserProfile, writeNewUserProfile } from './usersCollection';

const listenOptions = { includeMetadataChanges: false } as const;

/** The first schema message, phrased for people, as the error the form shows. */
function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new DomainError('invalid-argument', parsed.error.issues[0]?.message ?? 'Check the form and try again.');
}

function sameSession(a: Session | null | undefined, b: Session | null): boolean {
  if (a === undefined) return false;
  if (a === null || b === null) return a === b;
  return a.uid === b.uid && a.email === b.email && a.displayName === b.displayName && a.role === b.role;
}

/**
 * The SupportBackend on Firebase: Auth for the session, Firestore listeners for every list,
 * client writes that the security rules check and the Cloud Functions complete.
 */
export function createFirebaseBackend(services: FirebaseServices): SupportBackend {
  const { auth, db } = services;

  /** undefined until Auth has reported (restoring a persisted sign-in takes a moment). */
  let session: Session | null | undefined;
  const sessionListeners = new Set<(session: Session | null) => void>();
  /** Each token change bumps this; a slower, older computation must not overwrite a newer one. */
  let tokenGeneration = 0;
  let tokenIssuedAtMs: number | undefined;
  /** Between creating an account and naming it, the session already carries the typed name. */
  let pendingSignUp: { email: string; displayName: string } | undefined;

  function publish(next: Session | null) {
    if (sameSession(session, next)) return;
    session = next;
    for (const listener of [...sessionListeners]) listener(next);
  }

  async function sessionFor(user: User): Promise<Session> {
    let role: Role = 'customer';
    try {
      const token = await user.getIdTokenResult();
      const claim = roleSchema.safeParse(token.claims.role);
      role = claim.success ? claim.data : 'customer';
      tokenIssuedAtMs = Date.parse(token.issuedAtTime);
    } catch (error) {
      // Offline with an expired token: keep the role shown so far rather than demote staff.
      if (session?.uid === user.uid) role = session.role;
      console.warn('Could not read the role from the ID token; it will update when online.', error);
    }
    const email = user.email ?? '';
    const typedName = pendingSignUp?.email === email.toLowerCase() ? pendingSignUp.displayName : undefined;
    return { uid: user.uid, email, displayName: user.displayName || typedName || email, role };
  }

  async function refreshSession(user: User | null): Promise<void> {
    const generation = ++tokenGeneration;
    watchRoleChanges(user?.uid ?? null);
    const next = user ? await sessionFor(user) : null;
    if (generation === tokenGeneration) publish(next);
  }

  /**
   * A role edited by an admin reaches the custom claims through a trigger, which then stamps
   * `users/{uid}.claimsSyncedAt`; the ID token only carries the new claim once refreshed.
   */
  let roleWatch: { uid: string; stop: Unsubscribe } | undefined;
  function watchRoleChanges(uid: string | null) {
    if (roleWatch?.uid === uid) return;
    roleWatch?.stop();
    roleWatch = undefined;
    if (uid === null) return;
    let seenSyncedAtMs: number | null | undefined;
    const stop = subscribeUserProfile(
      db,
      uid,
      (profile) => {
        const syncedAtMs = profile?.claimsSyncedAt?.getTime() ?? null;
        const firstLook = seenSyncedAtMs === undefined;
        const changed = !firstLook && syncedAtMs !== seenSyncedAtMs;
        seenSyncedAtMs = syncedAtMs;
        if (syncedAtMs === null) return;
        // On the first snapshot, refresh only if the sync happened after this token was issued.
        const newerThanToken = tokenIssuedAtMs !== undefined && syncedAtMs > tokenIssuedAtMs;
        if (changed || (firstLook && newerThanToken)) {
          const user = auth.currentUser;
          if (user?.uid === uid) {
            user.getIdToken(true).catch((error: unknown) => {
              console.warn('Could not refresh the ID token after a role change.', error);
            });
          }
        }
      },
      (error) => {
        // The session stands on Auth alone: without the profile, a role change shows later.
        // 'aborted' is the app shutting down (terminate/deleteApp): nothing to report.
        if ('code' in error && error.code === 'aborted') return;
        console.warn('Stopped following role changes for this session.', error);
      },
    );
    roleWatch = { uid, stop };
  }

  onIdTokenChanged(auth, (user) => void refreshSession(user));

  /** Resolves once the published session satisfies `accept` (sign-in settles into a session). */
  function sessionSettled(accept: (session: Session | null) => boolean): Promise<void> {
    if (session !== undefined && accept(session)) return Promise.resolve();
    return new Promise((resolve) => {
      const listener = (next: Session | null) => {
        if (!accept(next)) return;
        sessionListeners.delete(listener);
        resolve();
      };
      sessionListeners.add(listener);
    });
  }

  function signedInAs(uid: string) {
    // Also settle if someone else signed in meanwhile: that session is the answer then.
    return (next: Session | null) => next?.uid === uid || auth.currentUser?.uid !== uid;
  }

  /**
   * Starts a listener once the session is known; refuses without one. Errors arrive
   * asynchronously, as Firestore's own do.
   */
  function withSession(
    onError: OnError,
    signedOutMessage: string,
    start: (session: Session) => Unsubscribe,
  ): Unsubscribe {
    let stop: Unsubscribe | undefined;
    let cancelled = false;
    const begin = (known: Session | null) => {
      if (cancelled) return;
      if (known) stop = start(known);
      else onError(new DomainError('unauthenticated', signedOutMessage));
    };
    if (session !== undefined) {
      const known = session;
      if (known) stop = start(known);
      else queueMicrotask(() => begin(null));
    } else {
      void sessionSettled(() => true).then(() => begin(session ?? null));
    }
    return () => {
      cancelled = true;
      stop?.();
    };
  }

  return {
    kind: 'firebase',
    demoAccounts: [],

    subscribeSession(onChange) {
      sessionListeners.add(onChange);
      if (session !== undefined) onChange(session);
      return () => void sessionListeners.delete(onChange);
    },

    async signIn(input) {
      const { email, password } = parseOrThrow(signInInputSchema, input);
      try {
        const credential = await signInWithEmailAndPassword(auth, email, password);
        await sessionSettled(signedInAs(credential.user.uid));
      } catch (error) {
        throw toDomainError(error);
      }
    },

    async signUp(input) {
      const { displayName, email, password } = parseOrThrow(signUpInputSchema, input);
      pendingSignUp = { email: email.toLowerCase(), displayName };
      try {
        const { user } = await createUserWithEmailAndPassword(auth, email, password);
        try {
          await updateProfile(user, { displayName });
        } catch (error) {
          // The account exists and users/{uid} carries the name; the session shows the typed name.
          console.warn('Could not save the display name on the account.', error);
        }
        // Not awaited: offline, a Firestore write never settles, and the account already exists.
        writeNewUserProfile(db, user.uid, { email: user.email ?? email, displayName }).catch(
          (error: unknown) => console.error('Could not save the new profile in users/{uid}.', error),
        );
        // updateProfile notifies listeners only if the token changed: publish the name anyway.
        await refreshSession(auth.currentUser);
        await sessionSettled(signedInAs(user.uid));
      } catch (error) {
        throw toDomainError(error);
      } finally {
        pendingSignUp = undefined;
      }
    },

    switchAccount() {
      return Promise.reject(
        new DomainError(
          'failed-precondition',
          'Demo accounts exist only on the local backend. Sign in with your email and password.',
        ),
      );
    },

    async signOut() {
      try {
        await signOut(auth);
        await sessionSettled((next) => next === null || auth.currentUser !== null);
      } catch (error) {
        throw toDomainError(error);
      }
    },

    createTicket(input) {
      const parsed = parseOrThrow(newTicketInputSchema, input);
      const customer = session;
      if (!customer) throw new DomainError('unauthenticated', 'Sign in to open a ticket.');
      const ticket = newTicketDoc(parsed, customer, new Date());
      const decision = mayCreateTicket(customer, ticket);
      if (!decision.allowed) throw new DomainError('permission-denied', decision.reason);
      const { id, written } = writeNewTicket(db, ticket);
      const committed = written.catch((error: unknown) => {
        throw toDomainError(error, {
          'permission-denied': 'The desk refused this ticket. Sign in again and retry.',
        });
      });
      // The UI follows the ticket through its listener and may never look at `committed`;
      // an ignored refusal must not surface as an unhandled rejection.
      committed.catch(() => undefined);
      return { id, committed };
    },

    subscribeTicket(id, onData, onError) {
      return withSession(onError, 'Sign in to see tickets.', () =>
        onSnapshot(
          ticketRef(db, id),
          listenOptions,
          (snapshot) => {
            let ticket;
            try {
              ticket = ticketFromSnapshot(snapshot);
            } catch (error) {
              return onError(toDomainError(error));
            }
            onData(ticket);
          },
          (error) =>
            onError(
              toDomainError(error, {
                'permission-denied':
                  'You cannot see this ticket: it belongs to another customer, or it does not exist.',
              }),
            ),
        ),
      );
    },

    subscribeMyTickets(limit, onData, onError) {
      return withSession(onError, 'Sign in to see your tickets.', (current) =>
        onSnapshot(
          myTicketsQuery(db, current.uid, limit),
          listenOptions,
          (snapshot) => onData(pageFromSnapshot(snapshot, limit)),
          (error) =>
            onError(toDomainError(error, { 'permission-denied': 'You cannot see these tickets.' })),
        ),
      );
    },

    subscribeQueue({ statuses, limit }, onData, onError) {
      return withSession(onError, 'Sign in to see the queue.', () =>
        onSnapshot(
          queueQuery(db, statuses, limit),
          listenOptions,
          (snapshot) => onData(pageFromSnapshot(snapshot, limit)),
          (error) =>
            onError(toDomainError(error, { 'permission-denied': 'Only support staff can see the queue.' })),
        ),
      );
    },
  };
}
