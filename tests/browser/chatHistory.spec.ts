import { expect, test, type Page } from '@playwright/test';
import { openTicket, signInAs } from './pages';

/** Sends chapters `from`..`to` from this tab's composer and waits until the server has them all. */
async function tell(page: Page, from: number, to: number) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  for (let n = from; n <= to; n++) {
    await composer.fill(`Chapter ${n}`);
    await composer.press('Enter');
  }
  const chat = page.getByRole('list', { name: 'Messages' });
  await expect(chat.getByText(`Chapter ${to}`, { exact: true })).toBeVisible();
  await expect(chat.getByText('Sending…')).toHaveCount(0);
}

test('a long chat opens on its newest 50 messages; scrolling up loads older ones and keeps the reader in place', async ({ context }) => {
  // 55 messages, more than one person may send in a minute (rateLimits in the domain: 30):
  // the customer tells the first half, the agent the rest.
  const customerPart = 28;
  const customer = await context.newPage();
  await signInAs(customer, 'Leo Park', 'customer');
  await openTicket(customer, { title: 'A long story', description: 'It goes on.', category: 'General', priority: 'Low' });
  await tell(customer, 1, customerPart);

  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  await agent.getByRole('link', { name: /A long story/ }).click();
  await tell(agent, customerPart + 1, 55);

  // A fresh tab of the customer opens the chat as anyone coming back to it would.
  const reader = await context.newPage();
  await signInAs(reader, 'Leo Park', 'customer');
  await reader.getByRole('link', { name: /A long story/ }).click();
  const chat = reader.getByRole('list', { name: 'Messages' });
  await expect(chat.getByText('Chapter 55', { exact: true })).toBeVisible();
  // Only the newest 50 are loaded: the five before them are offered, not shown.
  const loadOlder = reader.getByRole('button', { name: 'Load older messages' });
  await expect(loadOlder).toBeAttached();
  await expect(chat.getByText('Chapter 5', { exact: true })).toHaveCount(0);

  // Scrolling to the top brings the older page in above, out of view: the message that was
  // at the top stays on screen, and nothing older is left to load.
  const scroller = reader.getByTestId('chat-scroller');
  await scroller.evaluate((element) => (element.scrollTop = 0));
  await expect(loadOlder).toHaveCount(0);
  await expect(chat.getByText('Chapter 6', { exact: true })).toBeInViewport();
  await expect(chat.getByText('Chapter 5', { exact: true })).not.toBeInViewport();
  await scroller.evaluate((element) => (element.scrollTop = 0));
  await expect(chat.getByText('Chapter 1', { exact: true })).toBeInViewport();
});
