import { ActionIcon, Indicator } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../app/errorMessage';
import { lazyWhenIdle, OnFirstOpen } from '../../app/loadLater';
import { useLatestCallback } from '../../app/useLatestCallback';
import { useBackend } from '../../backend/BackendContext';
import { useNotifications } from './useNotifications';
import { useNotificationToasts } from './useNotificationToasts';

const noIds: ReadonlySet<string> = new Set();

// The drawer's code loads when it first opens (or once the browser is idle), not with every screen.
const NotificationDrawer = lazyWhenIdle(() => import('./NotificationDrawer'));

/**
 * The header's bell: how many notifications are unseen, and a drawer listing them. Opening
 * the drawer marks what it shows seen; those stay marked "New" until it closes.
 */
export function NotificationBell() {
  const backend = useBackend();
  const { uid, items, isPending, isError, error } = useNotifications();
  const [opened, setOpened] = useState(false);
  // Unseen when the drawer opened: still shown as new while it is open.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(noIds);

  const unseen = (items ?? []).filter((item) => !item.seen);
  const markSeen = (ids: readonly string[]) => {
    if (ids.length === 0) return;
    const fail = (failure: unknown) =>
      notifications.show({ color: 'red', title: 'Notifications not marked as seen', message: errorMessage(failure) });
    try {
      backend.markNotificationsSeen(ids).committed.catch(fail);
    } catch (failure) {
      fail(failure);
    }
  };
  const open = () => {
    const ids = unseen.map((item) => item.id);
    setFresh(new Set(ids));
    setOpened(true);
    markSeen(ids);
  };
  const close = () => {
    setOpened(false);
    // Those that arrived while the drawer was open were shown too.
    markSeen(unseen.filter((item) => !fresh.has(item.id)).map((item) => item.id));
    setFresh(noIds);
  };

  // Called later, from a summary toast or a browser notification: the bell as it is then.
  const openBell = useLatestCallback(() => {
    if (!opened) open();
  });
  useNotificationToasts(uid, items, openBell);

  const count = unseen.length;
  return (
    <>
      <Indicator
        color="red"
        size={18}
        offset={4}
        disabled={count === 0}
        label={<span aria-hidden="true">{count > 99 ? '99+' : count}</span>}
      >
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={`Notifications, ${count} unseen`}
          aria-haspopup="dialog"
          aria-expanded={opened}
          onClick={opened ? close : open}
        >
          <BellIcon />
        </ActionIcon>
      </Indicator>
      <OnFirstOpen opened={opened}>
        {(shown) => (
          <NotificationDrawer
            opened={shown}
            onClose={close}
            uid={uid}
            items={items}
            isPending={isPending}
            error={isError ? error : null}
            fresh={fresh}
          />
        )}
      </OnFirstOpen>
    </>
  );
}

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
