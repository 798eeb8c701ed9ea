import { expect, test } from '@playwright/test';
import { openTicket, signInAs } from './pages';

test('a ticket a customer opens appears in the agent tab, numbered, without a reload', async ({ context }) => {
  // Two tabs of one browser: the local backend shares IndexedDB between them, while each
  // tab keeps its own signed-in account.
  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  await expect(agent.getByRole('heading', { name: 'Queue' })).toBeVisible();
  await expect(agent.getByText('The queue is empty.')).toBeVisible();

  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  const title = `Invoice for March is missing ${Date.now()}`;
  await openTicket(customer, {
    title,
    description: 'I paid on the 3rd but there is no invoice in my account.',
    category: 'Billing',
    priority: 'High',
  });
  await expect(customer.getByLabel('Ticket number')).toHaveText('#1');

  await customer.getByRole('link', { name: 'My tickets' }).click();
  const mine = customer.getByRole('list', { name: 'My tickets' });
  await expect(mine.getByRole('link', { name: `#1 ${title}` })).toBeVisible();
  await expect(mine.getByLabel('Status: Open')).toBeVisible();

  // The agent's page was never reloaded: the listener delivered the ticket and its number.
  const queue = agent.getByRole('list', { name: 'Queue' });
  await expect(queue.getByRole('link', { name: `#1 ${title}` })).toBeVisible();
  await expect(queue.getByLabel('Priority: High')).toBeVisible();
});
