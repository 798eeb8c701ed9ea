import { Button, Group } from '@mantine/core';
import { actionLabels, transitionsFrom, type Ticket } from '@domain';
import { useFocusRescue } from '../../app/useFocusRescue';
import { useBackend } from '../../backend/BackendContext';
import { runAction } from './useTicketAction';

/** The first action button in a container, the control that focus moves to after a move. */
export const firstButton = (container: HTMLElement | null) => container?.querySelector<HTMLButtonElement>('button:not(:disabled)');

/**
 * A customer's moves on their own resolved ticket: reopen it, or confirm and close it. Once
 * the move is made, focus goes to the next one, or to the page's heading when none is left.
 */
export function CustomerActions({ ticket }: { ticket: Ticket }) {
  const backend = useBackend();
  const actions = useFocusRescue<HTMLDivElement>(
    (container) => firstButton(container) ?? document.querySelector<HTMLElement>('main h1'),
  );
  const moves = transitionsFrom('customer', ticket.status);
  return (
    <Group gap="xs" aria-label="Your actions" role="group" ref={actions} display={moves.length === 0 ? 'none' : undefined}>
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
