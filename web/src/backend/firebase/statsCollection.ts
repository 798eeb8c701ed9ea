import {
  STATS_COLLECTION,
  agentAllDocSchema,
  agentMonthDocSchema,
  deskMonthDocSchema,
  firstMonthOfRange,
  isAdmin,
  statsDocIds,
  summaryDocSchema,
  type StatsRange,
  type StatsView,
} from '@domain';
import {
  collection,
  doc,
  onSnapshot,
  query,
  where,
  type DocumentSnapshot,
  type Firestore,
  type FirestoreError,
  type Query,
  type QueryConstraint,
  type QuerySnapshot,
} from 'firebase/firestore';
import type { z } from 'zod/mini';
import type { Session, SupportBackend, Unsubscribe } from '../port';
import type { AuthSession } from './authSession';
import { toDomainError } from './errors';
import { statsViewAssembler } from '../statsView';
import { parseDocument, readOptions } from './documents';

/**
 * `stats/*`: the reports' documents, kept by the functions with increment(). A range reads
 * the desk's month documents from its first month (90 days: at most 4), the agents' rows
 * the viewer may see (an agent their own, an admin every agent's: at most 4 a head) and the
 * summary, and never a ticket. Each query is an equality on scope (and agent) with a
 * range on month: composite indexes in firestore.indexes.json.
 */
export function statsQueries(db: Firestore, viewer: Pick<Session, 'uid' | 'role'>, range: StatsRange, today = new Date()) {
  const stats = collection(db, STATS_COLLECTION);
  const first = firstMonthOfRange(range, today);
  const fromMonth: QueryConstraint[] = first === null ? [] : [where('month', '>=', first)];
  const ownOnly: QueryConstraint[] = isAdmin(viewer.role) ? [] : [where('agentUid', '==', viewer.uid)];
  const agents: Query =
    range === 'all'
      ? query(stats, where('scope', '==', 'agent_all'), ...ownOnly)
      : query(stats, where('scope', '==', 'agent'), ...ownOnly, ...fromMonth);
  return {
    desk: query(stats, where('scope', '==', 'desk'), ...fromMonth),
    agents,
    summary: doc(db, STATS_COLLECTION, statsDocIds.summary),
  };
}

/** Listens to the three reads of a range; `onRead` hears how many documents each snapshot brought. */
export function listenToStats(
  db: Firestore,
  viewer: Pick<Session, 'uid' | 'role'>,
  range: StatsRange,
  onData: (view: StatsView) => void,
  onError: (error: FirestoreError) => void,
  onRead: (documents: number) => void = () => {},
): Unsubscribe {
  const queries = statsQueries(db, viewer, range);
  const view = statsViewAssembler(onData);
  const changed = (snapshot: QuerySnapshot) => onRead(snapshot.docChanges().length);
  // A stats document in a shape the app does not know (a console edit) is logged and left out.
  const parse = <T,>(snapshot: QuerySnapshot, schema: z.ZodMiniType<T>) =>
    snapshot.docs.flatMap((d) => {
      try {
        return [parseDocument(schema, 'Stats document', d.ref.path, d.data(readOptions))];
      } catch (error) {
        console.error(error);
        return [];
      }
    });
  const stops = [
    onSnapshot(queries.desk, (snapshot) => (changed(snapshot), view.desk(parse(snapshot, deskMonthDocSchema))), onError),
    onSnapshot(
      queries.agents,
      (snapshot) => (changed(snapshot), view.agents(range === 'all' ? parse(snapshot, agentAllDocSchema) : parse(snapshot, agentMonthDocSchema))),
      onError,
    ),
    onSnapshot(
      queries.summary,
      (snapshot: DocumentSnapshot) => {
        onRead(1);
        view.summary(snapshot.exists() ? parseDocument(summaryDocSchema, 'Stats document', snapshot.ref.path, snapshot.data(readOptions)) : null);
      },
      onError,
    ),
  ];
  return () => stops.forEach((stop) => stop());
}

/** The port's reports subscription on Firestore, for the signed-in staff member. */
export function firestoreStatsReads(db: Firestore, session: AuthSession): Pick<SupportBackend, 'subscribeStats'> {
  return {
    subscribeStats(range, onData, onError) {
      return session.withSession(onError, 'Sign in to see the reports.', (current) =>
        listenToStats(db, current, range, onData, (error) =>
          onError(toDomainError(error, { 'permission-denied': 'The reports are for support staff.' })),
        ),
      );
    },
  };
}
