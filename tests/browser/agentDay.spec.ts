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
  await expect(picker.getByRole('option', { name: /Double charge/ })).toHaveAttribute('aria-selected', 'true');
  await agent.keyboard.press('Enter');
  await expect(picker).toBeHidden();
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

test('a dense queue: at least 15 rows in view at 1280x800, each with requester, age, last message and assignee; the whole row opens; compact at phone width', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  for (let n = 1; n <= 16; n++) {
    await customer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
    await openTicket(customer, { title: `Dense ticket ${n}`, description: `Problem number ${n}.`, category: 'General', priority: 'Low' });
  }
  await customer.getByRole('textbox', { name: 'Message' }).fill('The printer is smoking again');
  await customer.getByRole('button', { name: 'Send' }).click();

  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  const queue = agent.getByRole('list', { name: 'Queue' });
  await expect(queue.getByRole('listitem')).toHaveCount(16);
  const newest = queue.getByRole('listitem').filter({ hasText: 'Dense ticket 16' });
  await expect(newest).toContainText('Customer waitingMaya Chen: The printer is smoking again');
  await expect(newest.getByRole('img', { name: 'Unread messages' })).toBeVisible();
  // Round robin gives each new ticket an agent: the avatar names them.
  await expect(newest.getByRole('img', { name: /^(Assigned to (Sam Rivera|Priya Nair)|Unassigned)$/ })).toBeVisible();
  await expect(newest).toContainText('Requester: Maya Chen');
  await expect(newest).toContainText(/Opened .* ago/);

  const inView = await queue.getByRole('listitem').evaluateAll(
    (rows) => rows.filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight).length,
  );
  console.log(`queue rows fully in view at 1280x800: ${inView}`);
  expect(inView).toBeGreaterThanOrEqual(15);

  // A click anywhere on the row, not only on its title, opens the ticket.
  const row = await newest.boundingBox();
  expect(row).not.toBeNull();
  // Over the requester's name, far right of the title.
  await newest.click({ position: { x: row!.width - 200, y: row!.height / 2 } });
  await expect(agent.getByRole('heading', { level: 1, name: 'Dense ticket 16' })).toBeVisible();

  // At phone width the row folds to two short lines, and nothing overflows sideways.
  await agent.setViewportSize({ width: 390, height: 844 });
  await agent.getByRole('button', { name: 'Toggle navigation' }).click();
  await agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
  await expect(queue.getByRole('listitem')).toHaveCount(16);
  const rowHeight = await queue.getByRole('listitem').first().evaluate((row) => row.getBoundingClientRect().height);
  console.log(`queue row height at 390 px: ${Math.round(rowHeight)} px`);
  expect(rowHeight).toBeLessThanOrEqual(64);
  const overflow = await agent.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test('bulk actions: an agent assigns two tickets to Priya at once, who sees them in her tab; a refused resolve says why', async ({ context }) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Leo Park', 'customer');
  for (const title of ['Bulk one', 'Bulk two']) {
    await customer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
    await openTicket(customer, { title, description: 'For the bulk test.', category: 'Account', priority: 'Low' });
  }

  const priya = await context.newPage();
  await signInAs(priya, 'Priya Nair', 'agent');
  const sam = await context.newPage();
  await signInAs(sam, 'Sam Rivera', 'agent');
  const queue = sam.getByRole('list', { name: 'Queue' });
  await sam.getByRole('checkbox', { name: /Select #\d+ Bulk one/ }).check();
  // x selects the focused row too.
  await queue.getByRole('link', { name: /Bulk two/ }).focus();
  await sam.keyboard.press('x');
  await expect(sam.getByRole('checkbox', { name: /Select #\d+ Bulk two/ })).toBeChecked();
  const bar = sam.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar.getByText('2 selected')).toBeVisible();
  await bar.getByRole('combobox', { name: 'Assign to' }).selectOption({ label: 'Priya Nair' });
  const summary = sam.getByRole('status', { name: 'Bulk action summary' });
  // Round robin may have given one of them to Priya already: that one is refused as "changes nothing".
  await expect(summary).toContainText(/Assigned [12] tickets?\./);
  for (const title of ['Bulk one', 'Bulk two']) {
    await expect(queue.getByRole('listitem').filter({ hasText: title }).getByRole('img', { name: 'Assigned to Priya Nair' })).toBeVisible();
  }

  // Priya's tab, never reloaded: both are hers.
  await priya.getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Assigned to me' });
  const hers = priya.getByRole('list', { name: 'Queue' });
  await expect(hers.getByRole('link', { name: /Bulk one/ })).toBeVisible();
  await expect(hers.getByRole('link', { name: /Bulk two/ })).toBeVisible();

  // Open tickets cannot be resolved: every refusal is listed with the reason.
  await sam.getByRole('checkbox', { name: 'Select all on this page' }).check();
  await bar.getByRole('button', { name: 'Resolve selected' }).click();
  await expect(summary).toContainText('Resolved 0 tickets.');
  await expect(summary.getByRole('list', { name: 'Refused tickets' }).getByText(/Bulk one: An agent cannot move this ticket from Open to Resolved\./)).toBeVisible();
});

test('collision: two agent tabs see each other on a ticket and in the queue, typing shows, the marker goes, and a reply landed meanwhile asks first', async ({ context }) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  await openTicket(customer, { title: 'Two agents one ticket', description: 'Who answers?', category: 'General', priority: 'Medium' });

  const sam = await context.newPage();
  await signInAs(sam, 'Sam Rivera', 'agent');
  const priya = await context.newPage();
  await signInAs(priya, 'Priya Nair', 'agent');

  await priya.getByRole('link', { name: /Two agents one ticket/ }).click();
  // Sam's queue shows Priya on the ticket.
  const row = sam.getByRole('list', { name: 'Queue' }).getByRole('listitem').filter({ hasText: 'Two agents one ticket' });
  await expect(row).toContainText('Priya Nair viewing');

  await sam.getByRole('link', { name: /Two agents one ticket/ }).click();
  const others = sam.getByRole('status', { name: 'Also on this ticket' });
  await expect(others).toContainText('Priya Nair is viewing');
  const priyaSees = priya.getByRole('status', { name: 'Also on this ticket' });
  await expect(priyaSees).toContainText('Sam Rivera is viewing');

  // Sam starts a reply; Priya sees him typing; Priya answers first.
  const composer = sam.getByRole('textbox', { name: 'Message' });
  await composer.fill('Let me check the logs for you.');
  await expect(priyaSees).toContainText('Sam Rivera is typing a reply');
  await priya.getByRole('textbox', { name: 'Message' }).fill('Fixed on our side, try again.');
  await priya.getByRole('button', { name: 'Send' }).click();
  await expect(sam.getByRole('list', { name: 'Messages' }).getByText('Fixed on our side, try again.')).toBeVisible();

  await sam.getByRole('button', { name: 'Send' }).click();
  const ask = sam.getByRole('dialog', { name: 'Someone else replied' });
  await expect(ask).toContainText(/Priya Nair replied \d+ s ago: send anyway\?/);
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(ask).toBeHidden();
  await expect(composer).toHaveValue('Let me check the logs for you.');
  await sam.getByRole('button', { name: 'Send', exact: true }).click();
  await ask.getByRole('button', { name: 'Send anyway' }).click();
  await expect(customer.getByRole('list', { name: 'Messages' }).getByText('Let me check the logs for you.')).toBeVisible();

  // Priya leaves the ticket: the marker goes from Sam's page and queue.
  await priya.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
  await expect(others).not.toContainText('Priya Nair');
  await sam.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Priya Nair viewing');
});
