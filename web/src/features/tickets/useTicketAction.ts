import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../app/errorMessage';
import type { PendingWrite } from '../../backend/port';

/**
 * Runs a ticket action without awaiting it (offline it would never resolve): the listener
 * shows the change, and a refusal by the rules or the functions surfaces as a notification.
 */
export function runAction(action: () => PendingWrite, what: string) {
  try {
    action().committed.catch((error: unknown) =>
      notifications.show({ color: 'red', title: `${what} did not go through`, message: errorMessage(error) }),
    );
  } catch (error) {
    notifications.show({ color: 'red', title: `${what} did not go through`, message: errorMessage(error) });
  }
}
