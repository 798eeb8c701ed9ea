import type { Page } from '@playwright/test';
import { openTicket } from '../pages';
import { expect, test } from '../people';

const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });
const lines = ['First from the tunnel', 'Second from the tunnel', 'Third from the tunnel'];

// Opening the app with no network is the service worker's work: this spec wants it.
test.use({ serviceWorkers: 'allow' });

test("offline on Firebase: messages wait in Firestore's persistent cache, show in the customer's second tab, survive a reload, and reach the agent once each, in order", async ({
  people,
}) => {
  const customer = await people.open('Maya Chen', 'customer');
  await openTicket(customer, { title: 'Written in a tunnel', description: 'The train goes underground.', category: 'General', priority: 'Low' });
  const agent = await people.open('Sam Rivera', 'agent');
  await agent.getByRole('link', { name: /Written in a tunnel/ }).click();
  await expect(agent.getByText('No messages yet.')).toBeVisible();

  // The app's files are kept for offline use once its first page is in (the service worker).
  await customer.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Offline, each message shows as sending the moment it is written.
  await people.setOffline(customer, true);
  await expect(customer.getByRole('status', { name: 'Connection: Offline' })).toBeVisible();
  const composer = customer.getByRole('textbox', { name: 'Message' });
  for (const text of lines) {
    await composer.fill(text);
    await composer.press('Enter');
    await expect(messages(customer).getByText(text)).toBeVisible();
  }
  await expect(messages(customer).getByText('Sending…')).toHaveCount(3);

  // A second tab of the same browser shares that cache (the multi-tab manager). The sending
  // tab shows a message the moment it is sent, before Firestore has stored it on the device;
  // the second tab sees only what is stored, so the reload below starts from all three.
  const secondTab = await people.anotherTab(customer);
  await secondTab.goto(customer.url());
  await expect(messages(secondTab).getByText('Sending…')).toHaveCount(3);
  // Reloaded while still offline: the app from the service worker, the messages from Firestore's cache.
  await customer.reload();
  await expect(customer.getByRole('heading', { name: 'Written in a tunnel' })).toBeVisible();
  await expect(messages(customer).getByText('Sending…')).toHaveCount(3);
  // Meanwhile the agent's own message makes the round trip through the server, and none of
  // the customer's has reached it.
  await agent.getByRole('textbox', { name: 'Message' }).fill('Are you still there?');
  await agent.getByRole('button', { name: 'Send' }).click();
  await expect(messages(agent).getByText('Are you still there?')).toBeVisible();
  await expect(messages(agent).getByText('Sending…')).toHaveCount(0);
  await expect(messages(agent).getByText(/ from the tunnel$/)).toHaveCount(0);

  // Back online: the agent gets each exactly once, in order; the customer's tabs keep each
  // once, and a fresh load shows all three sent. (A tab's "Sending…" goes live in the tab that
  // sends them; Firestore's multi-tab metadata was seen to lag in the other: see the README.)
  await people.setOffline(customer, false);
  for (const text of lines) await expect(messages(agent).getByText(text)).toHaveCount(1);
  expect(await messages(agent).getByText(/ from the tunnel$/).allTextContents()).toEqual(lines);
  for (const tab of [customer, secondTab]) {
    for (const text of lines) await expect(messages(tab).getByText(text)).toHaveCount(1);
  }
  await customer.reload();
  for (const text of lines) await expect(messages(customer).getByText(text)).toHaveCount(1);
  await expect(messages(customer).getByText('Are you still there?')).toBeVisible();
  await expect(messages(customer).getByText('Sending…')).toHaveCount(0);
});
