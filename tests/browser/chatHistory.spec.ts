import { expect, test } from '@playwright/test';
import { openTicket, signInAs } from './pages';

test('a long chat opens on its newest 50 messages; scrolling up loads older ones and keeps the reader in place', async ({ context }) => {
  test.setTimeout(180_000);
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
  // This test is about paging, not delivery speed: wait until the server has every message
  // (none shows "Sending…"), however long a busy machine takes to deliver 55.
  await expect(customerChat.getByText('Sending…')).toHaveCount(0, { timeout: 90_000 });

  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  await agent.getByRole('link', { name: /A long story/ }).click();
  const chat = agent.getByRole('list', { name: 'Messages' });
  await expect(chat.getByText('Chapter 55', { exact: true })).toBeVisible();
  // Only the newest 50 are read and rendered.
  await expect(chat.getByText(/^Chapter \d+$/)).toHaveCount(50);
  await expect(chat.getByText('Chapter 5', { exact: true })).toHaveCount(0);

  const scroller = agent.getByTestId('chat-scroller');
  await scroller.evaluate((element) => (element.scrollTop = 0));
  await expect(chat.getByText('Chapter 1', { exact: true })).toBeAttached();
  await expect(chat.getByText(/^Chapter \d+$/)).toHaveCount(55);
  // The reader stays where they were: the older page arrived above, out of view, and the
  // message that was at the top is still on screen.
  const view = (await scroller.boundingBox())!;
  const oldest = (await chat.getByText('Chapter 1', { exact: true }).boundingBox())!;
  const wasAtTop = (await chat.getByText('Chapter 6', { exact: true }).boundingBox())!;
  expect(oldest.y).toBeLessThan(view.y);
  expect(wasAtTop.y).toBeGreaterThanOrEqual(view.y - 5);
  expect(wasAtTop.y).toBeLessThan(view.y + view.height);
});
