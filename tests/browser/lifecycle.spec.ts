import { expect, test, type Page } from '@playwright/test';
import { pdfFile, pngFile } from './files';
import { choose, signInAs } from './pages';

async function attach(page: Page, files: ReturnType<typeof pngFile>[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles(files);
}

test('a customer opens a ticket with an image and a PDF; an agent accepts it and raises its priority; the customer sees it live', async ({
  context,
}) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');

  await customer.getByRole('main').getByRole('link', { name: 'New ticket' }).click();
  await customer.getByRole('textbox', { name: 'Title' }).fill('Checkout page crashes');
  await customer.getByRole('textbox', { name: 'Description' }).fill('It crashes after I press Pay. Screenshot and receipt attached.');
  // Triage suggests High for a crash; the customer settles for Medium.
  await customer.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'Medium' });
  await attach(customer, [pngFile('crash.png', 2.5), pdfFile('receipt.pdf', 4)]);
  const attached = customer.getByRole('list', { name: 'Attached files' });
  await expect(attached.getByText('crash.png')).toBeVisible();
  await expect(attached.getByText('receipt.pdf')).toBeVisible();

  await customer.getByRole('button', { name: 'Open ticket' }).click();
  // Each upload shows its progress bar while the bytes are stored (it starts at 0%, empty).
  await expect(customer.getByRole('progressbar', { name: 'Uploading receipt.pdf' })).toBeAttached();
  await expect(customer.getByRole('heading', { name: 'Checkout page crashes' })).toBeVisible();
  await expect(customer.getByLabel('Ticket number')).toHaveText(/#\d+/);
  const gallery = customer.getByRole('region', { name: 'Attachments' });
  await expect(gallery.getByRole('button', { name: 'Enlarge crash.png' })).toBeVisible();
  await expect(gallery.getByRole('link', { name: 'receipt.pdf' })).toBeVisible();

  // The agent picks it from the queue without reloading.
  await agent.getByRole('link', { name: /Checkout page crashes/ }).click();
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

test('a fourth image and a 6 MB PDF are refused with messages naming the limits, keeping what was chosen', async ({ page }) => {
  await signInAs(page, 'Leo Park', 'customer');
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
