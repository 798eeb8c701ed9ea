import { Avatar, Button, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { errorMessage } from '../../app/errorMessage';
import { initials } from '../../app/initials';
import { useBackend } from '../../backend/BackendContext';
import type { Session } from '../../backend/port';
import { discardFormDrafts } from '../../session/useFormDraft';

/**
 * Who is signed in, and the visible account switcher of the local backend. The button's name
 * starts with what it shows (the initials, then the name where there is room), so a person
 * using speech can say what they see.
 */
export function AccountMenu({ session }: { session: Session }) {
  const backend = useBackend();
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  const others = backend.demoAccounts.filter((account) => account.uid !== session.uid);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          px={6}
          aria-label={`${initials(session.displayName)} ${session.displayName} (${session.role}), account`}
        >
          <Group gap={8} wrap="nowrap">
            <Avatar size="sm" radius="xl">
              {initials(session.displayName)}
            </Avatar>
            {/* The space keeps "MC Maya Chen" two words for tools that read the visible text. */}{' '}
            <Text size="sm" visibleFrom="xs">
              {session.displayName}
            </Text>
          </Group>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {session.email} · {session.role}
        </Menu.Label>
        {others.length > 0 && <Menu.Label>Switch to a demo account</Menu.Label>}
        {others.map((account) => (
          <Menu.Item key={account.uid} onClick={() => backend.switchAccount(account.uid).catch(fail)}>
            {account.displayName} ({account.role})
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/profile">
          Your profile
        </Menu.Item>
        <Menu.Item
          onClick={() => {
            discardFormDrafts(session.uid);
            backend.signOut().catch(fail);
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
