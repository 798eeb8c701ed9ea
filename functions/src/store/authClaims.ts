import type { Auth } from 'firebase-admin/auth';
import type { ClaimsPort } from '../handlers/syncRoleClaims.js';

function isUserNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'auth/user-not-found';
}

/**
 * The desk's claims on Firebase Auth (firebase-admin). setCustomUserClaims replaces all of
 * a user's custom claims, so the others are read and written back unchanged. A users/{uid}
 * document without an Auth account has no claims to sync and no sessions to end.
 */
export function authClaims(auth: Auth): ClaimsPort {
  async function customClaimsOf(uid: string): Promise<Record<string, unknown> | null> {
    try {
      return { ...(await auth.getUser(uid)).customClaims };
    } catch (error) {
      if (isUserNotFound(error)) return null;
      throw error;
    }
  }

  return {
    async getClaims(uid) {
      const claims = (await customClaimsOf(uid)) ?? {};
      return {
        role: typeof claims.role === 'string' ? claims.role : null,
        active: typeof claims.active === 'boolean' ? claims.active : null,
      };
    },
    async setClaims(uid, { role, active }) {
      const claims = await customClaimsOf(uid);
      if (claims === null) return;
      if (role === null) delete claims.role;
      else claims.role = role;
      if (active === null) delete claims.active;
      else claims.active = active;
      await auth.setCustomUserClaims(uid, claims);
    },
    async emailVerified(uid) {
      try {
        return (await auth.getUser(uid)).emailVerified;
      } catch (error) {
        if (isUserNotFound(error)) return false;
        throw error;
      }
    },
    async revokeSessions(uid) {
      try {
        await auth.revokeRefreshTokens(uid);
      } catch (error) {
        if (!isUserNotFound(error)) throw error;
      }
    },
  };
}
