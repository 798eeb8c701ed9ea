import { Avatar, Text, VisuallyHidden } from '@mantine/core';
import { formatTicketNumber, type Ticket } from '@domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ago, exactTime, shortAge } from '../../app/dates';
import { initials } from '../../app/initials';
import { SlaBadge } from '../sla/SlaBadge';
import { PriorityBadge, StatusBadge } from '../tickets/TicketBadges';
import classes from './QueueRow.module.css';
import { UnreadDot } from '../unread/UnreadDot';

export interface QueueRowProps {
  readonly ticket: Ticket;
  readonly unread: boolean;
  /** The name of a staff member by uid (the assignee, the author of the last message), if known. */
  readonly staffName: (uid: string) => string | undefined;
  /** A control of its own at the row's start (the bulk-selection box), above the row's link. */
  readonly select?: ReactNode;
  /** Other staff on the ticket now (presence): the viewing marker. */
  readonly viewers?: readonly string[];
}

/**
 * One ticket in the queue, dense enough to scan: number and title (the link, which covers
 * the whole row), the last message's first words and who wrote them, status, priority,
 * the next service-level deadline, requester, age and the assignee's avatar, and the unread dot.
 */
export function QueueRow({ ticket, unread, staffName, select, viewers = [] }: QueueRowProps) {
  return (
    <li className={classes.row}>
      {select && <div className={classes.select}>{select}</div>}
      <span className={classes.dot}>{unread && <UnreadDot />}</span>
      <Link to={`/tickets/${ticket.id}`} data-queue-row data-ticket-id={ticket.id} className={classes.link}>
        <Text span c="dimmed" ff="monospace" size="sm" mr={6}>
          {formatTicketNumber(ticket.number)}
        </Text>{' '}
        {ticket.title}
      </Link>
      <LastMessage ticket={ticket} staffName={staffName} viewers={viewers} />
      <span className={classes.sla}>
        <SlaBadge ticket={ticket} />
      </span>
      <span className={classes.status}>
        <StatusBadge status={ticket.status} />
      </span>
      <span className={classes.priority}>
        <PriorityBadge priority={ticket.priority} />
      </span>
      <Text span c="dimmed" className={classes.requester} title={ticket.customerName}>
        <VisuallyHidden>Requester: </VisuallyHidden>
        {ticket.customerName}
      </Text>
      <Text span c="dimmed" className={classes.age} title={`Opened ${exactTime(ticket.createdAt)}`}>
        <span aria-hidden>{shortAge(ticket.createdAt)}</span>
        <VisuallyHidden>Opened {ago(ticket.createdAt)}</VisuallyHidden>
      </Text>
      <AssigneeAvatar ticket={ticket} staffName={staffName} />
    </li>
  );
}

/** Who wrote last decides who waits: the customer (for staff) or staff (for the customer). */
function LastMessage({ ticket, staffName, viewers }: Pick<QueueRowProps, 'ticket' | 'staffName'> & { viewers: readonly string[] }) {
  const viewing = viewers.length > 0 && (
    <Text span className={classes.viewing} inherit>
      {viewers.join(', ')} viewing
    </Text>
  );
  if (ticket.lastMessageBy === null || ticket.lastMessagePreview === null) {
    return (
      <Text span c="dimmed" className={classes.preview}>
        {viewing}
        No messages yet
      </Text>
    );
  }
  const byCustomer = ticket.lastMessageBy === ticket.customerUid;
  const author = byCustomer ? ticket.customerName : (staffName(ticket.lastMessageBy) ?? 'Staff');
  return (
    <Text span className={classes.preview} title={`${author}: ${ticket.lastMessagePreview}`}>
      {viewing}
      <Text span className={classes.waiting} data-who={byCustomer ? 'customer' : 'staff'} inherit>
        {byCustomer ? 'Customer waiting' : 'Staff waiting'}
      </Text>
      <Text span fw={600} inherit>
        {author}:
      </Text>{' '}
      <Text span c="dimmed" inherit>
        {ticket.lastMessagePreview}
      </Text>
    </Text>
  );
}

function AssigneeAvatar({ ticket, staffName }: Pick<QueueRowProps, 'ticket' | 'staffName'>) {
  const uid = ticket.assigneeUid;
  const name = uid === null ? null : (staffName(uid) ?? ticket.assigneeName ?? 'a former staff member');
  const label = name === null ? 'Unassigned' : `Assigned to ${name}`;
  return (
    <Avatar
      className={classes.assignee}
      size={24}
      radius="xl"
      color={name === null ? 'gray' : 'blue'}
      variant={name === null ? 'outline' : 'filled'}
      role="img"
      aria-label={label}
      title={label}
    >
      {name === null ? '–' : initials(name)}
    </Avatar>
  );
}
