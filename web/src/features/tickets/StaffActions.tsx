import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  actionLabels,
  priorities,
  priorityLabels,
  prioritySchema,
  transitionsFrom,
  type Role,
  type Ticket,
  type TicketStatus,
  type UserProfile,
} from '@domain';
import { useRef, useState } from 'react';
import { ChoiceSelect } from '../../app/ChoiceSelect';
import { lazyWhenIdle, OnFirstOpen } from '../../app/loadLater';
import { useFocusRescue } from '../../app/useFocusRescue';
import { useBackend } from '../../backend/BackendContext';
import { ShortcutHint } from '../shortcuts/ShortcutHint';
import { useShortcuts } from '../shortcuts/useShortcuts';
import { firstButton } from './CustomerActions';
import { runAction } from './useTicketAction';
import { z } from 'zod/mini';
import { useFormDraft } from '../../session/useFormDraft';

// The rejection dialog's code loads when it first opens (or once the browser is idle).
const RejectDialog = lazyWhenIdle(() => import('./RejectDialog'));

/** The select's value for "nobody": uids are never empty. */
const UNASSIGNED = '';

/**
 * What staff can do to a ticket: only the moves the domain allows from its status are
 * offered; priority and assignee change when an option is chosen, not while browsing them.
 * When a move removes the button that was pressed, focus goes to the next move (or to the
 * priority), never to the body.
 */
export function StaffActions({ ticket, role, staff }: { ticket: Ticket; role: Role; staff: readonly UserProfile[] }) {
  const backend = useBackend();
  const [rejecting, { open, close }] = useDisclosure(false);
  // The reason typed survives a session that ends, as every open form's text does.
  const reasonDraft = useFormDraft(`reject-reason.${ticket.id}`, z.string());
  const [reason, setReasonTyped] = useState(reasonDraft.restored ?? '');
  const setReason = (text: string) => {
    setReasonTyped(text);
    if (text === '') reasonDraft.discard();
    else reasonDraft.keep(text);
  };
  const priority = useRef<HTMLInputElement>(null);
  const actions = useFocusRescue<HTMLDivElement>((container) => firstButton(container) ?? priority.current);
  const moves = transitionsFrom(role, ticket.status);
  const accept = () => runAction(() => backend.acceptTicket(ticket.id), 'Accepting the ticket');
  const change = (to: TicketStatus, label: string) => () => runAction(() => backend.changeStatus(ticket.id, to), label);
  const resolve = moves.find((move) => move.action === 'resolve');
  useShortcuts({
    a: moves.some((move) => move.action === 'accept') ? accept : undefined,
    e: resolve ? change(resolve.to, actionLabels.resolve) : undefined,
  });
  return (
    <Stack gap="sm" aria-label="Staff actions" component="section">
      <Group gap="xs" wrap="wrap" ref={actions} role="group" aria-label="Ticket actions">
        {moves.map((move) => {
          if (move.action === 'reject') {
            return (
              <Button key={move.action} color="red" variant="light" onClick={open}>
                {actionLabels.reject}
              </Button>
            );
          }
          const onClick = move.action === 'accept' ? accept : change(move.to, actionLabels[move.action]);
          const key = move.action === 'accept' ? 'a' : move.action === 'resolve' ? 'e' : undefined;
          return (
            <Button
              key={move.action}
              variant={move.action === 'accept' ? 'filled' : 'light'}
              onClick={onClick}
              aria-keyshortcuts={key}
              rightSection={key && <ShortcutHint shortcut={key} />}
            >
              {actionLabels[move.action]}
            </Button>
          );
        })}
      </Group>
      <Group grow wrap="wrap" align="flex-start">
        <ChoiceSelect
          ref={priority}
          label="Priority"
          value={ticket.priority}
          data={priorities.map((value) => ({ value, label: priorityLabels[value] }))}
          onChoose={(value) =>
            runAction(() => backend.setPriority(ticket.id, prioritySchema.parse(value)), 'Changing the priority')
          }
        />
        <ChoiceSelect
          label="Assignee"
          value={ticket.assigneeUid ?? UNASSIGNED}
          data={assigneeOptions(ticket, staff)}
          onChoose={(value) =>
            runAction(() => backend.assignTicket(ticket.id, value === UNASSIGNED ? null : value), 'Assigning the ticket')
          }
        />
      </Group>
      <OnFirstOpen opened={rejecting}>
        {(shown) => (
          <RejectDialog
            opened={shown}
            onClose={close}
            reason={reason}
            onReasonChange={setReason}
            onReject={() => {
              runAction(() => backend.rejectTicket(ticket.id, reason), 'Rejecting the ticket');
              close();
              setReason('');
            }}
          />
        )}
      </OnFirstOpen>
    </Stack>
  );
}

/** Everyone on staff, and whoever holds the ticket even if they have left the staff list. */
function assigneeOptions(ticket: Ticket, staff: readonly UserProfile[]) {
  const options = [
    { value: UNASSIGNED, label: 'Unassigned' },
    ...staff.map((person) => ({ value: person.uid, label: `${person.displayName} (${person.role})` })),
  ];
  const holder = ticket.assigneeUid;
  if (holder !== null && !staff.some((person) => person.uid === holder)) {
    options.push({ value: holder, label: staff.length ? (ticket.assigneeName ?? 'Someone no longer on staff') : 'Loading…' });
  }
  return options;
}
