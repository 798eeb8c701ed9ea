import { Alert, Chip, Group, Loader, Stack, Title } from '@mantine/core';
import { statusLabels, ticketStatuses, type Ticket, type TicketStatus } from '@domain';
import { useState } from 'react';
import { errorMessage } from '../../app/errorMessage';
import { useBackend } from '../../backend/BackendContext';
import type { ListPage } from '../../backend/port';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSignedInSession } from '../../session/useSession';
import { PAGE_SIZE } from '../tickets/MyTicketsPage';
import { TicketList } from '../tickets/TicketList';

/** Every ticket for staff, newest first, live: a new ticket appears without a reload. */
export function QueuePage() {
  const backend = useBackend();
  const session = useSignedInSession();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [statuses, setStatuses] = useState<TicketStatus[]>([]);
  const query = { statuses, limit };
  const tickets = useRealtimeQuery<ListPage<Ticket>>(['queue', session.uid, query], (onData, onError) =>
    backend.subscribeQueue(query, onData, onError),
  );
  return (
    <Stack>
      <Title order={2}>Queue</Title>
      <Chip.Group multiple value={statuses} onChange={(value) => setStatuses(value as TicketStatus[])}>
        <Group gap="xs" role="group" aria-label="Filter by status">
          {ticketStatuses.map((status) => (
            <Chip key={status} value={status} size="sm">
              {statusLabels[status]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {tickets.isPending && <Loader aria-label="Loading the queue" />}
      {tickets.isError && <Alert color="red" role="alert">{errorMessage(tickets.error)}</Alert>}
      {tickets.data && (
        <TicketList
          label="Queue"
          tickets={tickets.data.items}
          hasMore={tickets.data.hasMore}
          onLoadMore={() => setLimit((n) => n + PAGE_SIZE)}
          empty="The queue is empty. New tickets appear here as customers open them."
        />
      )}
    </Stack>
  );
}
