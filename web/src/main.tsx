import './app/shellStyles';
import { MantineProvider } from '@mantine/core';
import { StrictMode, startTransition, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadSignedInApp } from './app/App';
import { reloadOnMissingFiles } from './app/appFiles';
import { cssVariablesResolver } from './app/colorRoles';
import { errorMessage } from './app/errorMessage';
import { StartingShell } from './app/ShellLayout';
import { theme } from './app/theme';
import { BackendProvider } from './backend/BackendContext';
import { createBackend } from './backend/createBackend';
import type { SupportBackend } from './backend/port';

const root = createRoot(document.getElementById('root')!);
const render = (content: ReactNode) =>
  root.render(
    <StrictMode>
      {/* "auto": light or dark as the system says, and follows it when it changes. */}
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        {content}
      </MantineProvider>
    </StrictMode>,
  );

/** The app's stylesheet, which index.html loads without holding the first paint (see vite.config.ts). */
function stylesLoaded(): Promise<void> {
  const links = [...document.querySelectorAll<HTMLLinkElement>('link[data-app-styles]')];
  const loaded = (link: HTMLLinkElement) =>
    link.media === 'all'
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
        });
  return Promise.all(links.map(loaded)).then(() => undefined);
}

/**
 * The backend, opened while the stylesheet loads (index.html has painted the header already);
 * for someone signed in, the signed-in app and the page of this address load beside it.
 */
function startBackend(): { backend: SupportBackend } | { problem: string } {
  try {
    return { backend: createBackend({ whileSignedInLoads: preloadSignedInApp }) };
  } catch (error) {
    console.error('The backend did not start.', error);
    return { problem: errorMessage(error) };
  }
}
reloadOnMissingFiles();
const started = startBackend();

// App shows the shell until the session is known.
void stylesLoaded().then(() => {
  if ('problem' in started) {
    render(<StartingShell problem={started.problem} />);
    return;
  }
  const { backend } = started;
  // The bench build drives the backend directly (seeding 10,000 messages, reading stats).
  if (import.meta.env.VITE_EXPOSE_BACKEND === 'true') Object.assign(window, { __supportDesk: backend });
  // A transition: React renders the first screen in slices, never one long task.
  startTransition(() =>
    render(
      <BackendProvider backend={backend}>
        <App />
      </BackendProvider>,
    ),
  );
});
