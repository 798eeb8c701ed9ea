import { DomainError } from '../domain/index.js';
import type { DocStore } from '../store/port.js';
import { paths } from './docs.js';

/** The part of Firebase Auth that ends sessions: as much of it as "sign out everywhere" needs. */
export interface SessionsPort {
  /** Revokes every refresh token of the account: no device gets a new ID token from an old sign-in. */
  revokeSessions(uid: string): Promise<void>;
}

/**
 * "Sign out of every device", for the signed-in caller only (the uid comes from the callable's
 * auth context, never from its data). The refresh tokens are revoked, then
 * users/{uid}.claimsSyncedAt is stamped: every open client of the account listens to it and
 * refreshes its ID token at once, which now fails, so Auth signs each of them out within
 * moments instead of when its ID token expires (up to an hour). Running twice is harmless.
 */
export async function signOutEverywhere(
  sessions: SessionsPort,
  store: DocStore,
  callerUid: string | undefined,
  deps: { now: Date },
): Promise<void> {
  if (!callerUid) throw new DomainError('unauthenticated', 'Sign in first.');
  await sessions.revokeSessions(callerUid);
  const userPath = paths.user(callerUid);
  await store.runTransaction(async (tx) => {
    if ((await tx.get(userPath)) !== undefined) tx.update(userPath, { claimsSyncedAt: deps.now });
  });
}
