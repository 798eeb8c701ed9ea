// The CSS of the signed-in frame: app shell, navigation, the account button and the bell.
// The account menu, the notifications drawer, the toasts and the keyboard-shortcuts dialog
// bring their own when they load.
import '@mantine/core/styles/AppShell.css';
import '@mantine/core/styles/Burger.css';
import '@mantine/core/styles/NavLink.css';
import '@mantine/core/styles/Avatar.css';
import '@mantine/core/styles/Indicator.css';
import { Center } from '@mantine/core';
import { isAdmin, isStaff } from '@domain';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useContext, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useInRouterContext } from 'react-router';
import type { Session } from '../backend/port';
import { APP_TITLE, useUnreadTitle } from '../features/unread/useUnread';
import { AppLayout } from './AppLayout';
import { keepAppForOffline } from './appFiles';
import { pageModules } from './routes/pageModules';
import { RoutedHeadingPlace } from './RoutedHeadingPlace';
import { LoadingIndicator } from './LoadingIndicator';

// Each page loads when first shown (pageModules); the service worker keeps them all for offline.
const pages = pageModules;
const MyTicketsPage = lazy(pages.myTickets);
const NewTicketPage = lazy(pages.newTicket);
const TicketPage = lazy(pages.ticket);
const StaffTicketPage = lazy(pages.ticketForStaff);
const QueuePage = lazy(pages.queue);
const UsersPage = lazy(pages.users);
const CannedRepliesPage = lazy(pages.cannedReplies);
const ProfilePage = lazy(pages.profile);
const ReportsPage = lazy(pages.reports);
// The toasts' host loads beside the first screen (see Toasts.tsx).
const Toasts = lazy(() => import('./Toasts'));

/** Renders inside the first page's Suspense: once that page is in, the app is kept for offline use. */
function KeptForOffline() {
  useEffect(keepAppForOffline, []);
  return null;
}

const pageLoading = (
  <Center py="xl">
    <LoadingIndicator label="Loading the page" />
  </Center>
);

/**
 * The app for a signed-in user: header with navigation, account and notifications, the
 * pages by role (customers land on their tickets, staff on the queue), toasts, and the
 * unread count in the window title. Loaded after sign-in, not by the sign-in page.
 */
export default function SignedInApp({ session }: { session: Session }) {
  // The router and the query cache come with the signed-in app (the sign-in page needs
  // neither), unless the app is given them (tests render it in their own).
  const inRouter = useInRouterContext();
  const given = useContext(QueryClientContext);
  const [queryClient] = useState(
    () =>
      given ??
      new QueryClient({
        // Writes go through the backend, not through fetches; Firestore queues them offline.
        defaultOptions: { mutations: { networkMode: 'always' } },
      }),
  );
  const frame = <SignedInFrame session={session} />;
  return <QueryClientProvider client={queryClient}>{inRouter ? frame : <BrowserRouter>{frame}</BrowserRouter>}</QueryClientProvider>;
}

/**
 * The unread count in the window title, a component of its own: its listeners (the user's
 * tickets or assigned queue, and read markers) change with every message, and only the
 * title depends on them, not the whole frame with the page in it.
 */
function UnreadTitle() {
  useUnreadTitle();
  return null;
}

function SignedInFrame({ session }: { session: Session }) {
  // Signing out leaves no stale count in the title.
  useEffect(() => () => void (document.title = APP_TITLE), []);
  return (
    <>
      <UnreadTitle />
      <Suspense fallback={null}>
        <Toasts />
      </Suspense>
      <AppLayout session={session}>
        <RoutedHeadingPlace>
          <Suspense fallback={pageLoading}>
            <Routes>
              <Route path="/" element={<Navigate to={isStaff(session.role) ? '/queue' : '/tickets'} replace />} />
              <Route path="/tickets" element={<MyTicketsPage />} />
              <Route path="/tickets/new" element={<NewTicketPage />} />
              <Route path="/tickets/:ticketId" element={isStaff(session.role) ? <StaffTicketPage /> : <TicketPage />} />
              <Route path="/queue" element={isStaff(session.role) ? <QueuePage /> : <Navigate to="/tickets" replace />} />
              <Route path="/reports" element={isStaff(session.role) ? <ReportsPage /> : <Navigate to="/tickets" replace />} />
              <Route path="/users" element={isAdmin(session.role) ? <UsersPage /> : <Navigate to="/" replace />} />
              <Route path="/canned-replies" element={isAdmin(session.role) ? <CannedRepliesPage /> : <Navigate to="/" replace />} />
              <Route path="/profile" element={<ProfilePage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
            <KeptForOffline />
          </Suspense>
        </RoutedHeadingPlace>
      </AppLayout>
    </>
  );
}
