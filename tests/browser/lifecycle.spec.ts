import { attach, pdfFile, pngFile } from './files';
import { choose, openTicket } from './pages';
import { expect, test } from './people';

test("a customer opens a ticket; an agent's queue shows it numbered without a reload; the agent accepts it and raises its priority; the customer sees it live", async ({
  people,
}) => {
  const customer = await people.open('Maya Chen', 'customer');
  const agent = await people.open('Sam Rivera', 'agent');

  await openTicket(customer, {
    title: 'Checkout page crashes',
    description: 'It crashes after I press Pay.',
    category: 'Technical',
    priority: 'Medium',
  });
  const number = customer.getByLabel('Ticket number');
  await expect(number).toHaveText(/^#\d+$/);

  // The agent's queue, open all along, shows it with its number.
  const row = agent.getByRole('list', { name: 'Queue' }).getByRole('listitem').filter({ hasText: 'Checkout page crashes' });
  await expect(row).toContainText((await number.textContent())!);
  await row.getByRole('link', { name: /Checkout page crashes/ }).click();
  await agent.getByRole('button', { name: 'Accept' }).click();
  await choose(agent, 'Priority', 'Critical');

  // The customer's page follows along, no reload.
  await expect(customer.getByLabel('Status: In progress').first()).toBeVisible();
  await expect(customer.getByLabel('Priority: Critical').first()).toBeVisible();
  await expect(customer.getByLabel('Assignee')).toHaveText('Sam Rivera');
  // The chat tells the customer what happened; the audit trail is the agent's, folded.
  const customerChat = customer.getByRole('list', { name: 'Messages' });
  await expect(customerChat.getByText('Sam Rivera changed the status from Open to In progress.')).toBeVisible();
  await expect(customerChat.getByText('Sam Rivera changed the priority from Medium to Critical.')).toBeVisible();
  await expect(customer.getByRole('button', { name: 'History' })).toHaveCount(0);
  await agent.getByRole('button', { name: 'History' }).click();
  await expect(agent.getByRole('region', { name: 'History' })).toContainText('Sam Rivera moved it from Open to In progress');
});

test('a fourth image and a 6 MB PDF are refused with messages naming the limits, keeping what was chosen', async ({ people }) => {
  const page = await people.open('Leo Park', 'customer');
  await page.getByRole('main').getByRole('link', { name: 'New ticket' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Too many files');
  await attach(page, [pngFile('one.png', 0.1), pngFile('two.png', 0.1), pngFile('three.png', 0.1)]);
  await attach(page, [pngFile('four.png', 0.1), pdfFile('scan.pdf', 6.2)]);

  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('four.png was not added: a ticket may have at most 3 images.');
  await expect(refusal).toContainText('scan.pdf is 6.2 MB; PDFs may be at most 5 MB.');
  const attached = page.getByRole('list', { name: 'Attached files' });
  await expect(attached.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Too many files');
});
