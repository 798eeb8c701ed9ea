import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { Fragment, type ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { VirtuosoMockContext } from 'react-virtuoso';
import { RoutedHeadingPlace } from '../app/RoutedHeadingPlace';
import { BackendProvider } from '../backend/BackendContext';
import { LocalBackend } from '../backend/local/localBackend';
import { memorySessionSlot } from '../backend/local/sessionSlot';
import { useSession } from '../session/useSession';

let databases = 0;

/** A real local backend (fake-indexeddb) signed in as a demo account. */
export async function localBackendAs(uid: string) {
  const backend = new LocalBackend({ databaseName: `component-${++databases}`, sessionSlot: memorySessionSlot() });
  await backend.ready;
  await backend.switchAccount(uid);
  return backend;
}

/** Renders a page inside the app's providers, at `path`, with a marker route for redirects. */
export function renderPage(backend: LocalBackend, routes: ReactNode, path: string) {
  const queryClient = new QueryClient();
  return render(
    // jsdom lays nothing out, so the virtualised chat is given a viewport and item height;
    // env="test": no transitions or portals, so dropdowns open at once in jsdom.
    <VirtuosoMockContext.Provider value={{ viewportHeight: 2000, itemHeight: 40 }}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <BackendProvider backend={backend}>
            <MemoryRouter initialEntries={[path]}>
              <RoutedHeadingPlace>
                <WhenSignedIn>
                  <Routes>
                    {routes}
                    <Route path="*" element={<p>Elsewhere</p>} />
                  </Routes>
                </WhenSignedIn>
              </RoutedHeadingPlace>
            </MemoryRouter>
          </BackendProvider>
        </QueryClientProvider>
      </MantineProvider>
    </VirtuosoMockContext.Provider>,
  );
}

/**
 * Test support: renders its children once the session has loaded, as the app does (pages
 * that need a signed-in user are only routed to then).
 */
export function WhenSignedIn({ children }: { children: ReactNode }) {
  const session = useSession().data;
  return session ? <Fragment key={session.uid}>{children}</Fragment> : null;
}
