import { Badge } from '@mantine/core';
import {
  priorityLabels,
  statusLabels,
  type Priority,
  type TicketStatus,
} from '@domain';

const statusColors: Record<TicketStatus, string> = {
  open: 'blue',
  in_progress: 'yellow',
  resolved: 'teal',
  closed: 'gray',
  rejected: 'red',
};

const priorityColors: Record<Priority, string> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  critical: 'red',
};

export function StatusBadge({ status }: { status: TicketStatus }) {
  return (
    <Badge color={statusColors[status]} variant="light" aria-label={`Status: ${statusLabels[status]}`}>
      {statusLabels[status]}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <Badge color={priorityColors[priority]} variant="outline" aria-label={`Priority: ${priorityLabels[priority]}`}>
      {priorityLabels[priority]}
    </Badge>
  );
}
