import { expect, test } from '@playwright/test';
import { openTicket, signInAs } from './pages';

test('a long chat opens on its newest 50 messages; scrolling up loads older ones and keeps the reader in place', async ({ context }) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Leo Park', 'customer');
  await openTicket(customer, { title: 'A long story', description: 'It goes on.', category: 'General', priority: 'Low' });
  const composer = customer.getByRole('textbox', { name: 'Message' });
  for (let n = 1; n <= 55; n++) {
    await composer.fill(`Chapter ${n}`);
    await composer.press('Enter');
  }
  const customerChat = customer.getByRole('list', { name: 'Messages' });
  await expect(customerChat.getByText('Chapter 55', { exact: true })).toBeVisible();
  await expect(customerChat.getByText('Sending…')).toHaveCount(0);

  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  await agent.getByRole('link', { name: /A long story/ }).click();
  const chat = agent.getByRole('list', { name: 'Messages' });
  await expect(chat.getByText('Chapter 55', { exact: true })).toBeVisible();
  // Only the newest 50 are loaded: the five before them are offered, not shown.
  const loadOlder = agent.getByRole('button', { name: 'Load older messages' });
  await expect(loadOlder).toBeAttached();
  await expect(chat.getByText('Chapter 5', { exact: true })).toHaveCount(0);

  // Scrolling to the top brings the older page in above, out of view: the message that was
  // at the top stays on screen, and nothing older is left to load.
  const scroller = agent.getByTestId('chat-scroller');
  await scroller.evaluate((element) => (element.scrollTop = 0));
  await expect(loadOlder).toHaveCount(0);
  await expect(chat.getByText('Chapter 6', { exact: true })).toBeInViewport();
  await expect(chat.getByText('Chapter 5', { exact: true })).not.toBeInViewport();
  await scroller.evaluate((element) => (element.scrollTop = 0));
  await expect(chat.getByText('Chapter 1', { exact: true })).toBeInViewport();
});
