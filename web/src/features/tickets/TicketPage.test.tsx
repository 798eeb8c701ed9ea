import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { rateLimits } from '@domain';
import { Route } from 'react-router';
import { localBackendAs, renderPage } from '../../testing/renderWithBackend';
import { TicketPage } from './TicketPage';

const routes = <Route path="/tickets/:ticketId" element={<TicketPage />} />;
const title = '<img src=x onerror="window.hacked=1">';
const description = '<script>window.hacked=1</script> and <b>bold?</b>';

describe('Ticket page', () => {
  it('shows markup in the title, description and chat as text: nothing typed ever runs', async () => {
    const backend = await localBackendAs('demo-maya');
    const write = backend.createTicket({ title, description, category: 'general', priority: 'low' });
    await write.committed;
    await backend.sendMessage(write.id, { text: '<iframe src="javascript:alert(1)"></iframe>' }).committed;
    renderPage(backend, routes, `/tickets/${write.id}`);

    expect(await screen.findByRole('heading', { name: title })).toBeVisible();
    // jsdom has phone width: the chat tab shows first, the details behind their tab.
    expect(await screen.findByText('<iframe src="javascript:alert(1)"></iframe>')).toBeVisible();
    await userEvent.setup().click(screen.getByRole('tab', { name: 'Details' }));
    expect(await screen.findByText(description)).toBeVisible();
    expect(document.querySelector('img[src="x"], script, iframe, b')).toBeNull();
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  it("refuses another customer's ticket with a clear message and shows nothing of it", async () => {
    const owner = await localBackendAs('demo-maya');
    const write = owner.createTicket({ title: 'Private matter', description: 'Only mine.', category: 'account', priority: 'low' });
    await write.committed;
    await owner.switchAccount('demo-leo');
    renderPage(owner, routes, `/tickets/${write.id}`);

    // One retry first (a refusal can be a race with a write still on its way).
    expect(await screen.findByRole('alert', undefined, { timeout: 4000 })).toHaveTextContent('This ticket belongs to another customer.');
    expect(screen.queryByText('Private matter')).toBeNull();
  });

  it("says plainly when messages come too fast, and keeps the one typed", async () => {
    const backend = await localBackendAs('demo-maya');
    const write = backend.createTicket({ title: 'Chatty', description: 'Many questions.', category: 'general', priority: 'low' });
    await write.committed;
    const sent = Array.from({ length: rateLimits.messages.max }, (_, n) => backend.sendMessage(write.id, { text: `Question ${n + 1}` }));
    await Promise.all(sent.map((message) => message.committed));
    renderPage(backend, routes, `/tickets/${write.id}`);

    const composer = await screen.findByRole('textbox', { name: 'Message' });
    const user = userEvent.setup();
    await user.type(composer, 'And one more{Enter}');
    expect(await screen.findByText(/You are sending messages quickly; wait \d+ seconds? and send again/)).toBeVisible();
    expect(composer).toHaveValue('And one more');
  });
});
