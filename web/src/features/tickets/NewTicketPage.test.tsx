import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route } from 'react-router';
import { endSessionElsewhere } from '../../testing/otherTab';
import { localBackendAs, renderPage } from '../../testing/renderWithBackend';
import { NewTicketPage } from './NewTicketPage';

const routes = <Route path="/tickets/new" element={<NewTicketPage />} />;

describe('New ticket form', () => {
  it('refuses a 201-character title, naming the limit, and keeps everything typed', async () => {
    const backend = await localBackendAs('demo-maya');
    renderPage(backend, routes, '/tickets/new');
    await screen.findByRole('button', { name: 'Open ticket' });
    const user = userEvent.setup();
    const title = 'x'.repeat(201);
    // Pasted: 201 keystrokes would test the machine's speed, not the limit.
    await user.click(screen.getByRole('textbox', { name: 'Title' }));
    await user.paste(title);
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'Details that must survive');
    await user.click(screen.getByRole('button', { name: 'Open ticket' }));
    expect(await screen.findByText('A title may be at most 200 characters.')).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
    expect(screen.getByRole('textbox', { name: 'Description' })).toHaveValue('Details that must survive');
    expect(await backend.db.tickets.count()).toBe(0);
  });

  it('asks for a title and a description when they are blank', async () => {
    const backend = await localBackendAs('demo-maya');
    renderPage(backend, routes, '/tickets/new');
    await screen.findByRole('button', { name: 'Open ticket' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Open ticket' }));
    expect(await screen.findByText('Give the ticket a title.')).toBeVisible();
    expect(screen.getByText('Describe the problem.')).toBeVisible();
  });

  it('shows markup typed into the title as text, and saves it verbatim', async () => {
    const backend = await localBackendAs('demo-maya');
    renderPage(backend, routes, '/tickets/new');
    await screen.findByRole('button', { name: 'Open ticket' });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '<img src=x onerror=alert(1)>');
    await user.type(screen.getByRole('textbox', { name: 'Description' }), '<script>alert(1)</script>');
    await user.click(screen.getByRole('button', { name: 'Open ticket' }));
    await waitFor(async () => expect(await backend.db.tickets.count()).toBe(1));
    const [saved] = await backend.db.tickets.toArray();
    expect(saved).toMatchObject({ title: '<img src=x onerror=alert(1)>', description: '<script>alert(1)</script>' });
    expect(document.querySelector('script, img[src="x"]')).toBeNull();
  });

  it('keeps everything typed when the session ends, gives it back after signing in again, and to nobody else', async () => {
    const backend = await localBackendAs('demo-maya');
    renderPage(backend, routes, '/tickets/new');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Invoice twice');
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'I was charged twice in May.');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Priority' }), 'High');

    await endSessionElsewhere(backend, 'demo-maya');
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull());
    await backend.switchAccount('demo-leo');
    expect(await screen.findByRole('textbox', { name: 'Title' })).toHaveValue('');
    await backend.switchAccount('demo-maya');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Invoice twice'));
    expect(screen.getByRole('textbox', { name: 'Description' })).toHaveValue('I was charged twice in May.');
    expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveValue('high');

    await user.click(screen.getByRole('button', { name: 'Open ticket' }));
    expect(await screen.findByText('Elsewhere')).toBeVisible();
    await waitFor(async () => expect(await backend.db.tickets.count()).toBe(1));
    expect(Object.keys(sessionStorage).filter((key) => key.includes('new-ticket.demo-maya'))).toEqual([]);
  });
});
