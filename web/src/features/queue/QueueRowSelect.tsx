import { Checkbox } from '@mantine/core';
import { formatTicketNumber, type Ticket } from '@domain';
import type { QueueSelection } from './useQueueSelection';

/** A queue row's box for bulk actions, named by the ticket it selects. */
export function QueueRowSelect({ ticket, selection }: { ticket: Ticket; selection: QueueSelection }) {
  return (
    <Checkbox
      size="xs"
      aria-label={`Select ${formatTicketNumber(ticket.number)} ${ticket.title}`}
      checked={selection.isSelected(ticket.id)}
      onChange={() => selection.toggle(ticket.id)}
    />
  );
}
