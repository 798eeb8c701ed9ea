import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Route } from 'react-router';
import { localBackendAs, renderPage } from '../../testing/renderWithBackend';
import { WhenSignedIn } from '../../testing/renderWithBackend';
import { seedTicket } from '../../testing/seedTicket';
import { MyTicketsPage } from '../tickets/MyTicketsPage';
import { APP_TITLE, useUnreadTitle } from './useUnread';

function TitleProbe() {
  useUnreadTitle();
  return <p>Title follows unread</p>;
}

const myTickets = (
  <Route
    path="/tickets"
    element={
      <WhenSignedIn>
        <MyTicketsPage />
      </WhenSignedIn>
    }
  />
);

const at = (minute: number) => new Date(Date.UTC(2024, 5, 1, 10, minute));

afterEach(() => {
  document.title = '';
});

describe('Unread dots in My tickets', () => {
  it('marks the tickets where support wrote something the customer has not read', async () => {
    const backend = await localBackendAs('demo-maya');
    await seedTicket(backend, { title: 'Support answered', lastMessageAt: at(1), lastMessageBy: 'demo-sam' });
    await seedTicket(backend, { title: 'I wrote last', lastMessageAt: at(2), lastMessageBy: 'demo-maya' });
    await seedTicket(backend, { title: 'No chat yet' });
    renderPage(backend, myTickets, '/tickets');

    const list = await screen.findByRole('list', { name: 'My tickets' });
    const item = (title: string) =>
      within(list).getAllByRole('listitem').find((li) => li.textContent?.includes(title)) as HTMLElement;
    await waitFor(() =>
      expect(within(item('Support answered')).getByRole('img', { name: 'Unread messages' })).toBeVisible(),
    );
    expect(within(item('I wrote last')).queryByRole('img', { name: 'Unread messages' })).toBeNull();
    expect(within(item('No chat yet')).queryByRole('img', { name: 'Unread messages' })).toBeNull();
  });

  it('drops the dot once the chat is read', async () => {
    const backend = await localBackendAs('demo-maya');
    const ticket = await seedTicket(backend, { title: 'Support answered', lastMessageAt: at(1), lastMessageBy: 'demo-sam' });
    renderPage(backend, myTickets, '/tickets');
    expect(await screen.findByRole('img', { name: 'Unread messages' })).toBeVisible();
    await backend.markRead(ticket.id).committed;
    await waitFor(() => expect(screen.queryByRole('img', { name: 'Unread messages' })).toBeNull());
  });
});

describe('Unread count in the window title', () => {
  it("counts a customer's unread tickets, and follows them being read", async () => {
    const backend = await localBackendAs('demo-maya');
    const first = await seedTicket(backend, { lastMessageAt: at(1), lastMessageBy: 'demo-sam' });
    await seedTicket(backend, { lastMessageAt: at(2), lastMessageBy: 'demo-priya' });
    await seedTicket(backend, { lastMessageAt: at(3), lastMessageBy: 'demo-maya' });
    await seedTicket(backend, { customerUid: 'demo-leo', customerName: 'Leo Park', lastMessageAt: at(4), lastMessageBy: 'demo-sam' });
    renderPage(backend, <Route path="*" element={<TitleProbe />} />, '/');

    await waitFor(() => expect(document.title).toBe(`(2) ${APP_TITLE}`));
    await backend.markRead(first.id).committed;
    await waitFor(() => expect(document.title).toBe(`(1) ${APP_TITLE}`));
  });

  it('counts only the tickets assigned to the member of staff', async () => {
    const backend = await localBackendAs('demo-sam');
    const mine = { assigneeUid: 'demo-sam', status: 'in_progress' as const };
    await seedTicket(backend, { ...mine, lastMessageAt: at(1), lastMessageBy: 'demo-maya' });
    await seedTicket(backend, { ...mine, lastMessageAt: at(2), lastMessageBy: 'demo-leo' });
    await seedTicket(backend, { ...mine, lastMessageAt: at(3), lastMessageBy: 'demo-sam' });
    await seedTicket(backend, { lastMessageAt: at(4), lastMessageBy: 'demo-maya' });
    await seedTicket(backend, { assigneeUid: 'demo-priya', status: 'in_progress', lastMessageAt: at(5), lastMessageBy: 'demo-maya' });
    renderPage(backend, <Route path="*" element={<TitleProbe />} />, '/');

    await waitFor(() => expect(document.title).toBe(`(2) ${APP_TITLE}`));
  });

  it('is plain when nothing is unread', async () => {
    const backend = await localBackendAs('demo-maya');
    await seedTicket(backend, { title: 'Quiet' });
    renderPage(backend, <Route path="*" element={<TitleProbe />} />, '/');
    await screen.findByText('Title follows unread');
    await waitFor(() => expect(document.title).toBe(APP_TITLE));
  });
});
