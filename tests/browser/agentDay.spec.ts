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

test('keyboard shortcuts: ? lists them, j/k/Enter open a ticket, a accepts, r and n pick the composer, e resolves, never while typing', async ({ context }) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  await openTicket(customer, { title: 'Shortcut first', description: 'One.', category: 'General', priority: 'Low' });
  await customer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
  await openTicket(customer, { title: 'Shortcut second', description: 'Two.', category: 'General', priority: 'Low' });

  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  const queue = agent.getByRole('list', { name: 'Queue' });
  await expect(queue.getByRole('link', { name: /Shortcut first/ })).toBeVisible();

  await agent.keyboard.press('?');
  const dialog = agent.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('row', { name: 'j Next ticket' })).toBeVisible();
  await expect(dialog.getByRole('row', { name: 'e Resolve' })).toBeVisible();
  await agent.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Typing j in the search box is text, not a move.
  const search = agent.getByRole('searchbox', { name: /Search/ });
  await search.fill('');
  await search.press('j');
  await expect(search).toHaveValue('j');
  await search.fill('');
  await agent.getByRole('heading', { level: 1, name: 'Queue' }).click();

  // Newest first: j focuses the first row (the second ticket), j again the next, k back.
  await agent.keyboard.press('j');
  await expect(queue.getByRole('link', { name: /Shortcut second/ })).toBeFocused();
  await agent.keyboard.press('j');
  await expect(queue.getByRole('link', { name: /Shortcut first/ })).toBeFocused();
  await agent.keyboard.press('k');
  await agent.keyboard.press('j');
  await agent.keyboard.press('Enter');
  await expect(agent.getByRole('heading', { level: 1, name: 'Shortcut first' })).toBeVisible();

  await agent.keyboard.press('a');
  await expect(agent.getByRole('button', { name: 'Resolve' })).toBeVisible();
  await agent.keyboard.press('n');
  await expect(agent.getByRole('textbox', { name: 'Internal note' })).toBeFocused();
  // Typing "e" in the note writes an e; it does not resolve.
  await agent.keyboard.type('e');
  await expect(agent.getByRole('textbox', { name: 'Internal note' })).toHaveValue('e');
  await agent.getByRole('heading', { level: 1, name: 'Shortcut first' }).click();
  await agent.keyboard.press('r');
  await expect(agent.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await agent.getByRole('heading', { level: 1, name: 'Shortcut first' }).click();
  await agent.keyboard.press('e');
  await expect(agent.getByRole('button', { name: 'Reopen' })).toBeVisible();
});
