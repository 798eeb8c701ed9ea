import { expect, test, type Page } from '@playwright/test';
import { openTicket, signInAs } from './pages';

/** Every request of the page that the server answered with an error (a missing favicon, say). */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  return failed;
}

/** Whether any part of an element is cut off inside it (text wider than its box). */
const isClipped = (element: Element) =>
  [element, ...element.querySelectorAll('*')].some((part) => part.scrollWidth > part.clientWidth + 1);

for (const width of [375, 1280]) {
  test(`the sign-in page at ${width} px shows each demo card's whole "Continue" and names the page`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to the support desk');
    const buttons = page.getByRole('region', { name: 'Demo accounts' }).getByRole('button', { name: /^Continue as / });
    await expect(buttons).toHaveCount(5);
    for (const button of await buttons.all()) {
      await expect(button).toHaveText('Continue');
      expect(await button.evaluate(isClipped), (await button.getAttribute('aria-label')) ?? 'a Continue button').toBe(false);
    }
  });
}

test('a first visit: a favicon and no failed request, one h1 naming each page, the audit trail for staff only', async ({ context }) => {
  const customer = await context.newPage();
  const failed = failedRequests(customer);
  await customer.goto('/');
  await expect(customer.locator('link[rel="icon"]')).toHaveAttribute('href', /favicon\.svg$/);
  const icon = await customer.request.get('/favicon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');

  await signInAs(customer, 'Maya Chen', 'customer');
  const h1 = customer.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText('My tickets');
  await customer.getByRole('main').getByRole('link', { name: 'New ticket' }).click();
  await expect(h1).toHaveText('New ticket');
  await customer.getByRole('button', { name: 'Cancel' }).click();
  await openTicket(customer, { title: 'Password reset mail never came', description: 'Checked spam too.', category: 'Account', priority: 'Medium' });
  await expect(h1).toHaveText('Password reset mail never came');

  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  await expect(agent.getByRole('heading', { level: 1 })).toHaveText('Queue');
  await agent.getByRole('link', { name: /Password reset mail never came/ }).click();
  await agent.getByRole('button', { name: 'Accept' }).click();

  // Everyone reads what happened in the chat, once; the customer's page names the agent the
  // same way everywhere and shows no staff audit trail.
  const chat = customer.getByRole('list', { name: 'Messages' });
  await expect(chat.getByText(/^Sam Rivera changed the status from Open to In progress\./)).toHaveCount(1);
  await expect(customer.getByLabel('Assignee')).toHaveText('Sam Rivera');
  await expect(customer.getByText(/an agent/)).toHaveCount(0);
  await expect(customer.getByRole('button', { name: 'History' })).toHaveCount(0);

  // Staff get the audit trail, folded until asked for.
  const history = agent.getByRole('button', { name: 'History' });
  await expect(history).toHaveAttribute('aria-expanded', 'false');
  await history.click();
  await expect(agent.getByRole('region', { name: 'History' })).toContainText('Sam Rivera moved it from Open to In progress');
  await expect(agent.getByRole('heading', { level: 1 })).toHaveCount(1);

  expect(failed).toEqual([]);
});
