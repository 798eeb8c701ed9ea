import { lazy, Suspense } from 'react';
import { SignInPage } from '../features/auth/SignInPage';
import { useSession } from '../session/useSession';
import { ShellLayout, StartingShell } from './ShellLayout';

// Everything behind the sign-in loads with it: the sign-in page (the main bundle) carries none.
const SignedInApp = lazy(() => import('./SignedInApp'));

/** The sign-in page, or the app of whoever is signed in in this tab. */
export function App() {
  const session = useSession();
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
      <SignedInApp session={session.data} />
    </Suspense>
  );
}
