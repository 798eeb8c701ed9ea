import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { formatTicketNumber, type Ticket } from '@domain';
import { Link } from 'react-router';
import { ago, exactTime } from '../../app/dates';
import { PriorityBadge, StatusBadge } from './TicketBadges';
import { UnreadDot } from '../unread/UnreadDot';

interface TicketListProps {
  readonly label: string;
  readonly tickets: readonly Ticket[];
  readonly hasMore: boolean;
  readonly onLoadMore: () => void;
  readonly empty: string;
  /** Ids of tickets with unread messages: they get a red dot. */
  readonly unread?: ReadonlySet<string>;
}

/**
 * Tickets as cards in a list: reads the same at phone width and on a desktop, and each
 * card is one link named by number and title.
 */
export function TicketList({ label, tickets, hasMore, onLoadMore, empty, unread }: TicketListProps) {
  if (tickets.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack gap="xs">
      <Stack component="ul" aria-label={label} gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {tickets.map((ticket) => (
          <li key={ticket.id}>
            <Card withBorder padding="sm" radius="md">
              <Group justify="space-between" wrap="wrap" gap="xs">
                {unread?.has(ticket.id) && <UnreadDot />}
                <Link to={`/tickets/${ticket.id}`} style={{ color: 'inherit', minWidth: 0, flex: '1 1 16rem' }}>
                  <Text fw={600} truncate>
                    <Text span c="dimmed" ff="monospace" mr={6}>
                      {formatTicketNumber(ticket.number)}
                    </Text>{' '}
                    {ticket.title}
                  </Text>
                </Link>
                <Group gap={6} wrap="wrap">
                  <StatusBadge status={ticket.status} />
                  <PriorityBadge priority={ticket.priority} />
                  <Text size="xs" c="dimmed" title={exactTime(ticket.updatedAt)}>
                    updated {ago(ticket.updatedAt)}
                  </Text>
                </Group>
              </Group>
            </Card>
          </li>
        ))}
      </Stack>
      {hasMore && (
        <Button variant="subtle" onClick={onLoadMore} aria-label={`Load more of ${label}`}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
