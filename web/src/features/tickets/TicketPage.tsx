import { Alert, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { categoryLabels, formatTicketNumber, type Ticket } from '@domain';
import { useParams } from 'react-router';
import { exactTime } from '../../app/dates';
import { errorMessage } from '../../app/errorMessage';
import { useBackend } from '../../backend/BackendContext';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSignedInSession } from '../../session/useSession';
import { PriorityBadge, StatusBadge } from './TicketBadges';

/** One ticket, live: its number arrives, its status changes, without a reload. */
export function TicketPage() {
  const { ticketId = '' } = useParams();
  const backend = useBackend();
  const session = useSignedInSession();
  const ticket = useRealtimeQuery<Ticket | null>(['ticket', session.uid, ticketId], (onData, onError) =>
    backend.subscribeTicket(ticketId, onData, onError),
  );
  if (ticket.isPending) return <Loader aria-label="Loading the ticket" />;
  if (ticket.isError) return <Alert color="red" role="alert">{errorMessage(ticket.error)}</Alert>;
  if (!ticket.data) return <Alert color="yellow">There is no such ticket.</Alert>;
  const t = ticket.data;
  return (
    <Stack maw={960}>
      <Group gap="sm" wrap="wrap">
        <Text ff="monospace" c="dimmed" size="lg" aria-label="Ticket number">
          {formatTicketNumber(t.number)}
        </Text>
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {t.title}
        </Title>
      </Group>
      <Group gap="xs">
        <StatusBadge status={t.status} />
        <PriorityBadge priority={t.priority} />
      </Group>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
          <Detail label="Category" value={categoryLabels[t.category]} />
          <Detail label="Opened by" value={t.customerName} />
          <Detail label="Opened" value={exactTime(t.createdAt)} />
        </SimpleGrid>
        <Text fw={600} size="sm">
          Description
        </Text>
        {/* Rendered as text, never as HTML: what a customer types cannot run in an agent's page. */}
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{t.description}</Text>
      </Paper>
    </Stack>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}
