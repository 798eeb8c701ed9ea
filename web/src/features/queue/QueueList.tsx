import { Text } from '@mantine/core';
import type { Ticket } from '@domain';
import type { ReactNode } from 'react';
import classes from './QueueRow.module.css';
import { QueueRow } from './QueueRow';

interface QueueListProps {
  readonly tickets: readonly Ticket[];
  readonly empty: string;
  /** Ids of tickets with unread messages: they get a red dot. */
  readonly unread: ReadonlySet<string>;
  readonly staffName: (uid: string) => string | undefined;
  /** The row's own control (the bulk-selection box), if any. */
  readonly selectFor?: (ticket: Ticket) => ReactNode;
  /** Ticket id -> other staff on it now (the viewing marker). */
  readonly viewers?: ReadonlyMap<string, string[]>;
}

/** The queue's page of tickets as dense rows (QueueRow), one list named "Queue". */
export function QueueList({ tickets, empty, unread, staffName, selectFor, viewers }: QueueListProps) {
  if (tickets.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <ul aria-label="Queue" className={classes.list}>
      {tickets.map((ticket) => (
        <QueueRow
          key={ticket.id}
          ticket={ticket}
          unread={unread.has(ticket.id)}
          staffName={staffName}
          select={selectFor?.(ticket)}
          viewers={viewers?.get(ticket.id)}
        />
      ))}
    </ul>
  );
}
