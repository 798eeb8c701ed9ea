import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App';
import { cssVariablesResolver } from './app/colorRoles';
import { theme } from './app/theme';
import { BackendProvider } from './backend/BackendContext';
import { createBackend } from './backend/createBackend';

const queryClient = new QueryClient({
  // Writes go through the backend, not through fetches; Firestore queues them offline.
  defaultOptions: { mutations: { networkMode: 'always' } },
});

const backend = await createBackend(import.meta.env);
// The bench build drives the backend directly (seeding 10,000 messages, reading stats).
if (import.meta.env.VITE_EXPOSE_BACKEND === 'true') Object.assign(window, { __supportDesk: backend });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* "auto": light or dark as the system says, and follows it when it changes. */}
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BackendProvider backend={backend}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </BackendProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
