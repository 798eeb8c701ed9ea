import { expect, test } from '@playwright/test';
import { openTicket, signInAs } from './pages';

test("a critical ticket's first-reply countdown ticks down in the agent's queue without a reload, and shows on the ticket", async ({ context }) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');

  await openTicket(customer, {
    title: 'Nobody can pay',
    description: 'Every checkout fails with an error since ten minutes ago.',
    category: 'Billing',
    priority: 'Critical',
  });

  // Critical: a first reply within 1 h. The badge counts whole minutes on the app's ticker, so
  // a minute later it reads one minute less, with no reload.
  const card = agent.getByRole('list', { name: 'Queue' }).getByRole('listitem').filter({ hasText: 'Nobody can pay' });
  const badge = card.getByText(/^First reply due in \d+ min$/);
  await expect(badge).toBeVisible();
  const minutesLeft = Number((await badge.textContent())!.match(/\d+/)![0]);
  expect(minutesLeft).toBeGreaterThanOrEqual(59);
  // The agent's page is given a clock a minute ahead rather than waited a minute out; the
  // app's ticker (every 15 s) reads it. (Installed earlier, the fake timers stall the page's
  // live queries.)
  await agent.clock.install();
  await agent.clock.fastForward('01:00');
  await expect(badge).not.toHaveText(`First reply due in ${minutesLeft} min`, { timeout: 45_000 });
  // One minute less (two if the real clock passed a minute's end meanwhile).
  expect([1, 2]).toContain(minutesLeft - Number((await badge.textContent())!.match(/\d+/)![0]));

  await card.getByRole('link', { name: /Nobody can pay/ }).click();
  await expect(agent.getByText(/^First reply due in \d+ min$/)).toBeVisible();
  // The customer sees no countdown: the service levels are the desk's own.
  await expect(customer.getByText(/^First reply due in/)).toHaveCount(0);
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
