import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Route } from 'react-router';
import { endSessionElsewhere } from '../../testing/otherTab';
import { localBackendAs, renderPage } from '../../testing/renderWithBackend';
import { seedTicket } from '../../testing/seedTicket';
import { TicketPage } from './TicketPage';

const routes = <Route path="/tickets/:ticketId" element={<TicketPage />} />;

/** The ticket page as an agent, on its Details tab (jsdom has phone width). */
async function agentOnDetails(ticket: Parameters<typeof seedTicket>[1]) {
  const backend = await localBackendAs('demo-sam');
  const seeded = await seedTicket(backend, ticket);
  renderPage(backend, routes, `/tickets/${seeded.id}`);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('tab', { name: 'Details' }));
  return { backend, user };
}

describe('Staff actions', () => {
  it('changes the priority once, on the option chosen, however many arrow keys were pressed on the way', async () => {
    const { backend, user } = await agentOnDetails({ priority: 'low' });
    const setPriority = vi.spyOn(backend, 'setPriority');
    const priority = await screen.findByRole('combobox', { name: 'Priority' });
    expect(priority).toHaveDisplayValue('Low');

    priority.focus();
    await user.keyboard('{ArrowDown}');
    expect(await screen.findByRole('listbox')).toBeVisible();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}{ArrowDown}');
    expect(setPriority).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(priority).toHaveDisplayValue('High'));
    expect(setPriority).toHaveBeenCalledTimes(1);
    expect(setPriority).toHaveBeenCalledWith(expect.any(String), 'high');
  });

  it('choosing the option already set writes nothing', async () => {
    const { backend, user } = await agentOnDetails({ priority: 'medium' });
    const setPriority = vi.spyOn(backend, 'setPriority');
    await user.click(await screen.findByRole('combobox', { name: 'Priority' }));
    await user.click(await screen.findByRole('option', { name: 'Medium' }));
    expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveDisplayValue('Medium');
    expect(setPriority).not.toHaveBeenCalled();
  });

  it('assigns on a choice, and after Accept moves focus to the next move instead of dropping it', async () => {
    const { backend, user } = await agentOnDetails({});
    const assignTicket = vi.spyOn(backend, 'assignTicket');
    await user.click(await screen.findByRole('combobox', { name: 'Assignee' }));
    await user.click(await screen.findByRole('option', { name: 'Priya Nair (agent)' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Assignee' })).toHaveDisplayValue('Priya Nair (agent)'));
    expect(assignTicket).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Resolve' })).toHaveFocus());
  });

  it('keeps a half-typed rejection reason through a session that ends, and drops it once the ticket is rejected', async () => {
    const { backend, user } = await agentOnDetails({ status: 'open' });
    await user.click(await screen.findByRole('button', { name: 'Reject' }));
    await user.type(await screen.findByRole('textbox', { name: 'Reason' }), 'Not a product we sell');

    await endSessionElsewhere(backend, 'demo-sam');
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Reason' })).toBeNull());
    await backend.switchAccount('demo-sam');
    await user.click(await screen.findByRole('tab', { name: 'Details' }));
    await user.click(await screen.findByRole('button', { name: 'Reject' }));
    expect(await screen.findByRole('textbox', { name: 'Reason' })).toHaveValue('Not a product we sell');

    await user.click(screen.getByRole('button', { name: 'Reject ticket' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull());
    expect(Object.keys(sessionStorage).filter((key) => key.includes('reject-reason'))).toEqual([]);
  });
});
