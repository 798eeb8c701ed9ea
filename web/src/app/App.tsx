import { lazy, Suspense } from 'react';
import { SignInPage } from '../features/auth/SignInPage';
import { useSession } from '../session/useSession';
import { pageModules, pageOfPath } from './routes/pageModules';
import { ShellLayout, StartingShell } from './ShellLayout';
import { LoadingIndicator } from './LoadingIndicator';

// Everything behind the sign-in loads with it: the sign-in page carries none.
const loadSignedInApp = () => import('./SignedInApp');
const SignedInApp = lazy(loadSignedInApp);

/**
 * Someone is probably signed in (the backend said so before it opened): start the signed-in
 * app and the page of this address now, beside the backend, rather than one after another.
 */
export function preloadSignedInApp() {
  const page = pageOfPath(window.location.pathname);
  for (const load of [loadSignedInApp, ...(page ? [pageModules[page]] : [])]) {
    load().catch(() => {}); // shown by the page's own loading, if it fails again there
  }
}

// The pages an email's link opens (a new password, a verified address, the local demo mailbox).
const AccountPages = lazy(() => import('../features/auth/AccountPages'));
const accountPagePaths: readonly string[] = ['/account-action', '/demo-mailbox'];

/** The sign-in page, or the app of whoever is signed in in this tab; an email's link opens its page either way. */
export function App() {
  const session = useSession();
  const { pathname, search } = window.location;
  if (accountPagePaths.includes(pathname)) {
    return (
      <ShellLayout>
        <Suspense fallback={<LoadingIndicator label="Loading the page" />}>
          <AccountPages path={pathname} search={search} />
        </Suspense>
      </ShellLayout>
    );
  }
  if (session.isPending) return <StartingShell />;
  if (!session.data) {
    return (
      <ShellLayout>
        <SignInPage />
      </ShellLayout>
    );
  }
  return (
    <Suspense fallback={<StartingShell />}>
      {/* Another account gets a fresh app: nothing of the last one's pages, cache or drafts. */}
      <SignedInApp key={session.data.uid} session={session.data} />
    </Suspense>
  );
}
