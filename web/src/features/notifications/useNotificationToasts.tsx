import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AppNotification } from '@domain';
import { useEffect, useRef } from 'react';
import { useHref, useNavigate } from 'react-router';

/**
 * A toast for each notification that arrives while the app is open. What the listener
 * delivers first for a user (the backlog) is not toasted: the bell counts it instead.
 */
export function useNotificationToasts(uid: string | undefined, items: readonly AppNotification[] | undefined) {
  const navigate = useNavigate();
  const ticketsHref = useHref('/tickets');
  const known = useRef<{ uid: string; ids: Set<string> } | null>(null);

  useEffect(() => {
    if (uid === undefined || items === undefined) return;
    if (known.current?.uid !== uid) {
      known.current = { uid, ids: new Set(items.map((item) => item.id)) };
      return;
    }
    const { ids } = known.current;
    // Oldest first, so the newest toast ends up on top.
    for (const item of [...items].reverse()) {
      if (ids.has(item.id)) continue;
      ids.add(item.id);
      if (item.seen) continue;
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
  }, [uid, items, navigate, ticketsHref]);
}
