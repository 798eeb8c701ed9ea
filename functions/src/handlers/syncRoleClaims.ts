import { roleSchema, type Role } from '../domain/index.js';
import type { DocData, DocStore } from '../store/port.js';
import { paths } from './docs.js';

/** The custom-claims side of Firebase Auth, as much of it as the role sync needs. */
export interface ClaimsPort {
  getRole(uid: string): Promise<string | null>;
  setRole(uid: string, role: Role | null): Promise<void>;
}

export type ClaimsSyncOutcome = 'unchanged' | 'set' | 'cleared';

/**
 * "User written": mirrors users/{uid}.role into the custom claim the rules read. A claim
 * that already says the same is left alone (no token refresh for nothing); otherwise the
 * claim is set and users/{uid}.claimsSyncedAt stamped, which the client listens to in order
 * to refresh its ID token. A deleted user document clears the claim. No claim reads as
 * customer, in the rules and here. A role the domain does not know counts as none.
 */
function roleOf(data: DocData | undefined): Role | null {
  const parsed = roleSchema.safeParse(data?.role);
  return data !== undefined && parsed.success ? parsed.data : null;
}

export async function syncRoleClaims(
  claims: ClaimsPort,
  store: DocStore,
  uid: string,
  deps: { now: Date },
): Promise<ClaimsSyncOutcome> {
  const userPath = paths.user(uid);
  const data = await store.runTransaction((tx) => tx.get(userPath));
  const wanted = roleOf(data);
  const current = await claims.getRole(uid);
  if ((current ?? 'customer') === (wanted ?? 'customer')) return 'unchanged';

  await claims.setRole(uid, wanted);
  if (data === undefined) return 'cleared';
  await store.runTransaction(async (tx) => {
    // Stamp only a document that still exists and still holds the role just set.
    const latest = await tx.get(userPath);
    if (latest !== undefined && roleOf(latest) === wanted) tx.update(userPath, { claimsSyncedAt: deps.now });
  });
  return wanted === null ? 'cleared' : 'set';
}
