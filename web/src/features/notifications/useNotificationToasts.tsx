import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AppNotification } from '@domain';
import { useEffect, useRef } from 'react';
import { useHref, useNavigate } from 'react-router';
import { showBrowserAlert } from './browserAlerts';

/** Toasts of one delivery at most: a tab back online after a while shows these, the bell counts the rest. */
const TOASTS_PER_DELIVERY = 3;

/** A notification as it was when it arrived: the functions set a ticket's message notification again once it was seen. */
const arrivalKey = (item: AppNotification) => `${item.id}@${item.createdAt.getTime()}`;

/**
 * A toast for each notification that arrives while the app is open (and a system
 * notification while the tab is hidden, on opt-in): at most one per ticket and a few per
 * delivery, so a tab coming back online is not flooded. What the listener delivers first
 * for a user (the backlog) is not toasted: the bell counts it instead.
 */
export function useNotificationToasts(uid: string | undefined, items: readonly AppNotification[] | undefined, browserAlerts = false) {
  const navigate = useNavigate();
  const ticketsHref = useHref('/tickets');
  const known = useRef<{ uid: string; ids: Set<string> } | null>(null);

  useEffect(() => {
    if (uid === undefined || items === undefined) return;
    if (known.current?.uid !== uid) {
      known.current = { uid, ids: new Set(items.map(arrivalKey)) };
      return;
    }
    const { ids } = known.current;
    const arrived = items.filter((item) => !ids.has(arrivalKey(item)));
    for (const item of arrived) ids.add(arrivalKey(item));
    // The newest of each ticket, a few at most; oldest first, so the newest toast ends up on top.
    const tickets = new Set<string>();
    const shown = arrived
      .filter((item) => !item.seen && !tickets.has(item.ticketId) && tickets.add(item.ticketId))
      .slice(0, TOASTS_PER_DELIVERY);
    for (const item of shown.reverse()) {
      showBrowserAlert(browserAlerts, item.ticketId, item.text);
      const toastId = `notification-${item.id}`;
      const to = `/tickets/${item.ticketId}`;
      notifications.show({
        id: toastId,
        title: 'New notification',
        message: (
          <Stack gap={4}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {item.text}
            </Text>
            {/* The toasts render outside the router: a plain link that navigates in the app. */}
            <Anchor
              size="sm"
              href={`${ticketsHref}/${item.ticketId}`}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                notifications.hide(toastId);
                navigate(to);
              }}
            >
              Open the ticket
            </Anchor>
          </Stack>
        ),
      });
    }
  }, [uid, items, navigate, ticketsHref, browserAlerts]);
}
