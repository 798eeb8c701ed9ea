import type { RateLimits } from '@domain';
import type { Auth } from 'firebase/auth';
import type { Firestore } from 'firebase/firestore';
import type { Unsubscribe } from '../port';
import { RateLimitCounters } from '../rateLimitCounters';
import { subscribeRateLimits } from './limitsCollection';
import { subscribeUserProfile } from './usersCollection';

/** What the session learns from following the signed-in account. */
export interface AccountWatchHooks {
  /** When the ID token in use was issued (undefined until known). */
  readonly tokenIssuedAtMs: () => number | undefined;
  /** users/{uid} has (a new) display name: what the session shows and writes under. */
  readonly onDisplayName: (displayName: string) => void;
}

export interface AccountWatch {
  readonly uid: string;
  /** The account's rate-limit counters, as this client knows them. */
  readonly counters: RateLimitCounters;
  readonly stop: Unsubscribe;
}

/**
 * Follows the signed-in account in Firestore for as long as it is signed in: its profile's
 * name, its rate-limit counters, and the claims refresh. A role edited by an admin reaches
 * the custom claims through a trigger, which then stamps `users/{uid}.claimsSyncedAt`; the ID
 * token only carries the new claim once refreshed, so a new stamp refreshes it.
 */
export function watchAccount(
  auth: Auth,
  db: Firestore,
  uid: string,
  limits: RateLimits | undefined,
  hooks: AccountWatchHooks,
): AccountWatch {
  const counters = new RateLimitCounters(uid, limits);
  const stopCounters = subscribeRateLimits(db, uid, (kind, counter) => counters.observe(kind, counter));
  let knownName: string | undefined;
  let seenSyncedAtMs: number | null | undefined;
  const stopProfile = subscribeUserProfile(
    db,
    uid,
    (profile) => {
      if (profile && profile.displayName !== knownName) {
        knownName = profile.displayName;
        hooks.onDisplayName(profile.displayName);
      }
      const syncedAtMs = profile?.claimsSyncedAt?.getTime() ?? null;
      const firstLook = seenSyncedAtMs === undefined;
      const changed = !firstLook && syncedAtMs !== seenSyncedAtMs;
      seenSyncedAtMs = syncedAtMs;
      if (syncedAtMs === null) return;
      // On the first snapshot, refresh only if the sync happened after this token was issued.
      const issuedAtMs = hooks.tokenIssuedAtMs();
      const newerThanToken = issuedAtMs !== undefined && syncedAtMs > issuedAtMs;
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
  return {
    uid,
    counters,
    stop: () => {
      stopProfile();
      stopCounters();
    },
  };
}
