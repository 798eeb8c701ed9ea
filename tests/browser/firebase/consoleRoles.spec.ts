import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { accountButton } from '../pages';
import { expect, test } from '../people';

/**
 * An admin's edit in the Firebase console: the Admin SDK, against the emulators this run
 * started (emulators:exec gives its script the project, GCLOUD_PROJECT, and the emulator hosts).
 */
const firebaseConsole = () => getFirestore(getApps()[0] ?? initializeApp());

test('a role changed in the console takes effect in the open app: promoted, a customer gains the queue without signing out; demoted, loses it', async ({
  people,
}) => {
  const leo = await people.open('Leo Park', 'customer');
  const nav = leo.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'My tickets' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Queue' })).toHaveCount(0);

  const leoProfile = firebaseConsole().doc('users/demo-leo');
  try {
    await leoProfile.update({ role: 'agent' });
    await expect(accountButton(leo, 'Leo Park', 'agent')).toBeVisible();
    await nav.getByRole('link', { name: 'Queue' }).click();
    await expect(leo.getByRole('heading', { name: 'Queue' })).toBeVisible();
  } finally {
    // Leo is a customer for every other flow, whatever happened above.
    await leoProfile.update({ role: 'customer' });
  }
  await expect(accountButton(leo, 'Leo Park', 'customer')).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Queue' })).toHaveCount(0);
  await expect(leo.getByRole('heading', { name: 'My tickets' })).toBeVisible();
});
