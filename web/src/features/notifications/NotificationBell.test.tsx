import { Notifications, notifications } from '@mantine/notifications';
import type { NotificationDoc } from '@domain';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outlet, Route, useLocation, useParams } from 'react-router';
import type { LocalBackend } from '../../backend/local/localBackend';
import { localBackendAs, renderPage } from '../../testing/renderWithBackend';
import { NotificationBell } from './NotificationBell';
import { useMessageAlertsSeen } from './useMessageAlertsSeen';

function Where() {
  return <p>At {useLocation().pathname}</p>;
}

/** A ticket's chat on screen and read to its end, as ChatPanel reports it. */
function ReadingChat() {
  const ticketId = useParams().ticketId ?? '';
  useMessageAlertsSeen(ticketId, true);
  return <p>Reading {ticketId}</p>;
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
    <Route path="/reading/:ticketId" element={<ReadingChat />} />
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

function alert(uid: string, fields: Partial<NotificationDoc> = {}) {
  const n = ++seeded;
  const doc: NotificationDoc = {
    kind: 'new_message',
    ticketId: `ticket-${n}`,
    text: `New message on #${n} ("Printer") from Maya Chen: Hello ${n}`,
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, n)),
    seen: false,
    ...fields,
  };
  return { ...doc, id: `${doc.ticketId}-messages-${uid}`, uid };
}
/** One write, so one delivery of the listener (as a tab back online gets them). */
const deliver = (backend: LocalBackend, ...rows: ReturnType<typeof alert>[]) => act(() => backend.db.notifications.bulkPut(rows));

/** The browser's Notification API, which jsdom lacks: records what was shown. */
class FakeNotification {
  static permission: NotificationPermission = 'default';
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = 'granted';
    return FakeNotification.permission;
  });
  static shown: FakeNotification[] = [];
  /** As Chrome for Android: permission granted, yet no notification from a page. */
  static refuses = false;
  onclick: (() => void) | null = null;
  closed = false;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    if (FakeNotification.refuses) throw new TypeError("Failed to construct 'Notification': Illegal constructor.");
    FakeNotification.shown.push(this);
  }
  close() {
    this.closed = true;
  }
}
let visibility: DocumentVisibilityState = 'visible';

beforeEach(() => {
  FakeNotification.permission = 'default';
  FakeNotification.shown = [];
  FakeNotification.refuses = false;
  visibility = 'visible';
  vi.stubGlobal('Notification', FakeNotification);
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  localStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function openApp(uid: string, path = '/queue') {
  const backend = await localBackendAs(uid);
  await backend.db.notifications.put(alert(uid, { text: 'Backlog item' }));
  renderPage(backend, routes, path);
  await screen.findByRole('button', { name: 'Notifications, 1 unseen' });
  return backend;
}

describe('message alerts in the app', () => {
  it('a delivery with news of more than 3 tickets is one summary toast, whose button opens the bell', async () => {
    const backend = await openApp('demo-sam');
    await deliver(backend, ...[1, 2, 3, 4, 5].map(() => alert('demo-sam')));
    expect(await screen.findByText('5 tickets have new messages')).toBeVisible();
    expect(screen.queryByText(/from Maya Chen: Hello/)).toBeNull();
    expect(screen.queryAllByRole('link', { name: 'Open the ticket' })).toHaveLength(0);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Show them' }));
    const drawer = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(within(drawer).getAllByText(/from Maya Chen: Hello/)).toHaveLength(5);
  });

  it('up to 3 tickets: a toast each, none for the ticket open on screen', async () => {
    const backend = await openApp('demo-sam', '/tickets/open-one');
    await deliver(backend, alert('demo-sam', { ticketId: 'open-one', text: 'About the open one' }), alert('demo-sam', { text: 'About another' }));
    expect(await screen.findByText('About another')).toBeVisible();
    expect(screen.getByText('New message')).toBeVisible();
    expect(screen.queryByText('About the open one')).toBeNull();
  });

  it('the alerts of the chat being read are seen: the bell counts only the others', async () => {
    const backend = await openApp('demo-sam', '/reading/open-one');
    await deliver(backend, alert('demo-sam', { ticketId: 'open-one', text: 'About the open one' }), alert('demo-sam', { text: 'About another' }));
    expect(await screen.findByText('About another')).toBeVisible();
    // The backlog item and the other ticket's alert; the open chat's alert was marked seen.
    expect(await screen.findByRole('button', { name: 'Notifications, 2 unseen' })).toBeVisible();
    await waitFor(async () => expect((await backend.db.notifications.get('open-one-messages-demo-sam'))?.seen).toBe(true));
  });

  it('an alert raised again for a new burst toasts again; one left as it was does not', async () => {
    const backend = await openApp('demo-sam');
    const first = alert('demo-sam', { text: 'First burst' });
    await deliver(backend, first);
    expect(await screen.findByText('First burst')).toBeVisible();
    act(() => notifications.clean());
    await waitFor(() => expect(screen.queryByText('First burst')).toBeNull());
    await deliver(backend, { ...first, seen: true });
    await screen.findByRole('button', { name: 'Notifications, 1 unseen' });
    expect(screen.queryByText('First burst')).toBeNull();
    await deliver(backend, { ...first, text: 'Second burst', seen: false, createdAt: new Date(Date.UTC(2024, 0, 2)) });
    expect(await screen.findByText('Second burst')).toBeVisible();
  });

  it('a browser notification only when opted in and the tab is hidden; clicking it opens the ticket', async () => {
    const backend = await openApp('demo-sam');
    const user = userEvent.setup();
    visibility = 'hidden';
    await deliver(backend, alert('demo-sam', { text: 'Before opting in' }));
    await screen.findByText('Before opting in');
    expect(FakeNotification.shown).toEqual([]);

    await user.click(screen.getByRole('button', { name: /^Notifications, \d+ unseen$/ }));
    const optIn = await screen.findByRole('switch', { name: 'Alert me while this tab is hidden' });
    expect(optIn).not.toBeChecked();
    await user.click(optIn);
    await waitFor(() => expect(optIn).toBeChecked());
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');

    visibility = 'visible';
    await deliver(backend, alert('demo-sam', { text: 'While looking' }));
    await screen.findByText('While looking');
    expect(FakeNotification.shown).toEqual([]);

    visibility = 'hidden';
    await deliver(backend, alert('demo-sam', { ticketId: 'abc123', text: 'While away' }));
    await waitFor(() => expect(FakeNotification.shown).toHaveLength(1));
    const [shown] = FakeNotification.shown;
    expect(shown).toMatchObject({ title: 'New message', options: { body: 'While away', tag: 'abc123' } });
    act(() => shown!.onclick?.());
    expect(await screen.findByText('At /tickets/abc123')).toBeVisible();
    expect(shown!.closed).toBe(true);
  });

  it('many tickets while hidden: one browser notification, not one each', async () => {
    const backend = await openApp('demo-sam');
    FakeNotification.permission = 'granted';
    localStorage.setItem('support-desk.browser-alerts.demo-sam', 'on');
    visibility = 'hidden';
    await deliver(backend, ...[1, 2, 3, 4].map(() => alert('demo-sam')));
    await waitFor(() => expect(FakeNotification.shown).toHaveLength(1));
    expect(FakeNotification.shown[0]).toMatchObject({ options: { body: '4 tickets have new messages' } });
  });

  it('a browser that refuses page notifications (Chrome for Android) still gets the toast', async () => {
    const backend = await openApp('demo-sam');
    FakeNotification.permission = 'granted';
    FakeNotification.refuses = true;
    localStorage.setItem('support-desk.browser-alerts.demo-sam', 'on');
    visibility = 'hidden';
    await deliver(backend, alert('demo-sam', { text: 'Still told' }));
    expect(await screen.findByText('Still told')).toBeVisible();
    expect(FakeNotification.shown).toEqual([]);
  });

  it('a browser that blocks notifications leaves the switch off and says how to allow them', async () => {
    FakeNotification.permission = 'denied';
    await openApp('demo-sam');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Notifications, 1 unseen' }));
    const optIn = await screen.findByRole('switch', { name: 'Alert me while this tab is hidden' });
    await user.click(optIn);
    // Once the browser has answered (at once here: it blocks), the switch is still off.
    await waitFor(() => expect(optIn).not.toHaveAttribute('aria-busy', 'true'));
    expect(optIn).not.toBeChecked();
    expect(optIn).toHaveFocus();
    expect(optIn).toHaveAccessibleDescription(/blocks the desk's notifications/);
  });
});
