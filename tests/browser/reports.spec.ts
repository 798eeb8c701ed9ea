import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { openTicket, signInAs } from './pages';

const today = () => new Date().toISOString().slice(0, 10);

/** The table view of a chart section, opened: found by its role and the section's name. */
async function tableOf(page: Page, section: string) {
  const region = page.getByRole('region', { name: section });
  const toggle = region.getByRole('button', { name: 'Show table' });
  if (await toggle.isVisible()) await toggle.click();
  return region.getByRole('table', { name: section });
}

/** One of the page's figures (total tickets, open now, new tickets per day): its label, then its value. */
const figure = (page: Page, label: string) => page.getByRole('main').getByRole('group', { name: label, exact: true });

const rowOf = (table: ReturnType<Page['getByRole']>, header: string) =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: header, exact: true }) });

test("an agent's open Reports page counts a new ticket and a resolution live, their own row included", async ({ context }) => {
  test.setTimeout(120_000);
  const reports = await context.newPage();
  await signInAs(reports, 'Sam Rivera', 'agent');
  await reports.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(reports.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await reports.getByText('Last 7 days', { exact: true }).click();
  await expect(reports.getByRole('radio', { name: 'Last 7 days' })).toBeChecked();
  await expect(figure(reports, 'Total tickets')).toHaveText('Total tickets0');
  const perDay = await tableOf(reports, 'Tickets per day');
  await expect(perDay.getByRole('columnheader')).toHaveText(['Day', 'Opened', 'Resolved', 'Closed']);
  await expect(rowOf(perDay, today()).getByRole('cell')).toHaveText(['0', '0', '0']);

  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  await openTicket(customer, { title: 'Invoice shows the wrong address', description: 'The old street is on it.', category: 'Billing', priority: 'High' });

  // Counted without a reload.
  await expect(figure(reports, 'Total tickets')).toHaveText('Total tickets1');
  await expect(figure(reports, 'Open now')).toHaveText('Open now1');
  await expect(rowOf(perDay, today()).getByRole('cell')).toHaveText(['1', '0', '0']);
  const byCategory = await tableOf(reports, 'Tickets by category');
  await expect(rowOf(byCategory, 'Billing').getByRole('cell').first()).toHaveText('1');
  await expect(byCategory.getByRole('link', { name: 'Open in queue: Billing' })).toHaveAttribute('href', '/queue?category=billing');

  const work = await context.newPage();
  await signInAs(work, 'Sam Rivera', 'agent');
  await work.getByRole('list', { name: 'Queue' }).getByRole('link', { name: /Invoice shows the wrong address/ }).click();
  await work.getByRole('button', { name: 'Accept' }).click();
  await work.getByRole('button', { name: 'Resolve' }).click();
  await expect(work.getByText('Resolved', { exact: true }).first()).toBeVisible();

  await expect(rowOf(perDay, today()).getByRole('cell')).toHaveText(['1', '1', '0']);
  await expect(figure(reports, 'Open now')).toHaveText('Open now0');
  const own = reports.getByRole('table', { name: 'Your figures' });
  await expect(own.getByRole('columnheader')).toHaveText([
    'Agent',
    'Assigned',
    'Resolved',
    'Reopened',
    'Within SLA',
    'Satisfaction',
    'Response rate',
    'Median first response',
    'Median resolution',
    'Tickets',
  ]);
  await expect(rowOf(own, 'Sam Rivera (you)').getByRole('cell')).toHaveText(['1', '1', '0', '100 %', '–', '0 %', /min|h/, /min|h/, 'Open in queue']);
  // Resolved within both targets, not rated yet: the desk's figures say the same.
  await expect(figure(reports, 'Within SLA')).toHaveText('Within SLA100 %');
  await expect(figure(reports, 'Survey response rate')).toHaveText('Survey response rate0 %');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} system theme`, () => {
    test.use({ colorScheme, reducedMotion: 'reduce' });
    test(`axe finds no serious or critical violation on the Reports page (${colorScheme})`, async ({ context }) => {
      test.setTimeout(120_000);
      const customer = await context.newPage();
      await signInAs(customer, 'Maya Chen', 'customer');
      await openTicket(customer, { title: 'Password reset mail never arrives', description: 'Checked the spam folder too.', category: 'Account', priority: 'Medium' });
      const agent = await context.newPage();
      await signInAs(agent, 'Alex Morgan', 'admin');
      await agent.goto('/reports');
      await expect(figure(agent, 'Total tickets')).toHaveText('Total tickets1');
      await expect(agent.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
      await tableOf(agent, 'Tickets per day');
      await tableOf(agent, 'Tickets by priority');
      await expect(agent.getByRole('table', { name: 'Agents' })).toBeVisible();
      await expectAccessible(agent, `reports, ${colorScheme}`);
    });
  });
}
