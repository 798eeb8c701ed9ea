import { expect, test } from '@playwright/test';
import { openTicket, signInAs } from './pages';

test('a reload while queued messages go out stalls nothing: they arrive once each, in order, before the reply written after them', async ({ context }) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  await openTicket(customer, { title: 'Written on the train', description: 'The signal comes and goes.', category: 'General', priority: 'Low' });
  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  await agent.getByRole('link', { name: /Written on the train/ }).click();
  const chat = agent.getByRole('list', { name: 'Messages' });
  await expect(agent.getByText('No messages yet.')).toBeVisible();

  // Offline, three messages wait in the outbox.
  await context.setOffline(true);
  const composer = customer.getByRole('textbox', { name: 'Message' });
  for (const text of ['First queued', 'Second queued', 'Third queued']) {
    await composer.fill(text);
    await composer.press('Enter');
  }
  const customerChat = customer.getByRole('list', { name: 'Messages' });
  await expect(customerChat.getByText('Sending…')).toHaveCount(3);

  // Back online, and the tab reloads while delivery is under way.
  await context.setOffline(false);
  await customer.reload();
  await expect(customer.getByRole('status', { name: 'Connection: Online' })).toBeVisible();
  await expect(customerChat.getByText('Third queued')).toBeVisible();
  await expect(customerChat.getByText('Sending…')).toHaveCount(0);

  await expect(chat.getByText('Third queued')).toBeVisible();
  await agent.getByRole('textbox', { name: 'Message' }).fill('On it.');
  await agent.getByRole('button', { name: 'Send' }).click();
  await expect(customerChat.getByText('On it.')).toBeVisible();
  expect(await customerChat.getByText(/ queued$|^On it\.$/).allTextContents()).toEqual([
    'First queued',
    'Second queued',
    'Third queued',
    'On it.',
  ]);
});
