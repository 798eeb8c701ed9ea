import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route } from 'react-router';
import { otherTab } from '../../testing/otherTab';
import { localBackendAs, renderPage } from '../../testing/renderWithBackend';
import { ReportsPage } from './ReportsPage';

const routes = <Route path="/reports" element={<ReportsPage />} />;

const ticket = { title: 'Printer on fire', description: 'Smoke from the tray.', category: 'technical', priority: 'high' } as const;

describe('Reports page', () => {
  it("counts a customer's new ticket live, and shows the agent their own row", async () => {
    const agent = await localBackendAs('demo-sam');
    const customer = await otherTab(agent, 'demo-maya');
    renderPage(agent, routes, '/reports?range=7d');
    expect(await screen.findByRole('group', { name: 'Total tickets' }, { timeout: 10_000 })).toHaveTextContent(/^Total tickets0$/);

    const created = customer.createTicket(ticket);
    await created.committed;
    await waitFor(() => expect(screen.getByRole('group', { name: 'Total tickets' })).toHaveTextContent(/^Total tickets1$/));
    expect(screen.getByRole('group', { name: 'Open now' })).toHaveTextContent(/^Open now1$/);

    const priority = screen.getByRole('region', { name: 'Tickets by priority' });
    await userEvent.click(within(priority).getByRole('button', { name: 'Show table' }));
    const table = within(priority).getByRole('table', { name: 'Tickets by priority' });
    expect(within(table).getByRole('rowheader', { name: 'High' }).closest('tr')).toHaveTextContent('High1');
    expect(within(table).getByRole('link', { name: 'Open in queue: High' })).toHaveAttribute('href', '/queue?priority=high');

    // The ticket was auto-assigned or not: accept it, and it is the agent's.
    await agent.acceptTicket(created.id).committed;
    await agent.changeStatus(created.id, 'resolved').committed;
    const own = await screen.findByRole('table', { name: 'Your figures' });
    await waitFor(() => expect(within(own).getByRole('rowheader', { name: 'Sam Rivera (you)' }).closest('tr')).toHaveTextContent(/^Sam Rivera \(you\)11/));
    expect(within(own).getAllByRole('row')).toHaveLength(2);
  });

  it('shows how often customers and staff changed the triage suggestion', async () => {
    const agent = await localBackendAs('demo-sam');
    const customer = await otherTab(agent, 'demo-maya');
    renderPage(agent, routes, '/reports?range=7d');
    const section = await screen.findByRole('region', { name: 'Triage suggestions' }, { timeout: 10_000 });

    const suggestion = { category: 'technical', priority: 'high', source: 'rules' } as const;
    const kept = customer.createTicket({ ...ticket, suggestion });
    const changed = customer.createTicket({ ...ticket, priority: 'low', suggestion });
    await Promise.all([kept.committed, changed.committed]);
    await agent.setPriority(kept.id, 'critical').committed;

    await userEvent.click(within(section).getByRole('button', { name: 'Show table' }));
    const table = within(section).getByRole('table', { name: 'Triage suggestions' });
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr');
    // The stats triggers run after each write has committed: wait for all three rows together.
    await waitFor(() => {
      expect(row('Suggested')).toHaveTextContent(/^Suggested2100%$/);
      expect(row('Changed by the customer')).toHaveTextContent(/^Changed by the customer150%$/);
      expect(row('Changed by staff')).toHaveTextContent(/^Changed by staff150%$/);
    });
  });
});
