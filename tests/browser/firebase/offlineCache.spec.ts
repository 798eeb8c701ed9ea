import type { Page } from '@playwright/test';
import { openTicket } from '../pages';
import { expect, test } from '../people';

const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });
const lines = ['First from the tunnel', 'Second from the tunnel', 'Third from the tunnel'];

test("offline on Firebase: messages wait in Firestore's persistent cache through a reload, show in the customer's second tab too, and reach the agent once each, in order", async ({
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

  // Reloaded while still offline: the app from the service worker, the messages from Firestore's cache.
  await customer.reload();
  await expect(customer.getByRole('heading', { name: 'Written in a tunnel' })).toBeVisible();
  await expect(messages(customer).getByText('Sending…')).toHaveCount(3);
  // A second tab of the same browser shares that cache (the multi-tab manager).
  const secondTab = await people.anotherTab(customer);
  await secondTab.goto(customer.url());
  await expect(messages(secondTab).getByText('Sending…')).toHaveCount(3);
  await expect(messages(agent).getByText(/ from the tunnel$/)).toHaveCount(0);

  // Back online: the agent gets each exactly once, in order, and the tab that wrote them sees
  // them sent. (The second tab keeps each once; whether it also drops "Sending…" at once is
  // up to Firestore's multi-tab metadata, which was seen to lag there: see the README.)
  await people.setOffline(customer, false);
  for (const text of lines) await expect(messages(agent).getByText(text)).toHaveCount(1);
  expect(await messages(agent).getByText(/ from the tunnel$/).allTextContents()).toEqual(lines);
  await expect(messages(customer).getByText('Sending…')).toHaveCount(0);
  for (const text of lines) await expect(messages(secondTab).getByText(text)).toHaveCount(1);
});
