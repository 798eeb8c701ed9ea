import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { syncRoleClaims, type ClaimsPort } from './syncRoleClaims.js';
import { givenUser } from './testSupport.js';

/** Firebase Auth's custom claims, in memory: claims by uid, every setClaims call, every revocation. */
class MemoryClaims implements ClaimsPort {
  readonly roles = new Map<string, string>();
  readonly actives = new Map<string, boolean>();
  readonly calls: [string, Role | null][] = [];
  readonly claimCalls: [string, { role: Role | null; active: boolean | null }][] = [];
  readonly revoked: string[] = [];
  /** Accounts whose email is not verified (every other one is). */
  readonly unverified = new Set<string>();
  async emailVerified(uid: string) {
    return !this.unverified.has(uid);
  }
  async getClaims(uid: string) {
    return { role: this.roles.get(uid) ?? null, active: this.actives.get(uid) ?? null };
  }
  async setClaims(uid: string, claims: { role: Role | null; active: boolean | null }) {
    this.calls.push([uid, claims.role]);
    this.claimCalls.push([uid, claims]);
    if (claims.role === null) this.roles.delete(uid);
    else this.roles.set(uid, claims.role);
    if (claims.active === null) this.actives.delete(uid);
    else this.actives.set(uid, claims.active);
  }
  async revokeSessions(uid: string) {
    this.revoked.push(uid);
  }
}

const now = new Date('2024-06-01T09:00:00Z');
const syncedAt = (store: MemoryStore, uid: string) => store.read(`users/${uid}`)?.claimsSyncedAt;

describe('syncRoleClaims', () => {
  it('gives a user made agent in the console the agent claim and stamps claimsSyncedAt', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'agent');
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('set');
    expect(claims.roles.get('u1')).toBe('agent');
    expect(syncedAt(store, 'u1')).toEqual(now);
  });

  it('skips a no-op: the claim already says the role, so no claim write and no stamp', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'admin');
    claims.roles.set('u1', 'admin');
    const writes = store.writeCount;
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('unchanged');
    expect(claims.calls).toEqual([]);
    expect(store.writeCount).toBe(writes);
    expect(syncedAt(store, 'u1')).toBeNull();
  });

  it('leaves a new customer without a claim alone (no claim reads as customer)', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'customer');
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('unchanged');
    expect(claims.calls).toEqual([]);
  });

  it('demotes an agent back to customer', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'customer');
    claims.roles.set('u1', 'agent');
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('set');
    expect(claims.roles.get('u1')).toBe('customer');
    expect(syncedAt(store, 'u1')).toEqual(now);
  });

  it('clears the claim when the user document is deleted', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    claims.roles.set('gone', 'admin');
    expect(await syncRoleClaims(claims, store, 'gone', { now })).toBe('cleared');
    expect(claims.calls).toEqual([['gone', null]]);
    expect(store.read('users/gone')).toBeUndefined();
  });

  it('clears the claim of a role the desk does not know (a console typo grants nothing) and stamps it', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'agent');
    store.write('users/u1', { ...store.read('users/u1'), role: 'Superuser' });
    claims.roles.set('u1', 'agent');
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('cleared');
    expect(claims.roles.has('u1')).toBe(false);
    expect(syncedAt(store, 'u1')).toEqual(now);
  });

  it('the write of its own stamp comes back as a no-op', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'agent');
    await syncRoleClaims(claims, store, 'u1', { now });
    expect(await syncRoleClaims(claims, store, 'u1', { now: new Date(now.getTime() + 1000) })).toBe('unchanged');
    expect(claims.calls).toHaveLength(1);
    expect(syncedAt(store, 'u1')).toEqual(now);
  });

  it('mirrors a deactivation into the active claim next to the role, stamps it and ends the sessions', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'agent', { active: false });
    claims.roles.set('u1', 'agent');
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('set');
    expect(claims.claimCalls).toEqual([['u1', { role: 'agent', active: false }]]);
    expect(claims.revoked).toEqual(['u1']);
    expect(syncedAt(store, 'u1')).toEqual(now);
  });

  it('a deactivated account that is already off is a no-op: no claim write, no second revocation', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'customer', { active: false });
    claims.actives.set('u1', false);
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('unchanged');
    expect(claims.claimCalls).toEqual([]);
    expect(claims.revoked).toEqual([]);
  });

  it('a role change of an account already off keeps it off without revoking again', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'customer', { active: false });
    claims.roles.set('u1', 'agent');
    claims.actives.set('u1', false);
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('set');
    expect(claims.claimCalls).toEqual([['u1', { role: 'customer', active: false }]]);
    expect(claims.revoked).toEqual([]);
  });

  it('switches an account back on: the claim says active again, no revocation', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'agent');
    claims.roles.set('u1', 'agent');
    claims.actives.set('u1', false);
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('set');
    expect(claims.actives.get('u1')).toBe(true);
    expect(claims.revoked).toEqual([]);
    expect(syncedAt(store, 'u1')).toEqual(now);
  });

  it('a new active customer without claims needs none (no claim reads as customer and active)', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'customer');
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('unchanged');
    expect(claims.claimCalls).toEqual([]);
  });

  it('does not stamp a document switched on again while the claims were being set', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'agent', { active: false });
    claims.roles.set('u1', 'agent');
    const setClaims = claims.setClaims.bind(claims);
    claims.setClaims = async (uid, wanted) => {
      await setClaims(uid, wanted);
      store.write('users/u1', { ...store.read('users/u1'), active: true });
    };
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('set');
    expect(syncedAt(store, 'u1')).toBeNull();
  });

  it('refuses a staff role for an unverified email: the profile goes back to customer, no staff claim', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'agent');
    claims.unverified.add('u1');
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('refused');
    expect(store.read('users/u1')?.role).toBe('customer');
    expect(claims.roles.get('u1')).toBeUndefined();
    // The revert runs the trigger again: nothing more to do.
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('unchanged');
  });

  it('takes the staff claim away from an account whose email is no longer verified', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'admin');
    claims.roles.set('u1', 'admin');
    claims.unverified.add('u1');
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('refused');
    expect(claims.roles.get('u1')).toBe('customer');
    expect(store.read('users/u1')?.role).toBe('customer');
  });

  it('gives the role once the same account is verified and promoted again', async () => {
    const store = new MemoryStore();
    const claims = new MemoryClaims();
    givenUser(store, 'u1', 'agent');
    claims.unverified.add('u1');
    await syncRoleClaims(claims, store, 'u1', { now });
    claims.unverified.delete('u1');
    store.write('users/u1', { ...store.read('users/u1'), role: 'agent' });
    expect(await syncRoleClaims(claims, store, 'u1', { now })).toBe('set');
    expect(claims.roles.get('u1')).toBe('agent');
  });
});
