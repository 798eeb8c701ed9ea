import { expect, test } from '@playwright/test';
import { openTicket, signInAs } from './pages';

test('canned replies: an admin adds one, an agent inserts it with "::" and its placeholders filled', async ({ context }) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  await openTicket(customer, { title: 'Where is my refund', description: 'Paid twice in March.', category: 'Billing', priority: 'Medium' });
  await expect(customer.getByLabel('Ticket number')).toHaveText(/^#\d+$/);
  const number = (await customer.getByLabel('Ticket number').textContent())?.trim() ?? '';

  const admin = await context.newPage();
  await signInAs(admin, 'Alex Morgan', 'admin');
  await admin.getByRole('link', { name: 'Canned replies' }).first().click();
  await admin.getByRole('button', { name: 'New canned reply' }).click();
  const form = admin.getByRole('form', { name: 'New canned reply' });
  await form.getByRole('textbox', { name: 'Title' }).fill('Double charge');
  await form.getByRole('textbox', { name: 'Category (optional)' }).fill('Billing');
  await form.getByRole('textbox', { name: 'Text' }).fill('Hi {{customer.name}}, {{agent.name}} here: ticket {{ticket.number}} is refunded.');
  await form.getByRole('button', { name: 'Save canned reply' }).click();
  await expect(admin.getByRole('list', { name: 'Canned replies' }).getByText('Double charge')).toBeVisible();

  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  await agent.getByRole('link', { name: /Where is my refund/ }).click();
  const composer = agent.getByRole('textbox', { name: 'Message' });
  await composer.click();
  await composer.pressSequentially('Thanks. ::double');
  const picker = agent.getByRole('listbox', { name: 'Canned replies' });
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(picker.getByRole('option', { name: /Double charge/ })).toHaveAttribute('aria-selected', 'true');
  await agent.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(composer).toHaveValue(`Thanks. Hi Maya Chen, Sam Rivera here: ticket ${number} is refunded.`);

  // "/" at the start of a line opens it too; Escape closes it and leaves the text as typed.
  await composer.press('Shift+Enter');
  await composer.pressSequentially('/greet');
  await expect(picker.getByRole('option', { name: /Greeting/ })).toBeVisible();
  await agent.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(composer).toHaveValue(/\n\/greet$/);
  await composer.press('Control+A');
  await composer.press('Backspace');

  // The customer never sees the placeholders: the sent reply carries the filled text.
  await composer.pressSequentially('::double');
  await agent.keyboard.press('Enter');
  await agent.keyboard.press('Enter');
  await expect(customer.getByRole('list', { name: 'Messages' }).getByText(`Hi Maya Chen, Sam Rivera here: ticket ${number} is refunded.`)).toBeVisible();
});
