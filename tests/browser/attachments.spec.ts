// Uploads need Cloud Storage: on Firebase this spec waits for the Storage emulator, which
// cannot run here (playwright.firebase.config.ts leaves it out and says so).
import { attach, pdfFile, pngFile } from './files';
import { expect, test } from './people';

test('a customer opens a ticket with an image and a PDF: each upload shows its progress, and both show on the ticket for customer and agent', async ({
  people,
}) => {
  const customer = await people.open('Maya Chen', 'customer');
  const agent = await people.open('Sam Rivera', 'agent');

  await customer.getByRole('main').getByRole('link', { name: 'New ticket' }).click();
  await customer.getByRole('textbox', { name: 'Title' }).fill('Checkout page crashes on Pay');
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
  await expect(customer.getByRole('heading', { name: 'Checkout page crashes on Pay' })).toBeVisible();
  await expect(customer.getByLabel('Ticket number')).toHaveText(/#\d+/);
  const gallery = customer.getByRole('region', { name: 'Attachments' });
  await expect(gallery.getByRole('button', { name: 'Enlarge crash.png' })).toBeVisible();
  await expect(gallery.getByRole('link', { name: 'receipt.pdf' })).toBeVisible();

  // The agent opens it from the queue and sees the same files.
  await agent.getByRole('link', { name: /Checkout page crashes on Pay/ }).click();
  const agentGallery = agent.getByRole('region', { name: 'Attachments' });
  await expect(agentGallery.getByRole('button', { name: 'Enlarge crash.png' })).toBeVisible();
  await expect(agentGallery.getByRole('link', { name: 'receipt.pdf' })).toBeVisible();
});
