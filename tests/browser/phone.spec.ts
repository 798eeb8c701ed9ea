import { expect, test } from '@playwright/test';
import { openTicket, signInAs } from './pages';

test.use({ viewport: { width: 375, height: 740 }, colorScheme: 'dark' });

test('at phone width in a dark system theme: nothing overflows, the ticket shows chat and details as tabs', async ({ page }) => {
  await signInAs(page, 'Maya Chen', 'customer');
  // The theme follows the system's preference.
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');

  // The navigation folds behind the burger.
  await page.getByRole('button', { name: 'Toggle navigation' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
  await expect(page.getByRole('heading', { name: 'My tickets' })).toBeVisible();

  await openTicket(page, {
    title: 'Phone-sized problem with a rather long title that has to wrap somewhere',
    description: 'Typed on a phone.',
    category: 'Technical',
    priority: 'Medium',
  });
  await expect(page.getByRole('tab', { name: 'Chat' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('textbox', { name: 'Message' }).fill('Sent from my phone');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('list', { name: 'Messages' }).getByText('Sent from my phone')).toBeVisible();
  await page.getByRole('tab', { name: 'Details' }).click();
  await expect(page.getByRole('region', { name: 'Ticket details' })).toBeVisible();

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
