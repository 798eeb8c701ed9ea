import { Anchor, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { notificationTitles, type AppNotification } from '@domain';
import { useEffect, useEffectEvent, useRef } from 'react';
import { useHref, useMatch, useNavigate } from 'react-router';
import { showBrowserAlerts, type BrowserAlert } from './browserAlerts';
import { knownArrivals, SUMMARY_AFTER, summaryText, takeArrivals } from './notificationArrivals';

/**
 * Announces the notifications that arrive while the app is open: a toast per ticket (none
 * for the ticket open in a visible tab), or one summary toast with a way to the bell when a
 * delivery brings more than SUMMARY_AFTER tickets' news; the same, as browser notifications,
 * for those who opted in while the tab is hidden. What the listener delivers first for a user
 * (the backlog) is not announced: the bell counts it instead.
 */
export function useNotificationToasts(
  uid: string | undefined,
  items: readonly AppNotification[] | undefined,
  openBell: () => void,
) {
  const navigate = useNavigate();
  const ticketsHref = useHref('/tickets');
  const openTicketId = useMatch('/tickets/:ticketId')?.params.ticketId;
  const known = useRef<{ uid: string; keys: Set<string> } | null>(null);
  // The page and the bell as they are when something arrives: no reason to announce again.
  const announce = useEffectEvent((owner: string, arrivals: readonly AppNotification[]) => {
    const open = (ticketId: string) => navigate(`/tickets/${ticketId}`);
    // The chat on screen shows its own news.
    const toasted = document.visibilityState === 'visible' ? arrivals.filter((item) => item.ticketId !== openTicketId) : arrivals;
    if (toasted.length > SUMMARY_AFTER) showSummaryToast(toasted, openBell);
    // Oldest first, so the newest toast ends up on top.
    else for (const item of [...toasted].reverse()) showToast(item, `${ticketsHref}/${item.ticketId}`, () => open(item.ticketId));
    showBrowserAlerts(owner, browserAlertsFor(arrivals, open, openBell));
  });

  useEffect(() => {
    if (uid === undefined || items === undefined) return;
    if (known.current?.uid !== uid) {
      known.current = { uid, keys: knownArrivals(items) };
      return;
    }
    const arrivals = takeArrivals(known.current.keys, items);
    if (arrivals.length > 0) announce(uid, arrivals);
  }, [uid, items]);
}

function browserAlertsFor(arrivals: readonly AppNotification[], open: (ticketId: string) => void, openBell: () => void): BrowserAlert[] {
  if (arrivals.length > SUMMARY_AFTER) {
    return [{ tag: 'support-desk-summary', title: 'Support desk', body: summaryText(arrivals), onOpen: openBell }];
  }
  return arrivals.map((item) => ({
    tag: item.ticketId,
    title: notificationTitles[item.kind],
    body: item.text,
    onOpen: () => open(item.ticketId),
  }));
}

function showToast(item: AppNotification, href: string, open: () => void) {
  const toastId = `notification-${item.ticketId}`;
  notifications.hide(toastId);
  notifications.show({
    id: toastId,
    title: notificationTitles[item.kind],
    message: (
      <Stack gap={4}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {item.text}
        </Text>
        {/* The toasts render outside the router: a plain link that navigates in the app. */}
        <Anchor
          size="sm"
          href={href}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            notifications.hide(toastId);
            open();
          }}
        >
          Open the ticket
        </Anchor>
      </Stack>
    ),
  });
}

function showSummaryToast(arrivals: readonly AppNotification[], openBell: () => void) {
  const toastId = 'notification-summary';
  notifications.hide(toastId);
  notifications.show({
    id: toastId,
    title: summaryText(arrivals),
    message: (
      <Button
        size="compact-sm"
        variant="light"
        mt={4}
        onClick={() => {
          notifications.hide(toastId);
          openBell();
        }}
      >
        Show them
      </Button>
    ),
  });
}
