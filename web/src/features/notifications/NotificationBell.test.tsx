import { Notifications, notifications } from '@mantine/notifications';
import type { NotificationDoc } from '@domain';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Outlet, Route, useLocation } from 'react-router';
import type { LocalBackend } from '../../backend/local/localBackend';
import { localBackendAs, renderPage } from '../../testing/renderWithBackend';
import { NotificationBell } from './NotificationBell';

function Where() {
  return <p>At {useLocation().pathname}</p>;
}

/** The bell in a header, the toasts' host as in main.tsx, and a page that says where it is. */
const routes = (
  <Route
    element={
      <>
        <Notifications />
        <NotificationBell />
        <Outlet />
      </>
    }
  >
    <Route path="*" element={<Where />} />
  </Route>
);

let seeded = 0;
async function notify(backend: LocalBackend, uid: string, fields: Partial<NotificationDoc> = {}) {
  const n = ++seeded;
  const doc: NotificationDoc = {
    kind: 'new_ticket',
    ticketId: `ticket-${n}`,
    text: `Notification ${n}`,
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, n)),
    seen: false,
    ...fields,
  };
  const id = `notification-${n}`;
  await backend.db.notifications.add({ ...doc, id, uid });
  return { ...doc, id };
}

afterEach(() => notifications.clean());

describe('Notification bell', () => {
  it('counts the unseen notifications in its name', async () => {
    const backend = await localBackendAs('demo-sam');
    await notify(backend, 'demo-sam');
    await notify(backend, 'demo-sam');
    await notify(backend, 'demo-sam', { seen: true });
    await notify(backend, 'demo-priya');
    renderPage(backend, routes, '/queue');
    expect(await screen.findByRole('button', { name: 'Notifications, 2 unseen' })).toBeVisible();
  });

  it('opens a drawer listing them newest first, new ones marked, and marks them seen', async () => {
    const backend = await localBackendAs('demo-sam');
    const older = await notify(backend, 'demo-sam', { text: 'New ticket #000001 from Maya Chen: Printer' });
    await notify(backend, 'demo-sam', { text: 'Already seen one', seen: true });
    const newer = await notify(backend, 'demo-sam', { text: 'New ticket #000003 from Leo Park: Invoice' });
    renderPage(backend, routes, '/queue');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unseen' }));
    const drawer = await screen.findByRole('dialog', { name: 'Notifications' });
    const items = within(drawer).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'New ticket #000003 from Leo Park: Invoice',
      'Already seen one',
      'New ticket #000001 from Maya Chen: Printer',
    ]);
    expect(within(items[0]!).getByText('New')).toBeVisible();
    expect(within(items[1]!).queryByText('New')).toBeNull();
    expect(within(items[2]!).getByText('New')).toBeVisible();

    await waitFor(async () => {
      const stored = await backend.db.notifications.bulkGet([older.id, newer.id]);
      expect(stored.map((n) => n?.seen)).toEqual([true, true]);
    });
    // Still marked new while the drawer stays open, so they can be read.
    expect(within(within(drawer).getAllByRole('listitem')[0]!).getByText('New')).toBeVisible();
    expect(await screen.findByRole('button', { name: 'Notifications, 0 unseen', hidden: true })).toBeInTheDocument();
  });

  it('links each notification to its ticket', async () => {
    const backend = await localBackendAs('demo-maya');
    await notify(backend, 'demo-maya', { kind: 'status_changed', ticketId: 'abc123', text: 'Ticket #000007 is now Resolved' });
    renderPage(backend, routes, '/tickets');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unseen' }));
    const drawer = await screen.findByRole('dialog', { name: 'Notifications' });
    await user.click(within(drawer).getByRole('link', { name: 'Ticket #000007 is now Resolved' }));
    expect(await screen.findByText('At /tickets/abc123')).toBeVisible();
  });

  it('toasts notifications that arrive while the app is open, not the ones already there', async () => {
    const backend = await localBackendAs('demo-maya');
    await notify(backend, 'demo-maya', { kind: 'status_changed', text: 'Backlog item' });
    renderPage(backend, routes, '/tickets');
    await screen.findByRole('button', { name: 'Notifications, 1 unseen' });

    await notify(backend, 'demo-maya', { kind: 'status_changed', ticketId: 'xyz789', text: 'Ticket #000009 is now In progress' });
    expect(await screen.findByText('Ticket #000009 is now In progress')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Notifications, 2 unseen' })).toBeVisible();
    expect(screen.queryByText('Backlog item')).toBeNull();

    await userEvent.setup().click(screen.getByRole('link', { name: 'Open the ticket' }));
    expect(await screen.findByText('At /tickets/xyz789')).toBeVisible();
  });
});
