import { QUEUE_PAGE_SIZE } from '@domain';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route, useLocation } from 'react-router';
import type { LocalBackend } from '../../backend/local/localBackend';
import { localBackendAs, renderPage } from '../../testing/renderWithBackend';
import { QueuePage } from './QueuePage';
import { seedTicket } from '../../testing/seedTicket';

/** Shows the URL's query string, to check that the filters live in it. */
function LocationProbe() {
  const location = useLocation();
  return <output aria-label="Query string">{location.search}</output>;
}

const routes = (
  <Route
    path="/queue"
    element={
      <>
        <QueuePage />
        <LocationProbe />
      </>
    }
  />
);

async function renderQueue(backend: LocalBackend, path = '/queue') {
  renderPage(backend, routes, path);
  return screen.findByRole('list', { name: 'Queue' });
}

const queueTitles = () =>
  within(screen.getByRole('list', { name: 'Queue' }))
    .getAllByRole('link')
    .map((link) => link.textContent?.replace(/^#\S+\s*/, ''));

const queryString = () => screen.getByRole('status', { name: 'Query string' }).textContent;

describe('Queue page', () => {
  it('offers every filter as a named control, with the assignee choices and the staff', async () => {
    const backend = await localBackendAs('demo-sam');
    await seedTicket(backend, { title: 'Printer jam' });
    await renderQueue(backend);

    expect(screen.getByRole('searchbox', { name: 'Search titles, descriptions and messages' })).toBeVisible();
    const status = screen.getByRole('combobox', { name: 'Status' });
    expect(within(status).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'All',
      'Open',
      'In progress',
      'Resolved',
      'Closed',
      'Rejected',
    ]);
    expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveDisplayValue('All');
    expect(screen.getByRole('combobox', { name: 'Category' })).toHaveDisplayValue('All');
    expect(screen.getByRole('combobox', { name: 'Sort' })).toHaveDisplayValue('Newest first');
    const assignee = screen.getByRole('combobox', { name: 'Assignee' });
    await waitFor(() =>
      expect(within(assignee).getAllByRole('option').map((o) => o.textContent)).toEqual([
        'Anyone',
        'Unassigned',
        'Assigned to me',
        'Alex Morgan',
        'Priya Nair',
        'Sam Rivera',
      ]),
    );
  });

  it("shows each ticket's assignee as a named avatar, or Unassigned", async () => {
    const backend = await localBackendAs('demo-sam');
    await seedTicket(backend, { title: 'Waiting for someone' });
    await seedTicket(backend, { title: 'Priya has it', assigneeUid: 'demo-priya', status: 'in_progress' });
    await renderQueue(backend);
    const queue = screen.getByRole('list', { name: 'Queue' });
    const items = within(queue).getAllByRole('listitem');
    await waitFor(() => expect(within(items[0]!).getByRole('img', { name: 'Assigned to Priya Nair' })).toHaveTextContent('PN'));
    expect(items[0]).toHaveTextContent('Priya has it');
    expect(within(items[1]!).getByRole('img', { name: 'Unassigned' })).toBeVisible();
  });

  it('narrows by status, priority and category, and keeps the filter in the URL', async () => {
    const backend = await localBackendAs('demo-sam');
    await seedTicket(backend, { title: 'Open billing low', category: 'billing', priority: 'low' });
    await seedTicket(backend, { title: 'Resolved billing high', status: 'resolved', category: 'billing', priority: 'high' });
    await seedTicket(backend, { title: 'Resolved account high', status: 'resolved', category: 'account', priority: 'high' });
    await renderQueue(backend);
    const user = userEvent.setup();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Resolved');
    await waitFor(() => expect(queueTitles()).toEqual(['Resolved account high', 'Resolved billing high']));
    expect(queryString()).toBe('?status=resolved');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'Billing');
    await waitFor(() => expect(queueTitles()).toEqual(['Resolved billing high']));
    expect(queryString()).toBe('?status=resolved&category=billing');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Priority' }), 'Low');
    expect(await screen.findByText('No tickets match these filters.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(queueTitles()).toHaveLength(3));
    expect(queryString()).toBe('');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('All');
  });

  it('opens with the filters of a bookmarked URL, ignoring values that make no sense', async () => {
    const backend = await localBackendAs('demo-sam');
    await seedTicket(backend, { title: 'Old and open' });
    await seedTicket(backend, { title: 'Newer and open' });
    await seedTicket(backend, { title: 'Closed one', status: 'closed' });
    await renderQueue(backend, '/queue?sort=oldest&priority=urgent&assignee=unassigned&status=open');

    expect(screen.getByRole('combobox', { name: 'Sort' })).toHaveDisplayValue('Oldest first');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('Open');
    expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveDisplayValue('All');
    expect(screen.getByRole('combobox', { name: 'Assignee' })).toHaveDisplayValue('Unassigned');
    await waitFor(() => expect(queueTitles()).toEqual(['Old and open', 'Newer and open']));
  });

  it('filters by assignee: unassigned, mine, or one member of staff', async () => {
    const backend = await localBackendAs('demo-sam');
    await seedTicket(backend, { title: 'Nobody yet' });
    await seedTicket(backend, { title: 'For Sam', assigneeUid: 'demo-sam', status: 'in_progress' });
    await seedTicket(backend, { title: 'For Priya', assigneeUid: 'demo-priya', status: 'in_progress' });
    await renderQueue(backend);
    const user = userEvent.setup();
    const assignee = screen.getByRole('combobox', { name: 'Assignee' });

    await user.selectOptions(assignee, 'Assigned to me');
    await waitFor(() => expect(queueTitles()).toEqual(['For Sam']));
    expect(queryString()).toBe('?assignee=mine');

    await user.selectOptions(assignee, 'Unassigned');
    await waitFor(() => expect(queueTitles()).toEqual(['Nobody yet']));

    await screen.findByRole('option', { name: 'Priya Nair' });
    await user.selectOptions(assignee, 'Priya Nair');
    await waitFor(() => expect(queueTitles()).toEqual(['For Priya']));
    expect(queryString()).toBe('?assignee=demo-priya');
  });

  it('searches title and description once typing pauses', async () => {
    const backend = await localBackendAs('demo-sam');
    await seedTicket(backend, { title: 'Printer on fire', description: 'Smoke everywhere.' });
    await seedTicket(backend, { title: 'Invoice twice', description: 'The printer printed two invoices.' });
    await seedTicket(backend, { title: 'Password reset', description: 'The mail never came.' });
    await renderQueue(backend);
    const user = userEvent.setup();

    await user.type(screen.getByRole('searchbox', { name: 'Search titles, descriptions and messages' }), 'printer');
    await waitFor(() => expect(queueTitles()).toEqual(['Invoice twice', 'Printer on fire']));
    expect(queryString()).toBe('?q=printer');

    await user.type(screen.getByRole('searchbox', { name: 'Search titles, descriptions and messages' }), ' fire');
    await waitFor(() => expect(queueTitles()).toEqual(['Printer on fire']));

    await user.clear(screen.getByRole('searchbox', { name: 'Search titles, descriptions and messages' }));
    await waitFor(() => expect(queueTitles()).toHaveLength(3));
    expect(queryString()).toBe('');
  });

  it('pages with cursors, and goes back to page 1 when a filter changes', async () => {
    const backend = await localBackendAs('demo-sam');
    for (let i = 0; i < QUEUE_PAGE_SIZE + 5; i++) await seedTicket(backend, { priority: i < 3 ? 'high' : 'medium' });
    await renderQueue(backend);
    const user = userEvent.setup();

    const previous = screen.getByRole('button', { name: 'Previous page' });
    const next = screen.getByRole('button', { name: 'Next page' });
    expect(screen.getByText('Page 1')).toBeVisible();
    expect(previous).toBeDisabled();
    expect(queueTitles()).toHaveLength(QUEUE_PAGE_SIZE);
    const firstPage = queueTitles();

    await user.click(next);
    expect(await screen.findByText('Page 2')).toBeVisible();
    await waitFor(() => expect(queueTitles()).toHaveLength(5));
    expect(queueTitles().some((title) => firstPage.includes(title))).toBe(false);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('Page 1')).toBeVisible();
    await waitFor(() => expect(queueTitles()).toEqual(firstPage));

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Page 2')).toBeVisible();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Priority' }), 'High');
    expect(await screen.findByText('Page 1')).toBeVisible();
    await waitFor(() => expect(queueTitles()).toHaveLength(3));
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  it('says the queue is empty when nothing is filtered and there are no tickets', async () => {
    const backend = await localBackendAs('demo-sam');
    renderPage(backend, routes, '/queue');
    expect(
      await screen.findByText('The queue is empty. New tickets appear here as customers open them.'),
    ).toBeVisible();
  });

  it('puts a red dot on tickets with messages the agent has not read', async () => {
    const backend = await localBackendAs('demo-sam');
    const at = new Date('2024-06-01T10:00:00Z');
    await seedTicket(backend, { title: 'Customer wrote', lastMessageAt: at, lastMessageBy: 'demo-maya' });
    const read = await seedTicket(backend, { title: 'Already read', lastMessageAt: at, lastMessageBy: 'demo-maya' });
    await seedTicket(backend, { title: 'Sam wrote last', lastMessageAt: at, lastMessageBy: 'demo-sam' });
    await backend.db.reads.add({
      id: `${read.id}_demo-sam`,
      uid: 'demo-sam',
      ticketId: read.id,
      lastReadAt: new Date('2024-06-01T11:00:00Z'),
    });
    await renderQueue(backend);

    const item = (title: string) =>
      screen.getAllByRole('listitem').find((li) => li.textContent?.includes(title)) as HTMLElement;
    await waitFor(() =>
      expect(within(item('Customer wrote')).getByRole('img', { name: 'Unread messages' })).toBeVisible(),
    );
    expect(within(item('Already read')).queryByRole('img', { name: 'Unread messages' })).toBeNull();
    expect(within(item('Sam wrote last')).queryByRole('img', { name: 'Unread messages' })).toBeNull();
  });

  it("shows the last message's first words, who wrote them and so who waits, the requester and the age", async () => {
    const backend = await localBackendAs('demo-sam');
    const at = new Date('2024-06-01T10:00:00Z');
    await seedTicket(backend, { title: 'Customer last', lastMessageAt: at, lastMessageBy: 'demo-maya', lastMessagePreview: 'Still broken' });
    await seedTicket(backend, { title: 'Staff last', lastMessageAt: at, lastMessageBy: 'demo-priya', lastMessagePreview: 'Try again now' });
    await seedTicket(backend, { title: 'Quiet one' });
    await renderQueue(backend);
    const item = (title: string) =>
      screen.getAllByRole('listitem').find((li) => li.textContent?.includes(title)) as HTMLElement;
    await waitFor(() => expect(item('Staff last')).toHaveTextContent('Staff waitingPriya Nair: Try again now'));
    expect(item('Customer last')).toHaveTextContent('Customer waitingMaya Chen: Still broken');
    expect(item('Quiet one')).toHaveTextContent('No messages yet');
    expect(item('Quiet one')).toHaveTextContent('Requester: Maya Chen');
    expect(item('Quiet one')).toHaveTextContent(/Opened .+ ago/);
  });
});
