import { DomainError, type RateLimits } from '@domain';
import type { SupportBackend } from '../port';
import { newMessageWrites } from '../writes';
import { AuthSession } from './authSession';
import { ChatFeed } from './chatFeed';
import { commitCounted } from './commitCounted';
import { ConnectivityTracker } from './connectivity';
import type { FirebaseServices } from './firebaseApp';
import { firebaseAccounts, type FirebaseAccountsOptions } from './firebaseAccounts';
import { firebaseCommands } from './firebaseCommands';
import { firestoreReads } from './firestoreReads';
import { suggestTriageByCallable } from './triageCallable';
import { loadOnFirstUse } from '../../loading/whenIdle';
import { subscribeWhenLoaded } from '../subscribeWhenLoaded';
import { toDomainError } from './errors';

// The reports' reads (the stats documents with the domain's stats schemas) load with the first
// reports subscription, or once the browser is idle: not with every signed-in screen.
const statsReads = loadOnFirstUse(() => import('./statsCollection'));

/**
 * The SupportBackend on Firebase, put together from one part per job: the session on Auth
 * (authSession.ts, with the claims refresh), the subscriptions on Firestore listeners
 * (firestoreReads.ts), the commands that carry out writes.ts's requests (firebaseCommands.ts,
 * with Storage for attachments), and the connectivity every write is counted in.
 */
export function createFirebaseBackend(
  services: FirebaseServices,
  /** The bench build raises the rate limits (and runs rules raised alike), to measure the pipeline rather than the cap. */
  limits?: RateLimits,
  accountOptions?: FirebaseAccountsOptions,
): SupportBackend {
  const { auth, db, attachments } = services;
  const connectivity = new ConnectivityTracker();
  const track = <T,>(write: Promise<T>): Promise<T> => connectivity.track(write);
  const isOffline = () => connectivity.state() === 'offline';
  // The chat's messages carry the writer's rate-limit step, so it asks the session for the counters.
  const chat = new ChatFeed(db, track, (ticketId, messageId, message) => {
    const counters = session.counters();
    return commitCounted(db, counters, 'messages', (at) => newMessageWrites(ticketId, messageId, message, counters, at));
  });
  // Another person in this tab: nothing of the previous one's chats may show.
  const session: AuthSession = new AuthSession({
    auth,
    db,
    limits,
    track,
    onPersonChanged: () => chat.reset(),
    onPublish: (before, next) => accounts.observeSession(before, next),
    beforeSignOut: () => accounts.expectSignOut(),
    afterSignUp: (user) => accounts.afterSignUp(user),
  });
  const accounts = firebaseAccounts(
    services,
    {
      settledAs: (uid) => session.settledAs(uid),
      settledSignedOut: () => session.settledSignedOut(),
      requireSession: () => session.require(),
      track,
    },
    accountOptions,
  );

  return {
    ...accounts.methods,
    kind: 'firebase',
    demoAccounts: [],

    subscribeSession: (onChange) => session.subscribe(onChange),
    signIn: (input) => session.signIn(input),
    signUp: (input) => session.signUp(input),
    switchAccount() {
      return Promise.reject(
        new DomainError(
          'failed-precondition',
          'Demo accounts exist only on the local backend. Sign in with your email and password.',
        ),
      );
    },
    signOut: () => session.signOut(),

    ...firestoreReads(db, session, chat, isOffline),
    subscribeStats: (range, onData, onError) =>
      subscribeWhenLoaded(
        statsReads,
        ({ firestoreStatsReads }) => firestoreStatsReads(db, session).subscribeStats(range, onData, onError),
        onError,
        (error) => toDomainError(error),
      ),
    ...firebaseCommands({ db, attachments, session, chat, track }),

    subscribeConnectivity: (onData) => connectivity.subscribe(onData),
    suggestTriage: (input) => suggestTriageByCallable(services.functions, input, isOffline),
  };
}
