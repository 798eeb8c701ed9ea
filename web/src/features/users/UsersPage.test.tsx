import { Notifications, notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { USERS_PAGE_SIZE, newUserDoc } from '@domain';
import { Outlet, Route } from 'react-router';
import { App } from '../../app/App';
import { localBackendAs, renderPage } from '../../testing/renderWithBackend';
import { WhenSignedIn } from '../../testing/renderWithBackend';
import { UsersPage } from './UsersPage';

const routes = (
  <Route
    element={
      <>
        <Notifications />
        <Outlet />
      </>
    }
  >
    <Route
      path="/users"
      element={
        <WhenSignedIn>
          <UsersPage />
        </WhenSignedIn>
      }
    />
  </Route>
);

afterEach(() => notifications.clean());

describe('Users page', () => {
  it('pages people 25 at a time in email order, with next and previous pages', async () => {
    const backend = await localBackendAs('demo-alex');
    // 30 more customers, straight into the store as sign-ups would leave them.
    await backend.db.users.bulkAdd(
      Array.from({ length: 30 }, (_, n) => ({
        ...newUserDoc({ email: `zz-${String(n).padStart(2, '0')}@customer.example`, displayName: `Customer ${n}` }, new Date()),
        uid: `bulk-${n}`,
      })),
    );
    renderPage(backend, routes, '/users');
    const list = await screen.findByRole('list', { name: 'Users' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(USERS_PAGE_SIZE);
    const pageButton = (name: string) => within(screen.getByRole('navigation', { name: 'User pages' })).getByRole('button', { name });
    expect(pageButton('Previous page')).toBeDisabled();
    await userEvent.click(pageButton('Next page'));
    await waitFor(() => expect(screen.getByText('zz-29@customer.example')).toBeInTheDocument());
    expect(within(screen.getByRole('list', { name: 'Users' })).getAllByRole('listitem')).toHaveLength(35 - USERS_PAGE_SIZE);
    expect(pageButton('Next page')).toBeDisabled();
    await userEvent.click(pageButton('Previous page'));
    await waitFor(() => expect(screen.getByText('alex@desk.example')).toBeInTheDocument());
  });


  it('lists everyone with their email, role and whether they are active', async () => {
    const backend = await localBackendAs('demo-alex');
    renderPage(backend, routes, '/users');
    const list = await screen.findByRole('list', { name: 'Users' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    const leo = items.find((item) => item.textContent?.includes('Leo Park'))!;
    expect(leo).toHaveTextContent('leo@customer.example');
    expect(screen.getByRole('combobox', { name: 'Role of Leo Park' })).toHaveDisplayValue('Customer');
    expect(screen.getByRole('combobox', { name: 'Role of Sam Rivera' })).toHaveDisplayValue('Agent');
    expect(screen.getByRole('switch', { name: 'Leo Park is active' })).toBeChecked();
  });

  it("does not let the admin change their own role, and says why", async () => {
    const backend = await localBackendAs('demo-alex');
    renderPage(backend, routes, '/users');
    const own = await screen.findByRole('combobox', { name: 'Role of Alex Morgan' });
    expect(own).toBeDisabled();
    expect(own).toHaveAccessibleDescription('You cannot change your own role');
    expect(screen.getByRole('combobox', { name: 'Role of Maya Chen' })).toBeEnabled();
  });

  it("changes someone's role and active flag", async () => {
    const backend = await localBackendAs('demo-alex');
    renderPage(backend, routes, '/users');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('combobox', { name: 'Role of Leo Park' }));
    await user.click(await screen.findByRole('option', { name: 'Agent' }));
    await waitFor(async () => expect((await backend.db.users.get('demo-leo'))?.role).toBe('agent'));
    expect(screen.getByRole('combobox', { name: 'Role of Leo Park' })).toHaveDisplayValue('Agent');

    await user.click(screen.getByRole('switch', { name: 'Priya Nair is active' }));
    await waitFor(async () => expect((await backend.db.users.get('demo-priya'))?.active).toBe(false));
    expect(screen.getByRole('switch', { name: 'Priya Nair is active' })).not.toBeChecked();
  });

  it('changes a role only when one is chosen: browsing the options with the arrow keys writes nothing', async () => {
    const backend = await localBackendAs('demo-alex');
    const setUserRole = vi.spyOn(backend, 'setUserRole');
    renderPage(backend, routes, '/users');
    const user = userEvent.setup();
    const role = await screen.findByRole('combobox', { name: 'Role of Leo Park' });

    role.focus();
    await user.keyboard('{ArrowDown}');
    expect(await screen.findByRole('listbox')).toBeVisible();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    await user.keyboard('{Escape}');
    expect(role).toHaveDisplayValue('Customer');
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');

    await waitFor(async () => expect((await backend.db.users.get('demo-leo'))?.role).toBe('agent'));
    expect(setUserRole).toHaveBeenCalledTimes(1);
    expect(setUserRole).toHaveBeenCalledWith('demo-leo', 'agent');
  });

  it('shows why a change was refused, and puts the control back', async () => {
    const backend = await localBackendAs('demo-alex');
    renderPage(backend, routes, '/users');
    const role = await screen.findByRole('combobox', { name: 'Role of Leo Park' });
    // Another admin deactivates Alex's account meanwhile: the desk now refuses Alex's writes.
    await backend.db.users.update('demo-alex', { active: false });
    const user = userEvent.setup();
    await user.click(role);
    await user.click(await screen.findByRole('option', { name: 'Admin' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Leo Park's role was not changed");
    expect(alert.textContent).not.toBe("Leo Park's role was not changed"); // and the reason
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Role of Leo Park' })).toHaveDisplayValue('Customer'));
    expect((await backend.db.users.get('demo-leo'))?.role).toBe('customer');
  });
});

describe('Navigation by role', () => {
  const app = <Route path="*" element={<App />} />;
  const nav = () => screen.getByRole('navigation', { name: 'Main' });

  it('gives admins the queue and the users page', async () => {
    renderPage(await localBackendAs('demo-alex'), app, '/users');
    expect(await screen.findByRole('heading', { name: 'Users' })).toBeVisible();
    expect(within(nav()).getByRole('link', { name: 'Queue' })).toBeVisible();
    expect(within(nav()).getByRole('link', { name: 'Users' })).toBeVisible();
  });

  it('gives agents the queue only, and keeps them off the users page', async () => {
    renderPage(await localBackendAs('demo-sam'), app, '/users');
    expect(await screen.findByRole('heading', { name: 'Queue' })).toBeVisible();
    expect(within(nav()).getByRole('link', { name: 'Queue' })).toBeVisible();
    expect(within(nav()).queryByRole('link', { name: 'Users' })).toBeNull();
  });

  it('gives customers their tickets, without queue or users', async () => {
    renderPage(await localBackendAs('demo-maya'), app, '/queue');
    expect(await screen.findByRole('heading', { name: 'My tickets' })).toBeVisible();
    expect(within(nav()).queryByRole('link', { name: 'Queue' })).toBeNull();
    expect(within(nav()).queryByRole('link', { name: 'Users' })).toBeNull();
  });
});
