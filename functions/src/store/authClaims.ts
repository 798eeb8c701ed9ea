import type { Auth } from 'firebase-admin/auth';
import type { ClaimsPort } from '../handlers/syncRoleClaims.js';

function isUserNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'auth/user-not-found';
}

/**
 * The role claim on Firebase Auth (firebase-admin). setCustomUserClaims replaces all of a
 * user's custom claims, so the others are read and written back unchanged. A users/{uid}
 * document without an Auth account has no claims to sync.
 */
export function authClaims(auth: Auth): ClaimsPort {
  return {
    async getRole(uid) {
      try {
        const role: unknown = (await auth.getUser(uid)).customClaims?.role;
        return typeof role === 'string' ? role : null;
      } catch (error) {
        if (isUserNotFound(error)) return null;
        throw error;
      }
    },
    async setRole(uid, role) {
      let claims: Record<string, unknown>;
      try {
        claims = { ...(await auth.getUser(uid)).customClaims };
      } catch (error) {
        if (isUserNotFound(error)) return;
        throw error;
      }
      if (role === null) delete claims.role;
      else claims.role = role;
      await auth.setCustomUserClaims(uid, claims);
    },
  };
}
