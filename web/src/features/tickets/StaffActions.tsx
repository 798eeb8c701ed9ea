import { Button, Group, Modal, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  REJECTION_REASON_MAX,
  actionLabels,
  priorities,
  priorityLabels,
  transitionsFrom,
  type Priority,
  type Role,
  type Ticket,
  type UserProfile,
} from '@domain';
import { useState } from 'react';
import { useBackend } from '../../backend/BackendContext';
import { runAction } from './useTicketAction';

/**
 * What staff can do to a ticket: only the moves the domain allows from its status are
 * offered; priority and assignee change in place.
 */
export function StaffActions({ ticket, role, staff }: { ticket: Ticket; role: Role; staff: readonly UserProfile[] }) {
  const backend = useBackend();
  const [rejecting, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const moves = transitionsFrom(role, ticket.status);
  return (
    <Stack gap="sm" aria-label="Staff actions" component="section">
      <Group gap="xs" wrap="wrap">
        {moves.map((move) => {
          if (move.action === 'reject') {
            return (
              <Button key={move.action} color="red" variant="light" onClick={open}>
                {actionLabels.reject}
              </Button>
            );
          }
          const onClick =
            move.action === 'accept'
              ? () => runAction(() => backend.acceptTicket(ticket.id), 'Accepting the ticket')
              : () => runAction(() => backend.changeStatus(ticket.id, move.to), actionLabels[move.action]);
          return (
            <Button key={move.action} variant={move.action === 'accept' ? 'filled' : 'light'} onClick={onClick}>
              {actionLabels[move.action]}
            </Button>
          );
        })}
      </Group>
      <Group grow wrap="wrap">
        <NativeSelect
          label="Priority"
          value={ticket.priority}
          data={priorities.map((value) => ({ value, label: priorityLabels[value] }))}
          onChange={(event) =>
            runAction(() => backend.setPriority(ticket.id, event.currentTarget.value as Priority), 'Changing the priority')
          }
        />
        <NativeSelect
          label="Assignee"
          value={ticket.assigneeUid ?? ''}
          data={[
            { value: '', label: 'Unassigned' },
            ...staff.map((person) => ({ value: person.uid, label: `${person.displayName} (${person.role})` })),
          ]}
          onChange={(event) =>
            runAction(() => backend.assignTicket(ticket.id, event.currentTarget.value || null), 'Assigning the ticket')
          }
        />
      </Group>
      <Modal opened={rejecting} onClose={close} title="Reject this ticket">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            runAction(() => backend.rejectTicket(ticket.id, reason), 'Rejecting the ticket');
            close();
            setReason('');
          }}
        >
          <Stack>
            <Textarea
              label="Reason"
              description="The customer reads this. The chat closes when the ticket is rejected."
              required
              maxLength={REJECTION_REASON_MAX}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="red" disabled={!reason.trim()}>
                Reject ticket
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

/** A customer's moves on their own resolved ticket: reopen it, or confirm and close it. */
export function CustomerActions({ ticket }: { ticket: Ticket }) {
  const backend = useBackend();
  const moves = transitionsFrom('customer', ticket.status);
  if (moves.length === 0) return null;
  return (
    <Group gap="xs" aria-label="Your actions" role="group">
      {moves.map((move) => (
        <Button
          key={move.action}
          variant="light"
          onClick={() => runAction(() => backend.changeStatus(ticket.id, move.to), actionLabels[move.action])}
        >
          {actionLabels[move.action]}
        </Button>
      ))}
    </Group>
  );
}
