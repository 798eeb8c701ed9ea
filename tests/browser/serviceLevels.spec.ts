import { expect, test } from '@playwright/test';
import { openTicket, signInAs } from './pages';

test("a critical ticket's first-reply countdown ticks down in the agent's queue and on the ticket without a reload", async ({ context }) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  const agent = await context.newPage();
  // The agent's clock is the test's: it runs as usual and jumps when told.
  await agent.clock.install();
  await signInAs(agent, 'Sam Rivera', 'agent');

  await openTicket(customer, {
    title: 'Nobody can pay',
    description: 'Every checkout fails with an error since ten minutes ago.',
    category: 'Billing',
    priority: 'Critical',
  });

  const card = agent.getByRole('list', { name: 'Queue' }).getByRole('listitem').filter({ hasText: 'Nobody can pay' });
  await expect(card.getByText(/^First reply due in (59|60) min$/)).toBeVisible();
  await agent.clock.fastForward('20:00');
  await expect(card.getByText(/^First reply due in (39|40) min$/)).toBeVisible();

  await card.getByRole('link', { name: /Nobody can pay/ }).click();
  await agent.clock.fastForward('45:00');
  await expect(agent.getByText(/^First reply breached \d+ min ago$/)).toBeVisible();
});

test('a customer rates the help on a resolved ticket, changes the rating, and the agent sees it', async ({ context }) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Leo Park', 'customer');
  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');

  await openTicket(customer, { title: 'Invoice address wrong', description: 'The invoice shows my old address.', category: 'Billing', priority: 'Low' });
  await agent.getByRole('link', { name: /Invoice address wrong/ }).click();
  await agent.getByRole('button', { name: 'Accept' }).click();
  await expect(agent.getByLabel('Status: In progress').first()).toBeVisible();
  await agent.getByRole('button', { name: 'Resolve' }).click();

  const survey = customer.getByRole('form', { name: 'Rate the help' });
  await expect(survey).toBeVisible();
  await survey.getByRole('radio', { name: '2: Poor' }).check();
  await survey.getByRole('button', { name: 'Send rating' }).click();
  const thanks = customer.getByRole('region', { name: 'Your rating' });
  await expect(thanks).toContainText('2: Poor');

  await thanks.getByRole('button', { name: 'Change my rating' }).click();
  await survey.getByRole('radio', { name: '5: Excellent' }).check();
  await survey.getByRole('textbox', { name: 'Comment (optional)' }).fill('Fixed within the hour.');
  await survey.getByRole('button', { name: 'Send rating' }).click();
  await expect(thanks).toContainText('5: Excellent');

  await expect(agent.getByLabel("Customer's rating")).toHaveText('5: Excellent: "Fixed within the hour."');
});
