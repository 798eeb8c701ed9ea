import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { accountButton, openTicket, signInAs } from './pages';

const title = 'Cannot download my invoice';
const phone = { width: 375, height: 740 };

/** Sends a chat message and waits until it shows as sent. */
async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('list', { name: 'Messages' }).getByText(text)).toBeVisible();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} system theme`, () => {
    // Reduced motion: no page is checked halfway through a fade (axe reads the colours then).
    test.use({ colorScheme, reducedMotion: 'reduce' });

    test(`axe finds no serious or critical violation on any main page (${colorScheme})`, async ({ context }) => {
      test.setTimeout(180_000);
      const customer = await context.newPage();
      await customer.goto('/');
      await expect(customer.getByRole('button', { name: 'Continue as Maya Chen (customer)' })).toBeVisible();
      await expect(customer.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
      await expectAccessible(customer, `sign-in, ${colorScheme}`);
      await customer.getByRole('form', { name: 'Sign in' }).getByRole('button', { name: 'Sign in' }).click();
      await expect(customer.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');
      await expectAccessible(customer, `sign-in with errors, ${colorScheme}`);

      await signInAs(customer, 'Maya Chen', 'customer');
      await customer.getByRole('main').getByRole('link', { name: 'New ticket' }).click();
      await customer.getByRole('button', { name: 'Open ticket' }).click();
      await expect(customer.getByText('Give the ticket a title.')).toBeVisible();
      await expect(customer.getByText('Describe the problem.')).toBeVisible();
      await expectAccessible(customer, `new ticket with errors, ${colorScheme}`);

      await customer.getByRole('button', { name: 'Cancel' }).click();
      await openTicket(customer, {
        title,
        description: 'The download button on the billing page does nothing.',
        category: 'Billing',
        priority: 'High',
      });
      await send(customer, 'Any idea what is wrong?');

      const agent = await context.newPage();
      await signInAs(agent, 'Sam Rivera', 'agent');
      const queue = agent.getByRole('list', { name: 'Queue' });
      await expect(queue.getByRole('link', { name: new RegExp(title) })).toBeVisible();
      await expect(queue.getByLabel('Unread messages')).toBeVisible();
      await expectAccessible(agent, `queue, ${colorScheme}`);

      await agent.getByRole('button', { name: /^Notifications, \d+ unseen$/ }).click();
      const drawer = agent.getByRole('dialog', { name: 'Notifications' });
      await expect(drawer.getByRole('link', { name: new RegExp(title) })).toBeVisible();
      await expectAccessible(agent, `notifications open, ${colorScheme}`);
      await drawer.getByRole('link', { name: new RegExp(title) }).click();

      await expect(agent.getByRole('heading', { name: title })).toBeVisible();
      await agent.getByRole('button', { name: 'Accept' }).click();
      await expect(agent.getByLabel('Status: In progress').first()).toBeVisible();
      await send(agent, 'Looking into it now.');
      await agent.getByRole('radiogroup', { name: 'Write a reply or an internal note' }).getByText('Internal note').click();
      await agent.getByRole('textbox', { name: 'Internal note' }).fill('Billing export is down since the release.');
      await expectAccessible(agent, `ticket as agent, writing a note, ${colorScheme}`);
      await agent.getByRole('button', { name: 'Add note' }).click();
      await expect(agent.getByLabel('Internal note by Sam Rivera')).toBeVisible();
      await expectAccessible(agent, `ticket as agent, ${colorScheme}`);
      await agent.getByRole('button', { name: 'History' }).click();
      await expect(agent.getByRole('region', { name: 'History' })).toContainText('Sam Rivera moved it from Open to In progress');
      await agent.getByRole('combobox', { name: 'Assignee' }).click();
      await expect(agent.getByRole('option', { name: 'Priya Nair (agent)' })).toBeVisible();
      await expectAccessible(agent, `ticket as agent, history and assignee list open, ${colorScheme}`);
      await agent.keyboard.press('Escape');

      await expect(customer.getByRole('list', { name: 'Messages' }).getByText('Looking into it now.')).toBeVisible();
      await expect(customer.getByLabel('Status: In progress').first()).toBeVisible();
      await expectAccessible(customer, `ticket as customer, ${colorScheme}`);

      await customer.getByRole('link', { name: 'My tickets' }).click();
      await expect(customer.getByRole('list', { name: 'My tickets' }).getByRole('link', { name: new RegExp(title) })).toBeVisible();
      await expectAccessible(customer, `my tickets, ${colorScheme}`);

      const admin = await context.newPage();
      await signInAs(admin, 'Alex Morgan', 'admin');
      await admin.getByRole('link', { name: 'Users' }).click();
      await expect(admin.getByRole('list', { name: 'Users' }).getByText('Priya Nair')).toBeVisible();
      await expectAccessible(admin, `users, ${colorScheme}`);
      await accountButton(admin, 'Alex Morgan', 'admin').click();
      await expect(admin.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
      await expectAccessible(admin, `users, account menu open, ${colorScheme}`);
    });

    test(`axe finds no serious or critical violation at phone width (${colorScheme})`, async ({ context }) => {
      test.setTimeout(180_000);
      const customer = await context.newPage();
      await customer.setViewportSize(phone);
      await signInAs(customer, 'Leo Park', 'customer');
      await customer.getByRole('button', { name: 'Toggle navigation' }).click();
      await expect(customer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New ticket' })).toBeVisible();
      await expectAccessible(customer, `phone, navigation open, ${colorScheme}`);
      await customer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
      await openTicket(customer, { title, description: 'Tapped the button twice.', category: 'Billing', priority: 'Low' });
      await send(customer, 'Sent from my phone.');
      await expectAccessible(customer, `phone, ticket chat as customer, ${colorScheme}`);

      const agent = await context.newPage();
      await agent.setViewportSize(phone);
      await signInAs(agent, 'Sam Rivera', 'agent');
      await agent.getByRole('button', { name: 'Filters' }).click();
      await expect(agent.getByRole('combobox', { name: 'Status' })).toBeVisible();
      await expectAccessible(agent, `phone, queue with filters open, ${colorScheme}`);

      await agent.getByRole('link', { name: new RegExp(title) }).click();
      await agent.getByRole('tab', { name: 'Details' }).click();
      await agent.getByRole('button', { name: 'Accept' }).click();
      await expect(agent.getByLabel('Status: In progress').first()).toBeVisible();
      await expectAccessible(agent, `phone, ticket details as agent, ${colorScheme}`);
      await agent.getByRole('button', { name: 'Reject' }).click();
      await expect(agent.getByRole('dialog', { name: 'Reject this ticket' })).toBeVisible();
      await expectAccessible(agent, `phone, reject dialog, ${colorScheme}`);
      await agent.getByRole('textbox', { name: 'Reason' }).fill('Billing questions go to the billing portal.');
      await agent.getByRole('button', { name: 'Reject ticket' }).click();
      await expect(agent.getByLabel('Status: Rejected').first()).toBeVisible();
      await expectAccessible(agent, `phone, rejected ticket as agent, ${colorScheme}`);

      await expect(customer.getByText('This ticket was rejected, so its chat is closed.')).toBeVisible();
      await expectAccessible(customer, `phone, rejected ticket as customer, ${colorScheme}`);
    });
  });
}
