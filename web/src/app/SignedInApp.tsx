// The CSS of the signed-in frame: app shell, navigation, the account button and the bell.
// The account menu, the notifications drawer, the toasts and the keyboard-shortcuts dialog
// bring their own when they load.
import '@mantine/core/styles/AppShell.css';
import '@mantine/core/styles/Burger.css';
import '@mantine/core/styles/NavLink.css';
import '@mantine/core/styles/Avatar.css';
import '@mantine/core/styles/Indicator.css';
import { Center, Loader } from '@mantine/core';
import { isAdmin, isStaff } from '@domain';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useContext, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useInRouterContext } from 'react-router';
import type { Session } from '../backend/port';
import { APP_TITLE, useUnreadTitle } from '../features/unread/useUnread';
import { AppLayout } from './AppLayout';
import { whenIdle } from './whenIdle';
import { RoutedHeadingPlace } from './RoutedHeadingPlace';

// Each page loads when first shown, so a signed-in first screen carries only its own; the
// others follow once the browser is idle, so that a page opened offline later is there.
const pages = {
  myTickets: () => import('./routes/MyTicketsRoute'),
  newTicket: () => import('./routes/NewTicketRoute'),
  ticket: () => import('./routes/TicketRoute'),
  // Staff's panels of a ticket (actions, triage, history) are a chunk of their own: fetched
  // beside the page for staff, never for customers.
  ticketForStaff: () =>
    Promise.all([import('./routes/TicketRoute'), import('../features/tickets/staffPanels')]).then(async ([page]) => {
      await page.preloadStaffPanels();
      return page;
    }),
  queue: () => import('./routes/QueueRoute'),
  users: () => import('./routes/UsersRoute'),
  cannedReplies: () => import('./routes/CannedRepliesRoute'),
  profile: () => import('./routes/ProfileRoute'),
  reports: () => import('./routes/ReportsRoute'),
};
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

/** The pages a role can open, fetched after the first screen has settled. */
function usePagesPrefetched(role: Session['role']) {
  useEffect(() => {
    const wanted = [...(isStaff(role) ? [pages.ticketForStaff, pages.queue, pages.reports] : [pages.ticket, pages.myTickets, pages.newTicket]), ...(isAdmin(role) ? [pages.users, pages.cannedReplies] : [])];
    return whenIdle(() => wanted.forEach((load) => void load().catch(() => {})));
  }, [role]);
}

const pageLoading = (
  <Center py="xl">
    <Loader aria-label="Loading the page" />
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
  usePagesPrefetched(session.role);
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
          </Suspense>
        </RoutedHeadingPlace>
      </AppLayout>
    </>
  );
}
