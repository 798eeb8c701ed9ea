import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route } from 'react-router';
import { endSessionElsewhere } from '../../testing/otherTab';
import { localBackendAs, renderPage } from '../../testing/renderWithBackend';
import { ProfilePage } from './ProfilePage';

const routes = <Route path="/profile" element={<ProfilePage />} />;

describe('Profile page', () => {
  it('keeps a new name being typed through a session that ends', async () => {
    const backend = await localBackendAs('demo-maya');
    renderPage(backend, routes, '/profile');
    const user = userEvent.setup();
    const name = await screen.findByRole('textbox', { name: 'Your name' });
    await user.clear(name);
    await user.type(name, 'Maya Chen-Okafor');

    await endSessionElsewhere(backend, 'demo-maya');
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Your name' })).toBeNull());
    await backend.switchAccount('demo-maya');
    expect(await screen.findByRole('textbox', { name: 'Your name' })).toHaveValue('Maya Chen-Okafor');
  });
});
