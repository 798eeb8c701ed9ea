import { expect, test, type Page } from '@playwright/test';
import { openTicket, signInAs } from './pages';

async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('list', { name: 'Messages' }).getByText(text)).toBeVisible();
}

/**
 * The tab as if the person had switched away, with the browser's Notification API recording
 * what it is asked to show (a headless browser shows nothing one could look at).
 */
async function hideAndRecordNotifications(page: Page) {
  await page.evaluate(() => {
    const shown: { title: string; body?: string; tag?: string }[] = [];
    function Recorded(this: { close: () => void }, title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body, tag: options?.tag });
      this.close = () => {};
    }
    Recorded.permission = 'granted';
    Recorded.requestPermission = async () => 'granted';
    Object.assign(window, { Notification: Recorded, shownNotifications: shown });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  });
}
const shownNotifications = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownNotifications: { title: string; body?: string; tag?: string }[] }).shownNotifications);

test("message alerts: a burst of the customer's messages is one alert in the assignee's bell; opted in, a hidden tab gets a browser notification", async ({
  context,
  baseURL,
}) => {
  await context.grantPermissions(['notifications'], { origin: baseURL });
  const customer = await context.newPage();
  await signInAs(customer, 'Maya Chen', 'customer');
  await openTicket(customer, { title: 'Alert on my printer', description: 'It blinks red.', category: 'Technical', priority: 'Low' });
  await expect(customer.getByLabel('Ticket number')).toHaveText(/^#\d+$/);
  const number = (await customer.getByLabel('Ticket number').textContent())?.trim() ?? '';
  const ticketId = new URL(customer.url()).pathname.split('/').pop() ?? '';

  const agent = await context.newPage();
  await signInAs(agent, 'Sam Rivera', 'agent');
  await agent.getByRole('link', { name: /Alert on my printer/ }).click();
  await agent.getByRole('button', { name: 'Accept' }).click();
  await expect(customer.getByLabel('Assignee')).toHaveText('Sam Rivera');
  await agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
  // Away from the ticket (its own chat on screen gets no toast), before the customer writes.
  await expect(agent.getByRole('heading', { name: 'Queue', level: 1 })).toBeVisible();

  // The alert quotes the line its trigger saw as the newest: triggers are not ordered, so on
  // a busy machine that may be the second or third line rather than the first.
  const alertText = new RegExp(`^New message on ${number} \\("Alert on my printer"\\) from Maya Chen: (First|Second|Third) line$`);
  // The toast shows for a few seconds: watched from before the first line, as on a busy
  // machine the three sends may outlast it.
  const toastShown = expect(agent.getByText(alertText)).toBeVisible();
  for (const line of ['First line', 'Second line', 'Third line']) await send(customer, line);
  await toastShown;
  await agent.getByRole('button', { name: /^Notifications, \d+ unseen$/ }).click();
  const drawer = agent.getByRole('dialog', { name: 'Notifications' });
  await expect(drawer.getByRole('link', { name: alertText })).toBeVisible();
  await expect(drawer.getByRole('link', { name: new RegExp(`^New message on ${number} `) })).toHaveCount(1);

  const optIn = drawer.getByRole('switch', { name: 'Alert me while this tab is hidden' });
  await optIn.click();
  await expect(optIn).toBeChecked();
  await agent.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Opening the bell saw the alert: the customer's next message raises it again.
  await hideAndRecordNotifications(agent);
  await send(customer, 'Are you there?');
  await expect.poll(() => shownNotifications(agent)).toEqual([
    { title: 'New message', body: `New message on ${number} ("Alert on my printer") from Maya Chen: Are you there?`, tag: ticketId },
  ]);
});
