import {
  DomainError,
  parseInput,
  rejectionReasonSchema,
  checkNewTicketDoc,
  newNoteDoc,
  messageInputSchema,
  newMessageDoc,
  newTicketDoc,
  newTicketInputSchema,
  queueFilterSchema,
  roleSchema,
  signInInputSchema,
  signUpInputSchema,
  type DomainErrorCode,
  type RateLimits,
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
import { onSnapshot, type DocumentSnapshot, type FirestoreError, type Query, type QuerySnapshot } from 'firebase/firestore';
import type { OnError, PendingWrite, Session, SupportBackend, Unsubscribe } from '../port';
import { attachmentObjectUrl, uploadAttachment } from './attachmentsStorage';
import { ChatFeed } from './chatFeed';
import { commitRequest } from './commitRequest';
import { subscribeRateLimits } from './limitsCollection';
import { RateLimitCounters } from '../rateLimitCounters';
import {
  attachmentRefsOf,
  newMessageWrites,
  newNoteWrites,
  newProfileWrite,
  newTicketWrites,
  notificationsSeenWrites,
  profileChangeWrite,
  readMarkerWrite,
  ticketChangeWrite,
  type TicketChange,
} from '../writes';
import { ConnectivityTracker } from './connectivity';
import { toDomainError } from './errors';
import { eventsFromSnapshot, ticketEventsQuery } from './eventsCollection';
import { serverFirst } from './firstAnswer';
import type { FirebaseServices } from './firebaseApp';
import { newNoteId, notesFromSnapshot, notesQuery } from './notesCollection';
import {
  newestNotificationsQuery,
  notificationsFromSnapshot,
} from './notificationsCollection';
import { listenToStats } from './statsCollection';
import { myReadMarkersQuery, readMarkersFromSnapshot } from './readsCollection';
import {
  myTicketsQuery,
  pageFromSnapshot,
  queuePageFromSnapshot,
  queueQuery,
  ticketFromSnapshot,
  ticketRef,
  newTicketId,
} from './ticketsCollection';
import {
  profilesFromSnapshot,
  staffQuery,
  subscribeUserProfile,
  usersPageFromSnapshot,
  usersPageQuery,
} from './usersCollection';

const listenOptions = { includeMetadataChanges: false } as const;

function sameSession(a: Session | null | undefined, b: Session | null): boolean {
  if (a === undefined) return false;
  if (a === null || b === null) return a === b;
  return a.uid === b.uid && a.email === b.email && a.displayName === b.displayName && a.role === b.role;
}

/**
 * The SupportBackend on Firebase: Auth for the session, Firestore listeners for every list,
 * client writes that the security rules check and the Cloud Functions complete.
 */
export function createFirebaseBackend(
  services: FirebaseServices,
  /** The bench build raises the rate limits (and runs rules raised alike), to measure the pipeline rather than the cap. */
  limits?: RateLimits,
): SupportBackend {
  const { auth, db, storage } = services;
  const connectivity = new ConnectivityTracker();
  const track = <T,>(write: Promise<T>): Promise<T> => connectivity.track(write);
  const chat = new ChatFeed(db, track, (ticketId, messageId, message) =>
    commitRequest(db, newMessageWrites(ticketId, messageId, message, requireCounters(), new Date())),
  );

  /** undefined until Auth has reported (restoring a persisted sign-in takes a moment). */
  let session: Session | null | undefined;
  const sessionListeners = new Set<(session: Session | null) => void>();
  /** Each token change bumps this; a slower, older computation must not overwrite a newer one. */
  let tokenGeneration = 0;
  let tokenIssuedAtMs: number | undefined;
  /** Between creating an account and naming it, the session already carries the typed name. */
  let pendingSignUp: { email: string; displayName: string } | undefined;
  /**
   * The signed-in user's name as users/{uid} has it: what their messages, notes and tickets
   * are written under (the rules compare them), and their rate-limit counters.
   */
  let profileName: { uid: string; displayName: string } | undefined;
  let counters: RateLimitCounters | undefined;

  function publish(next: Session | null) {
    if (sameSession(session, next)) return;
    // Another person in this tab: nothing of the previous one's chats may show.
    if (session?.uid !== next?.uid) chat.reset();
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
    const stored = profileName?.uid === user.uid ? profileName.displayName : undefined;
    return { uid: user.uid, email, displayName: stored || typedName || user.displayName || email, role };
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
    counters = undefined;
    if (uid === null) return;
    const ownCounters = new RateLimitCounters(uid, limits);
    counters = ownCounters;
    const stopCounters = subscribeRateLimits(db, uid, (kind, counter) => ownCounters.observe(kind, counter));
    let seenSyncedAtMs: number | null | undefined;
    const stopProfile = subscribeUserProfile(
      db,
      uid,
      (profile) => {
        if (profile && profile.displayName !== profileName?.displayName) {
          profileName = { uid, displayName: profile.displayName };
          if (session?.uid === uid) publish({ ...session, displayName: profile.displayName });
        }
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
    roleWatch = {
      uid,
      stop: () => {
        stopProfile();
        stopCounters();
      },
    };
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

  /** The signed-in session, for a write: refused at once without one. */
  function requireSession(): Session {
    if (!session) throw new DomainError('unauthenticated', 'Sign in first.');
    return session;
  }

  function requireCounters(): RateLimitCounters {
    if (!counters) throw new DomainError('unauthenticated', 'Sign in first.');
    return counters;
  }

  /**
   * A client write the UI does not await: counted as pending for the connectivity state, its
   * refusal turned into a DomainError, never an unhandled rejection if nobody listens.
   */
  function pendingWrite(
    id: string,
    write: Promise<void>,
    context?: Partial<Record<DomainErrorCode, string>>,
  ): PendingWrite {
    const committed = track(write).catch((error: unknown) => {
      throw toDomainError(error, context);
    });
    committed.catch(() => {});
    return { id, committed };
  }

  /**
   * A live query for the signed-in user, read with `read` on every snapshot. Its first answer
   * is the server's when online (see serverFirst): a list read from the cache alone can be
   * missing what the server has.
   */
  function listen<T>(
    onError: OnError,
    signedOutMessage: string,
    makeQuery: (current: Session) => Query,
    read: (snapshot: QuerySnapshot) => T,
    onData: (value: T) => void,
    context?: Partial<Record<DomainErrorCode, string>>,
  ): Unsubscribe {
    return withSession(onError, signedOutMessage, (current) => {
      const gate = serverFirst<QuerySnapshot>((snapshot) => onData(read(snapshot)), () => connectivity.state() === 'offline');
      const stop = onSnapshot(makeQuery(current), listenOptions, gate.next, (error: FirestoreError) => {
        gate.stop();
        onError(toDomainError(error, context));
      });
      return () => {
        gate.stop();
        stop();
      };
    });
  }

  const refusedChange = {
    'permission-denied':
      'The desk refused this change: the ticket may have moved on meanwhile, or your role does not allow it.',
  };

  /** A change of a ticket by staff (or its customer closing or reopening it), in the writer's name. */
  function changeTicket(ticketId: string, change: TicketChange): PendingWrite {
    const me = requireSession();
    return pendingWrite(ticketId, commitRequest(db, ticketChangeWrite(ticketId, change, me.uid, new Date())), refusedChange);
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
      const { email, password } = parseInput(signInInputSchema, input);
      try {
        const credential = await signInWithEmailAndPassword(auth, email, password);
        await sessionSettled(signedInAs(credential.user.uid));
      } catch (error) {
        throw toDomainError(error);
      }
    },

    async signUp(input) {
      const { displayName, email, password } = parseInput(signUpInputSchema, input);
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
        track(commitRequest(db, newProfileWrite(user.uid, { email: user.email ?? email, displayName }, new Date()))).catch(
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

    createTicket(input, attachments = [], onProgress = () => {}) {
      const parsed = parseInput(newTicketInputSchema, input);
      const customer = session;
      if (!customer) throw new DomainError('unauthenticated', 'Sign in to open a ticket.');
      const now = new Date();
      // The planned files, as the ticket says of them; their bytes follow once the ticket exists.
      const ticket = newTicketDoc(parsed, customer, now, attachmentRefsOf(attachments));
      const decision = checkNewTicketDoc(customer, ticket);
      if (!decision.allowed) throw new DomainError('permission-denied', decision.reason);
      const id = newTicketId(db);
      const written = commitRequest(db, newTicketWrites(id, ticket, requireCounters(), now));
      // The UI follows the ticket through its listener and may never look at `committed`.
      const { committed } = pendingWrite(id, written, {
        'permission-denied':
          'The desk refused to store this ticket. Reload the page and try again; if it happens again, contact the support desk.',
      });
      // storage.rules check the ticket's owner in Firestore: the files go once it is stored.
      const uploaded = committed.then(async () => {
        if (attachments.length === 0) return;
        try {
          await track(
            Promise.all(
              attachments.map((upload) =>
                uploadAttachment(storage, id, upload, (fraction) => onProgress(upload.slot, fraction)),
              ),
            ),
          );
        } catch (error) {
          throw toDomainError(error, {
            'permission-denied': 'The desk refused an attachment: only images and PDFs within the size limits are stored.',
          });
        }
      });
      uploaded.catch(() => {});
      return { id, committed, uploaded };
    },

    attachmentUrl(ticketId, slot) {
      return attachmentObjectUrl(storage, ticketId, slot).catch((error: unknown) => {
        throw toDomainError(error, {
          'not-found': 'That attachment has not finished uploading.',
          'permission-denied': 'You cannot see this attachment.',
        });
      });
    },

    subscribeTicket(id, onData, onError) {
      return withSession(onError, 'Sign in to see tickets.', () => {
        // A ticket missing from this device's cache reads "does not exist" at first; the
        // server's answer (the ticket, or a refusal) is the one that counts.
        const gate = serverFirst<DocumentSnapshot>(
          (snapshot) => {
            let ticket;
            try {
              ticket = ticketFromSnapshot(snapshot);
            } catch (error) {
              return onError(toDomainError(error));
            }
            onData(ticket);
          },
          () => connectivity.state() === 'offline',
        );
        const stop = onSnapshot(ticketRef(db, id), listenOptions, gate.next, (error) => {
          gate.stop();
          onError(
            toDomainError(error, {
              'permission-denied': 'You cannot see this ticket: it belongs to another customer, or it does not exist.',
            }),
          );
        });
        return () => {
          gate.stop();
          stop();
        };
      });
    },

    subscribeMyTickets(limit, onData, onError) {
      return listen(
        onError,
        'Sign in to see your tickets.',
        (current) => myTicketsQuery(db, current.uid, limit),
        (snapshot) => pageFromSnapshot(snapshot, limit),
        onData,
        { 'permission-denied': 'You cannot see these tickets.' },
      );
    },

    subscribeQueue({ filter, cursor, pageSize }, onData, onError) {
      const parsed = queueFilterSchema.safeParse(filter);
      if (!parsed.success) {
        // Like every subscription failure: through onError, never thrown at the subscriber.
        const reason = parsed.error.issues[0]?.message ?? 'The queue filter is not valid.';
        queueMicrotask(() => onError(new DomainError('invalid-argument', reason)));
        return () => {};
      }
      const parsedFilter = parsed.data;
      return listen(
        onError,
        'Sign in to see the queue.',
        (current) => queueQuery(db, parsedFilter, current.uid, cursor, pageSize),
        (snapshot) => queuePageFromSnapshot(snapshot, parsedFilter, pageSize),
        onData,
        { 'permission-denied': 'Only support staff can see the queue.' },
      );
    },

    subscribeTicketEvents(ticketId, onData, onError) {
      return listen(
        onError,
        'Sign in to see tickets.',
        () => ticketEventsQuery(db, ticketId),
        eventsFromSnapshot,
        onData,
        { 'permission-denied': 'You cannot see the history of this ticket.' },
      );
    },

    // ---- staff actions: the rules decide, the update trigger audits ----

    acceptTicket(ticketId) {
      const me = requireSession();
      return changeTicket(ticketId, { status: 'in_progress', assigneeUid: me.uid });
    },

    rejectTicket(ticketId, reason) {
      const trimmed = parseInput(rejectionReasonSchema, reason);
      return changeTicket(ticketId, { status: 'rejected', rejectionReason: trimmed });
    },

    changeStatus(ticketId, to) {
      return changeTicket(ticketId, { status: to });
    },

    setPriority(ticketId, priority) {
      return changeTicket(ticketId, { priority });
    },

    assignTicket(ticketId, assigneeUid) {
      return changeTicket(ticketId, { assigneeUid });
    },

    // ---- people ----

    subscribeStaff(onData, onError) {
      return listen(
        onError,
        'Sign in first.',
        () => staffQuery(db),
        (snapshot) => profilesFromSnapshot(snapshot, (a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        onData,
        { 'permission-denied': 'Only support staff can see the team.' },
      );
    },

    subscribeUsers(usersQuery, onData, onError) {
      return listen(
        onError,
        'Sign in first.',
        () => usersPageQuery(db, usersQuery),
        (snapshot) => usersPageFromSnapshot(snapshot, usersQuery.pageSize),
        onData,
        { 'permission-denied': 'Only admins can see every user.' },
      );
    },

    setUserRole(uid, role) {
      requireSession();
      return pendingWrite(uid, commitRequest(db, profileChangeWrite(uid, { role })), {
        'permission-denied': 'Only admins change roles, and nobody changes their own.',
      });
    },

    setUserActive(uid, active) {
      requireSession();
      return pendingWrite(uid, commitRequest(db, profileChangeWrite(uid, { active })), {
        'permission-denied': 'Only admins switch accounts on and off, and nobody their own.',
      });
    },

    subscribeStats(range, onData, onError) {
      return withSession(onError, 'Sign in to see the reports.', (current) =>
        listenToStats(db, current, range, onData, (error) => onError(toDomainError(error, { 'permission-denied': 'The reports are for support staff.' }))),
      );
    },

    subscribeNotifications(onData, onError) {
      return listen(
        onError,
        'Sign in to see your notifications.',
        (current) => newestNotificationsQuery(db, current.uid),
        notificationsFromSnapshot,
        onData,
      );
    },

    markNotificationsSeen(ids) {
      const me = requireSession();
      return pendingWrite(me.uid, commitRequest(db, notificationsSeenWrites(me.uid, ids)));
    },

    // ---- chat ----

    subscribeChat(ticketId, olderPages, onData, onError) {
      return withSession(onError, 'Sign in to see the chat.', () =>
        chat.subscribe(ticketId, olderPages, onData, onError),
      );
    },

    sendMessage(ticketId, input) {
      const { text } = parseInput(messageInputSchema, input);
      const me = requireSession();
      return chat.send(ticketId, newMessageDoc({ text }, me, new Date()));
    },

    retryMessage(ticketId, messageId) {
      requireSession();
      return chat.retry(ticketId, messageId);
    },

    subscribeNotes(ticketId, onData, onError) {
      return listen(
        onError,
        'Sign in first.',
        () => notesQuery(db, ticketId),
        notesFromSnapshot,
        onData,
        { 'permission-denied': 'Internal notes are for support staff only.' },
      );
    },

    addNote(ticketId, input) {
      const { text } = parseInput(messageInputSchema, input);
      const me = requireSession();
      const now = new Date();
      const id = newNoteId(db, ticketId);
      const written = commitRequest(db, newNoteWrites(ticketId, id, newNoteDoc({ text }, me, now), requireCounters(), now));
      return pendingWrite(id, written, { 'permission-denied': 'Only support staff write internal notes.' });
    },

    subscribeReadMarkers(onData, onError) {
      return listen(
        onError,
        'Sign in first.',
        (current) => myReadMarkersQuery(db, current.uid),
        readMarkersFromSnapshot,
        onData,
      );
    },

    markRead(ticketId) {
      const me = requireSession();
      return pendingWrite(ticketId, commitRequest(db, readMarkerWrite(ticketId, me.uid, new Date())));
    },

    subscribeConnectivity(onData) {
      return connectivity.subscribe(onData);
    },
  };
}
