import { newCannedReplyDoc, newUserDoc } from '@domain';
import demoCanned from '../demoCannedReplies.json';
import { DEMO_PASSWORD, demoAccounts } from '../demoAccounts';
import type { LocalDatabase } from './localDatabase';

/**
 * The demo desk a new local database starts with: the demo accounts (two customers, two
 * agents, an admin) with their profiles, the assignment configuration and a few canned replies.
 */
export function seedDemoAccounts(db: LocalDatabase): void {
  db.on('populate', async (tx) => {
    const now = new Date();
    for (const account of demoAccounts) {
      await tx.table('accounts').add({ uid: account.uid, email: account.email, password: DEMO_PASSWORD, emailVerified: true });
      await tx.table('users').add({ ...newUserDoc(account, now), role: account.role, uid: account.uid });
    }
    await tx.table('config').add({ id: 'assignment', strategy: 'round_robin', agentUids: [], lastAssignedUid: null });
    for (const { id, ...reply } of demoCanned.replies) await tx.table('cannedReplies').add({ ...newCannedReplyDoc(reply), id });
  });
}
