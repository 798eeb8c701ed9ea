import { z } from './zod.js';

/** Who someone is at the desk. The truth lives in `users/{uid}.role`; claims mirror it. */
export const roles = ['customer', 'agent', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Staff work the queue: agents and admins. */
export function isStaff(role: Role): boolean {
  return role === 'agent' || role === 'admin';
}

/** The signed-in person an operation is checked against; null when signed out. */
export interface Actor {
  readonly uid: string;
  readonly role: Role;
  /** The email the sign-in proves (the ID token's email claim), where a check needs it. */
  readonly email?: string | null;
  /** Whether that email is verified (the token's email_verified claim); staff rights need it. */
  readonly emailVerified?: boolean;
}

/** Admins run the desk: they manage users and roles (see mayChangeRole). */
export function isAdmin(role: Role): boolean {
  return role === 'admin';
}

export const roleLabels: Record<Role, string> = { customer: 'Customer', agent: 'Agent', admin: 'Admin' };

/**
 * The role someone acts with now: their token's, except that staff whose profile no longer
 * says so (demoted, or switched off) are what the profile says at once, without waiting for
 * the old ID token to expire, and that staff rights need a verified email (the token's
 * email_verified). A promotion waits for the refreshed token. firestore.rules computes the
 * same in role().
 */
export function roleNow(
  tokenRole: Role,
  profile: { readonly role: Role; readonly active: boolean } | undefined,
  emailVerified: boolean,
): Role {
  if (!isStaff(tokenRole)) return tokenRole;
  if (!emailVerified || !profile || !isStaff(profile.role) || !profile.active) return 'customer';
  return tokenRole === 'admin' && profile.role === 'admin' ? 'admin' : 'agent';
}

/**
 * Whether an account may hold the role its profile names: staff roles only with a verified
 * email, so that promoting an address nobody proved to own (a typo, a look-alike) gives no
 * one staff rights. The claims trigger (syncRoleClaims) puts such a role back to customer.
 */
export function mayHoldRole(role: Role, emailVerified: boolean): boolean {
  return !isStaff(role) || emailVerified;
}
