import { Alert, Center, Loader } from '@mantine/core';
import { isAdmin, isStaff } from '@domain';
import { Navigate, Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { QueuePage } from '../features/queue/QueuePage';
import { MyTicketsPage } from '../features/tickets/MyTicketsPage';
import { NewTicketPage } from '../features/tickets/NewTicketPage';
import { TicketPage } from '../features/tickets/TicketPage';
import { useUnreadTitle } from '../features/unread/useUnread';
import { UsersPage } from '../features/users/UsersPage';
import { useSession } from '../session/useSession';
import { AppLayout } from './AppLayout';
import { errorMessage } from './errorMessage';

/** Routes by who is signed in: customers land on their tickets, staff on the queue. */
export function App() {
  const session = useSession();
  useUnreadTitle();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Starting the support desk" />
      </Center>
    );
  }
  if (session.isError) return <Alert color="red" role="alert">{errorMessage(session.error)}</Alert>;
  const user = session.data;
  return (
    <AppLayout session={user}>
      {!user ? (
        <SignInPage />
      ) : (
        <Routes>
          <Route path="/" element={<Navigate to={isStaff(user.role) ? '/queue' : '/tickets'} replace />} />
          <Route path="/tickets" element={<MyTicketsPage />} />
          <Route path="/tickets/new" element={<NewTicketPage />} />
          <Route path="/tickets/:ticketId" element={<TicketPage />} />
          <Route path="/queue" element={isStaff(user.role) ? <QueuePage /> : <Navigate to="/tickets" replace />} />
          <Route path="/users" element={isAdmin(user.role) ? <UsersPage /> : <Navigate to="/" replace />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      )}
    </AppLayout>
  );
}
