import { roleSchema, type Role } from '../domain/index.js';
import type { DocData, DocStore } from '../store/port.js';
import { paths } from './docs.js';
import { refuseUnverifiedStaff } from './refuseUnverifiedStaff.js';

/**
 * The desk's custom claims, as the rules read them: `role` (none reads as customer) and
 * `active` (none reads as active). null means "no such claim".
 */
export interface DeskClaims {
  readonly role: string | null;
  readonly active: boolean | null;
}

/** The custom-claims side of Firebase Auth, as much of it as the sync needs. */
export interface ClaimsPort {
  /** The claims the user's tokens carry now; a user without an Auth account has none. */
  getClaims(uid: string): Promise<DeskClaims>;
  /** Sets both claims (null removes one), leaving any other custom claim alone. */
  setClaims(uid: string, claims: { role: Role | null; active: boolean | null }): Promise<void>;
  /** Ends every session of the user: no new ID token is minted from an old sign-in. */
  revokeSessions(uid: string): Promise<void>;
  /** Whether the account's email is verified; false for a uid without an Auth account. */
  emailVerified(uid: string): Promise<boolean>;
}

/** 'refused': the profile named a staff role for an unverified account; it is back to customer. */
export type ClaimsSyncOutcome = 'unchanged' | 'set' | 'cleared' | 'refused';

/** The claims users/{uid} calls for: a role the domain does not know counts as none. */
function wantedClaims(data: DocData | undefined): { role: Role | null; active: boolean | null } {
  if (data === undefined) return { role: null, active: null };
  const parsed = roleSchema.safeParse(data.role);
  return { role: parsed.success ? parsed.data : null, active: data.active !== false };
}

const sameRole = (a: string | null, b: string | null) => (a ?? 'customer') === (b ?? 'customer');
const sameActive = (a: boolean | null, b: boolean | null) => (a ?? true) === (b ?? true);

/**
 * "User written": mirrors users/{uid}.role and .active into the custom claims the rules
 * read. Claims that already say the same are left alone (no token refresh for nothing);
 * otherwise the claims are set and users/{uid}.claimsSyncedAt stamped, which the client
 * listens to in order to refresh its ID token. A deleted user document clears both claims.
 *
 * A staff role for an account whose email is not verified is refused: the profile is put
 * back to customer and no staff claim is given (the rules also want email_verified for
 * staff rights). The admin promotes the account again once its owner has verified it.
 *
 * An account switched off also loses its sessions: its refresh tokens are revoked, so no
 * new ID token is minted and the app signs it out at its next refresh. An ID token minted
 * before stays valid until it expires (up to an hour): the rules cannot see a revocation,
 * only the `active` claim of tokens minted after this sync.
 */
export async function syncRoleClaims(
  claims: ClaimsPort,
  store: DocStore,
  uid: string,
  deps: { now: Date },
): Promise<ClaimsSyncOutcome> {
  const userPath = paths.user(uid);
  const data = await store.runTransaction((tx) => tx.get(userPath));
  let wanted = wantedClaims(data);
  // Staff rights only for a verified email: the profile goes back to customer (which runs
  // this trigger again, to no effect), and the claims say customer meanwhile.
  const refused = wanted.role !== null && (await refuseUnverifiedStaff(store, uid, wanted.role, () => claims.emailVerified(uid)));
  if (refused) wanted = { ...wanted, role: 'customer' };
  const current = await claims.getClaims(uid);
  if (sameRole(current.role, wanted.role) && sameActive(current.active, wanted.active)) return refused ? 'refused' : 'unchanged';

  await claims.setClaims(uid, wanted);
  const switchedOff = wanted.active === false && current.active !== false;
  if (switchedOff) await claims.revokeSessions(uid);
  if (data === undefined) return 'cleared';
  await store.runTransaction(async (tx) => {
    // Stamp only a document that still exists and still calls for the claims just set.
    const latest = await tx.get(userPath);
    if (latest === undefined) return;
    const now = wantedClaims(latest);
    if (now.role === wanted.role && now.active === wanted.active) tx.update(userPath, { claimsSyncedAt: deps.now });
  });
  if (refused) return 'refused';
  return wanted.role === null ? 'cleared' : 'set';
}
