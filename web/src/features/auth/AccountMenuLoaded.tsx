import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Menu.css';
import { Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RefObject } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../app/errorMessage';
import { useBackend } from '../../backend/BackendContext';
import type { Session } from '../../backend/port';
import { discardFormDrafts } from '../../session/useFormDraft';
import { AccountButton } from './AccountMenu';

interface AccountMenuLoadedProps {
  readonly session: Session;
  readonly opened: boolean;
  readonly onChange: (opened: boolean) => void;
  readonly targetRef: RefObject<HTMLButtonElement | null>;
}

/** The account menu itself: who is signed in, the demo accounts to switch to, the profile, signing out. */
export default function AccountMenuLoaded({ session, opened, onChange, targetRef }: AccountMenuLoadedProps) {
  const backend = useBackend();
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  const others = backend.demoAccounts.filter((account) => account.uid !== session.uid);
  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={onChange}>
      <Menu.Target>
        <AccountButton session={session} ref={targetRef} />
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
