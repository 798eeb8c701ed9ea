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

test("at phone width the queue's filters fold behind a Filters button that counts the active ones", async ({ context }) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Leo Park', 'customer');
  for (const [title, priority] of [['Cannot log in', 'High'], ['Invoice is wrong', 'Low']] as const) {
    // Within the app, not by reloading: a reload would hold up the ticket being delivered.
    await customer.getByRole('button', { name: 'Toggle navigation' }).click();
    await customer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
    await expect(customer.getByRole('heading', { level: 1, name: 'My tickets' })).toBeVisible();
    await openTicket(customer, { title, description: 'From a phone.', category: 'Account', priority });
  }

  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  const queue = agent.getByRole('list', { name: 'Queue' });
  await expect(queue.getByRole('listitem')).toHaveCount(2);
  const filters = agent.getByRole('button', { name: 'Filters' });
  const status = agent.getByRole('combobox', { name: 'Status' });
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
  await expect(status).toBeHidden();
  // The first screen shows tickets, under the search box and the button.
  await expect(agent.getByRole('searchbox', { name: 'Search titles, descriptions and messages' })).toBeInViewport();
  await expect(queue.getByRole('listitem').last()).toBeInViewport();

  await filters.click();
  await expect(filters).toHaveAttribute('aria-expanded', 'true');
  await status.selectOption({ label: 'Open' });
  await expect(agent.getByRole('button', { name: 'Filters (1)' })).toBeVisible();
  await agent.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'High' });
  await expect(agent.getByRole('button', { name: 'Filters (2)' })).toBeVisible();
  await expect(queue.getByRole('listitem')).toHaveCount(1);
  await expect(queue).toContainText('Cannot log in');

  await agent.getByRole('button', { name: 'Filters (2)' }).click();
  await expect(status).toBeHidden();
  await expect(queue.getByRole('listitem').first()).toBeInViewport();
});
