import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memoryStore.js';
import { signOutEverywhere, type SessionsPort } from './signOutEverywhere.js';
import { givenUser } from './testSupport.js';

/** Firebase Auth's revocations, in memory. */
class MemorySessions implements SessionsPort {
  readonly revoked: string[] = [];
  async revokeSessions(uid: string) {
    this.revoked.push(uid);
  }
}

const now = new Date('2024-06-01T09:00:00Z');

describe('signOutEverywhere', () => {
  it("revokes the caller's sessions and stamps claimsSyncedAt, which every open client of theirs follows", async () => {
    const store = new MemoryStore();
    const sessions = new MemorySessions();
    givenUser(store, 'u1', 'customer');
    await signOutEverywhere(sessions, store, 'u1', { now });
    expect(sessions.revoked).toEqual(['u1']);
    expect(store.read('users/u1')?.claimsSyncedAt).toEqual(now);
    expect(store.read('users/u1')?.role).toBe('customer');
  });

  it('refuses a caller who is not signed in, and revokes nothing', async () => {
    const sessions = new MemorySessions();
    await expect(signOutEverywhere(sessions, new MemoryStore(), undefined, { now })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(sessions.revoked).toEqual([]);
  });

  it('revokes an account without a profile too, and writes no profile for it', async () => {
    const store = new MemoryStore();
    const sessions = new MemorySessions();
    await signOutEverywhere(sessions, store, 'u2', { now });
    expect(sessions.revoked).toEqual(['u2']);
    expect(store.read('users/u2')).toBeUndefined();
  });
});
