import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ListPage } from '../../backend/port';
import type { Ticket } from '@domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../app/errorMessage';
import { PageHeading } from '../../app/PageHeading';
import { useBackend } from '../../backend/BackendContext';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSignedInSession } from '../../session/useSession';
import { useUnreadTicketIds } from '../unread/useUnread';
import { TicketList } from './TicketList';
import { LoadingIndicator } from '../../app/LoadingIndicator';

export const PAGE_SIZE = 20;

/** A customer's own tickets, newest first, live. */
export function MyTicketsPage() {
  const backend = useBackend();
  const session = useSignedInSession();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const tickets = useRealtimeQuery<ListPage<Ticket>>(queryKeys.myTickets(session.uid, limit), (onData, onError) =>
    backend.subscribeMyTickets(limit, onData, onError),
  );
  const unread = useUnreadTicketIds(tickets.data?.items);
  return (
    <Stack>
      <Group justify="space-between">
        <PageHeading>My tickets</PageHeading>
        <Button component={Link} to="/tickets/new">
          New ticket
        </Button>
      </Group>
      {tickets.isPending && <LoadingIndicator label="Loading your tickets" />}
      {tickets.isError && <Alert color="red" role="alert">{errorMessage(tickets.error)}</Alert>}
      {tickets.data && (
        <TicketList
          label="My tickets"
          tickets={tickets.data.items}
          hasMore={tickets.data.hasMore}
          onLoadMore={() => setLimit((n) => n + PAGE_SIZE)}
          empty="No tickets yet. Open one and we will get back to you."
          unread={unread}
        />
      )}
    </Stack>
  );
}
