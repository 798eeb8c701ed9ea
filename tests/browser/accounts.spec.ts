import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { accountButton, openTicket, signInAs } from './pages';

/** Accounts on the local backend: reset, verification, the profile page, sign-out everywhere. */

test.use({ reducedMotion: 'reduce' });

const maya = 'maya@customer.example';

test('forgot password: the same answer for any address, the link in the demo mailbox, a new password that signs in', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  const reset = page.getByRole('form', { name: 'Reset your password' });
  await reset.getByRole('textbox', { name: 'Email' }).fill('nobody@nowhere.example');
  await reset.getByRole('button', { name: 'Send reset link' }).click();
  const answer = page.getByRole('status').filter({ hasText: 'Check your email' });
  await expect(answer).toContainText('If there is an account for nobody@nowhere.example, we have sent it a link');
  const forNobody = (await answer.textContent())!.replace('nobody@nowhere.example', '…');
  await reset.getByRole('textbox', { name: 'Email' }).fill(maya);
  await reset.getByRole('button', { name: 'Send reset link' }).click();
  await expect(answer).toContainText(`If there is an account for ${maya}`);
  expect((await answer.textContent())!.replace(maya, '…')).toBe(forNobody);
  await expectAccessible(page, 'forgot password');

  await answer.getByRole('link', { name: 'demo mailbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demo mailbox' })).toBeVisible();
  await expect(page.getByRole('link', { name: /for nobody@/ })).toHaveCount(0);
  await expectAccessible(page, 'demo mailbox');
  await page.getByRole('link', { name: `Open the link: Choose a new password, for ${maya}` }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await page.getByRole('textbox', { name: 'New password' }).fill('short');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('A password needs at least 8 characters.')).toBeVisible();
  await expectAccessible(page, 'choose a new password, with an error');
  await page.getByRole('textbox', { name: 'New password' }).fill('a-brand-new-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password is changed' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in with your new password' }).click();

  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByRole('textbox', { name: 'Email' }).fill(maya);
  await signIn.getByRole('textbox', { name: 'Password' }).fill('a-brand-new-password');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(accountButton(page, 'Maya Chen', 'customer')).toBeVisible();
});

test('a new account is asked to verify its email until it follows the link; it can send the link again', async ({ page }) => {
  const email = 'nora@new.example';
  await page.goto('/');
  await page.getByRole('tab', { name: 'Create an account' }).click();
  const signUp = page.getByRole('form', { name: 'Create an account' });
  await signUp.getByRole('textbox', { name: 'Your name' }).fill('Nora New');
  await signUp.getByRole('textbox', { name: 'Email' }).fill(email);
  await signUp.getByRole('textbox', { name: 'Password' }).fill('nora-password');
  await signUp.getByRole('button', { name: 'Create account' }).click();

  const banner = page.getByRole('region', { name: 'Verify your email' });
  await expect(banner).toContainText(`We sent a link to ${email}`);
  await expectAccessible(page, 'verify-email banner');
  await banner.getByRole('button', { name: 'Send the link again' }).click();
  await expect(banner.getByRole('status')).toHaveText(`We have sent a new link to ${email}.`);

  await banner.getByRole('link', { name: 'Open the demo mailbox' }).click();
  const links = page.getByRole('link', { name: `Open the link: Verify your email, for ${email}` });
  await expect(links).toHaveCount(2);
  await links.first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verify your email' })).toBeVisible();
  await page.getByRole('button', { name: 'Verify my email' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your email is verified' })).toBeVisible();
  await expectAccessible(page, 'email verified');
  await page.getByRole('link', { name: 'Go to the support desk' }).click();
  await expect(accountButton(page, 'Nora New', 'customer')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Verify your email' })).toHaveCount(0);
});

test('the profile page: a trimmed, bounded name that shows at once, the verified email, a password changed after the current one', async ({ page }) => {
  await signInAs(page, 'Maya Chen', 'customer');
  await accountButton(page, 'Maya Chen', 'customer').click();
  await page.getByRole('menuitem', { name: 'Your profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Email' })).toContainText(maya);
  await expect(page.getByRole('region', { name: 'Email' })).toContainText('Verified');
  await expectAccessible(page, 'profile');

  const name = page.getByRole('form', { name: 'Your name' });
  await name.getByRole('textbox', { name: 'Your name' }).fill('N'.repeat(81));
  await name.getByRole('button', { name: 'Save name' }).click();
  await expect(name.getByText('A name may be at most 80 characters.')).toBeVisible();
  await name.getByRole('textbox', { name: 'Your name' }).fill('   Maya C. Chen  ');
  await name.getByRole('button', { name: 'Save name' }).click();
  await expect(accountButton(page, 'Maya C. Chen', 'customer')).toBeVisible();
  await expect(name.getByRole('textbox', { name: 'Your name' })).toHaveValue('Maya C. Chen');

  const password = page.getByRole('form', { name: 'Change password' });
  await password.getByLabel('Current password').fill('not-my-password');
  await password.getByLabel('New password').fill('another-password');
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByRole('alert')).toHaveText('That is not your current password. Your password is unchanged.');
  await password.getByLabel('Current password').fill('demo-password');
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByRole('status')).toHaveText('Your password is changed.');
  await expectAccessible(page, 'profile after changes');
});

test('sign out of every device: the other tabs go to sign-in saying why, and return to their pages with the typed message and form', async ({ context }) => {
  const chat = await context.newPage();
  await signInAs(chat, 'Maya Chen', 'customer');
  await openTicket(chat, { title: 'Where is my parcel', description: 'Ordered last week.', category: 'General', priority: 'Low' });
  const ticketUrl = chat.url();
  await chat.getByRole('textbox', { name: 'Message' }).fill('Half-typed question');
  const form = await context.newPage();
  await signInAs(form, 'Maya Chen', 'customer');
  await form.goto('/tickets/new');
  await form.getByRole('textbox', { name: 'Title' }).fill('Refund not arrived');
  await form.getByRole('textbox', { name: 'Description' }).fill('Ten days since the return.');
  await form.getByRole('combobox', { name: 'Priority' }).selectOption('High');

  const settings = await context.newPage();
  await signInAs(settings, 'Maya Chen', 'customer');
  await settings.goto('/profile');
  await settings.getByRole('button', { name: 'Sign out of every device' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Signed out' })).toContainText('You signed out of every device.');

  await expect(chat.getByRole('status').filter({ hasText: 'Signed out' })).toContainText('Your session ended');
  expect(chat.url()).toBe(ticketUrl);
  await expectAccessible(chat, 'sign-in after the session ended');
  await chat.getByRole('button', { name: 'Continue as Maya Chen (customer)' }).click();
  await expect(chat.getByRole('heading', { name: 'Where is my parcel' })).toBeVisible();
  await expect(chat.getByRole('textbox', { name: 'Message' })).toHaveValue('Half-typed question');

  await expect(form.getByRole('status').filter({ hasText: 'Signed out' })).toContainText('Your session ended');
  await form.getByRole('button', { name: 'Continue as Maya Chen (customer)' }).click();
  await expect(form.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund not arrived');
  await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue('Ten days since the return.');
  await expect(form.getByRole('combobox', { name: 'Priority' })).toHaveValue('high');
});
