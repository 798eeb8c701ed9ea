// Its CSS comes with it: the drawer (a ModalBase with an Overlay) and the alerts switch.
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/Drawer.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Switch.css';
import { Alert, Anchor, Badge, Drawer, Group, Stack, Text } from '@mantine/core';
import type { AppNotification } from '@domain';
import { Link } from 'react-router';
import { ago, exactTime } from '../../app/dates';
import { errorMessage } from '../../app/errorMessage';
import { BrowserAlertsSwitch } from './BrowserAlertsSwitch';
import { LoadingIndicator } from '../../app/LoadingIndicator';

interface NotificationDrawerProps {
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly uid: string | undefined;
  readonly items: readonly AppNotification[] | undefined;
  readonly isPending: boolean;
  readonly error: unknown;
  /** Unseen when the drawer opened: still marked "New" while it is open. */
  readonly fresh: ReadonlySet<string>;
}

/** The bell's drawer: the opt-in to browser alerts, then the notifications, newest first. */
export default function NotificationDrawer({ opened, onClose: close, uid, items, isPending, error, fresh }: NotificationDrawerProps) {
  return (
    <Drawer opened={opened} onClose={close} title="Notifications" position="right" size="md">
      {uid !== undefined && <BrowserAlertsSwitch uid={uid} />}
      {isPending && <LoadingIndicator label="Loading notifications" />}
      {error !== null && (
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

