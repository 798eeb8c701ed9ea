import { expect, test, type Page } from '@playwright/test';
import { openTicket, signInAs } from './pages';

const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });

/** Tabs forward until `target` has focus, as a keyboard user would (at most `limit` presses). */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, limit = 40) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * Presses ArrowDown in an open list until `option` is highlighted, as a keyboard user watches
 * the highlight. Mantine sets where the arrows start (the chosen option) on a zero-delay timer
 * when the list opens; keys pressed before it has run start from the top.
 */
async function arrowTo(page: Page, option: ReturnType<Page['getByRole']>, limit = 10) {
  await expect(page.getByRole('listbox')).toBeVisible();
  // Mantine's zero-delay timer has run once one queued after it has.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  for (let presses = 0; presses < limit; presses++) {
    if ((await option.getAttribute('data-combobox-selected')) !== null) return;
    await page.keyboard.press('ArrowDown');
  }
  await expect(option).toHaveAttribute('data-combobox-selected');
}

test('keyboard only: focus lands on each new page, survives Accept, and browsing a select changes nothing', async ({ context }) => {
  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  await openTicket(customer, { title: 'Keyboard trouble', description: 'Keys stick.', category: 'Technical', priority: 'High' });

  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  // After signing in, the landing page's heading has focus, not the body.
  await expect(agent.getByRole('heading', { level: 1, name: 'Queue' })).toBeFocused();

  // On a fresh load, the first tab stop skips the header.
  await agent.reload();
  await expect(agent.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
  await agent.keyboard.press('Tab');
  await expect(agent.getByRole('button', { name: 'Skip to content' })).toBeFocused();
  await agent.keyboard.press('Enter');
  await expect(agent.getByRole('heading', { level: 1, name: 'Queue' })).toBeFocused();

  // Opening a ticket from the queue puts focus on its title.
  await tabTo(agent, agent.getByRole('link', { name: /Keyboard trouble/ }));
  await agent.keyboard.press('Enter');
  await expect(agent.getByRole('heading', { level: 1, name: 'Keyboard trouble' })).toBeFocused();

  // Accept by keyboard: its button goes away, focus moves to the next move, not the body.
  await tabTo(agent, agent.getByRole('button', { name: 'Accept' }));
  await agent.keyboard.press('Enter');
  await expect(agent.getByRole('button', { name: 'Resolve' })).toBeFocused();

  // Browsing the priority options with the arrow keys writes nothing; Enter on one writes once.
  const priority = agent.getByRole('combobox', { name: 'Priority' });
  await tabTo(agent, priority);
  await expect(priority).toHaveValue('High');
  await agent.keyboard.press('ArrowDown');
  await expect(agent.getByRole('listbox')).toBeVisible();
  for (const key of ['ArrowUp', 'ArrowUp', 'ArrowDown', 'ArrowDown', 'ArrowDown']) await agent.keyboard.press(key);
  await agent.keyboard.press('Escape');
  await expect(agent.getByRole('listbox')).toBeHidden();
  await expect(priority).toHaveValue('High');
  await agent.keyboard.press('ArrowDown');
  await arrowTo(agent, agent.getByRole('option', { name: 'Critical' }));
  await agent.keyboard.press('Enter');
  await expect(priority).toHaveValue('Critical');
  await expect(priority).toBeFocused();
  const changes = messages(customer).getByText(/changed the priority/);
  await expect(changes).toHaveText([/^Sam Rivera changed the priority from High to Critical\./]);
  await expect(customer.getByLabel('Priority: Critical').first()).toBeVisible();
});

test('fields and buttons show a 2px focus ring from the keyboard, in light and dark', async ({ browser }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await signInAs(page, 'Leo Park', 'customer');
    await page.getByRole('main').getByRole('link', { name: 'New ticket' }).click();
    const title = page.getByRole('textbox', { name: 'Title' });
    await tabTo(page, title);
    // The ring is on the field's box (an outline), not a change of its 1px border.
    await expect(title).toHaveCSS('outline-style', 'solid');
    await expect(title).toHaveCSS('outline-width', '2px');
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await tabTo(page, cancel);
    await expect(cancel).toHaveCSS('outline-style', 'solid');
    await expect(cancel).toHaveCSS('outline-width', '2px');
    await context.close();
  }
});
