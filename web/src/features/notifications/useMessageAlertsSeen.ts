import { useEffect, useMemo } from 'react';
import { useBackend } from '../../backend/BackendContext';
import { useNotifications } from './useNotifications';

/**
 * While a ticket's chat is on screen and read to its end, its message alerts are seen: the
 * bell does not count the conversation the reader is looking at (and the next message after
 * it raises the alert again, as for one seen in the bell). One write per change of what is
 * unseen; a failure leaves the alert in the bell, where it can still be seen.
 */
export function useMessageAlertsSeen(ticketId: string, onScreen: boolean) {
  const backend = useBackend();
  const { items } = useNotifications();
  const unseen = useMemo(
    () => (items ?? []).filter((item) => !item.seen && item.kind === 'new_message' && item.ticketId === ticketId).map((item) => item.id),
    [items, ticketId],
  );
  const unseenKey = unseen.join(' ');
  useEffect(() => {
    if (!onScreen || unseenKey === '') return;
    try {
      backend.markNotificationsSeen(unseenKey.split(' ')).committed.catch(() => {});
    } catch {
      // Signed out meanwhile: nothing to mark.
    }
  }, [backend, onScreen, unseenKey]);
}
