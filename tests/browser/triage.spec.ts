import { expect, test } from '@playwright/test';
import { signInAs } from './pages';

test('a billing complaint is suggested Billing with its reason; the customer overrides it and the ticket keeps the choice; staff see the suggestion', async ({
  context,
}) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  await customer.getByRole('main').getByRole('link', { name: 'New ticket' }).click();
  await customer.getByRole('textbox', { name: 'Title' }).fill('Charged twice for my plan');
  await customer.getByRole('textbox', { name: 'Description' }).pressSequentially('I was charged twice this month. Please refund');

  const hint = customer.getByRole('status', { name: 'Suggested category and priority' });
  await expect(hint).toContainText("Suggested: Billing, High, because 'Charged twice'");
  await expect(hint).toContainText("'refund'");
  await expect(hint).toContainText('by the desk’s rules');
  // Pre-filled while the customer has not chosen.
  const category = customer.getByRole('combobox', { name: 'Category' });
  const priority = customer.getByRole('combobox', { name: 'Priority' });
  await expect(category).toHaveValue('billing');
  await expect(priority).toHaveValue('high');

  // The customer knows better; later suggestions no longer touch their choice.
  await category.selectOption({ label: 'Account' });
  await customer.getByRole('textbox', { name: 'Description' }).pressSequentially(' of the second payment, my invoice is wrong.');
  await expect(hint).toContainText("'invoice'");
  await expect(category).toHaveValue('account');
  await expect(priority).toHaveValue('high');

  await customer.getByRole('button', { name: 'Open ticket' }).click();
  await expect(customer.getByRole('heading', { name: 'Charged twice for my plan' })).toBeVisible();
  const details = customer.getByRole('region', { name: 'Ticket details' });
  await expect(details.getByLabel('Category')).toHaveText('Account');
  await expect(customer.getByLabel('Priority: High').first()).toBeVisible();
  // What was suggested is for staff, not the customer.
  await expect(customer.getByRole('region', { name: 'Triage' })).toHaveCount(0);

  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  await agent.getByRole('link', { name: /Charged twice for my plan/ }).click();
  const triage = agent.getByRole('region', { name: 'Triage' });
  await expect(triage).toContainText("Suggested: Billing, High, because 'Charged twice'");
  await expect(agent.getByRole('region', { name: 'Ticket details' }).getByLabel('Category')).toHaveText('Account');
  await triage.getByRole('button', { name: 'Run triage again' }).click();
  await expect(triage.getByRole('status')).toContainText('Now suggested: Billing, High');
});
