import { ActionIcon, Alert, Anchor, Badge, Drawer, Group, Indicator, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AppNotification } from '@domain';
import { useState } from 'react';
import { BrowserAlertsSwitch } from './BrowserAlertsSwitch';
import { Link } from 'react-router';
import { ago, exactTime } from '../../app/dates';
import { errorMessage } from '../../app/errorMessage';
import { useLatestCallback } from '../../app/useLatestCallback';
import { useBackend } from '../../backend/BackendContext';
import { useNotifications } from './useNotifications';
import { useNotificationToasts } from './useNotificationToasts';

const noIds: ReadonlySet<string> = new Set();

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
      <Drawer opened={opened} onClose={close} title="Notifications" position="right" size="md">
        {uid !== undefined && <BrowserAlertsSwitch uid={uid} />}
        {isPending && <Loader aria-label="Loading notifications" />}
        {isError && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        {items && items.length === 0 && <Text c="dimmed">No notifications yet.</Text>}
        {items && items.length > 0 && (
          <Stack component="ul" aria-label="Your notifications" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => (
              <NotificationItem key={item.id} item={item} isNew={!item.seen || fresh.has(item.id)} onOpen={close} />
            ))}
          </Stack>
        )}
      </Drawer>
    </>
  );
}

function NotificationItem({ item, isNew, onOpen }: { item: AppNotification; isNew: boolean; onOpen: () => void }) {
  return (
    <li>
      <Stack
        gap={2}
        p="xs"
        style={{
          borderLeft: `3px solid ${isNew ? 'var(--mantine-color-red-6)' : 'transparent'}`,
          borderRadius: 'var(--mantine-radius-sm)',
          background: isNew ? 'var(--mantine-color-default-hover)' : undefined,
        }}
      >
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {isNew && (
            <Badge color="red" size="xs" variant="filled" style={{ flex: '0 0 auto' }}>
              New
            </Badge>
          )}
          <Anchor
            component={Link}
            to={`/tickets/${item.ticketId}`}
            onClick={onOpen}
            fw={isNew ? 600 : 400}
            c="inherit"
            style={{ overflowWrap: 'anywhere' }}
          >
            {item.text}
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed" title={exactTime(item.createdAt)}>
          {ago(item.createdAt)}
        </Text>
      </Stack>
    </li>
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
