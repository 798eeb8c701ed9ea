import { mayHoldRole, type Role } from '../domain/index.js';
import type { DocStore } from '../store/port.js';
import { paths } from './docs.js';

/**
 * A staff role given to an account whose email is not verified is put back to customer
 * (mayHoldRole): nobody gets staff rights through an address they never proved to own. Runs
 * where the role takes effect: the claims trigger on Firebase, the users trigger locally.
 * Returns whether it refused. Idempotent: the document is changed only while it still names
 * that staff role.
 */
export async function refuseUnverifiedStaff(
  store: DocStore,
  uid: string,
  role: Role,
  emailVerified: () => Promise<boolean>,
): Promise<boolean> {
  // A role any account may hold (customer) needs no look at the email.
  if (mayHoldRole(role, false)) return false;
  if (await emailVerified()) return false;
  const userPath = paths.user(uid);
  await store.runTransaction(async (tx) => {
    const latest = await tx.get(userPath);
    if (latest?.role === role) tx.update(userPath, { role: 'customer' });
  });
  return true;
}
