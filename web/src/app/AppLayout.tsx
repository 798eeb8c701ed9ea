import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { isAdmin, isStaff } from '@domain';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Session } from '../backend/port';
import { VerifyEmailBanner } from '../features/account/VerifyEmailBanner';
import { AccountMenu } from '../features/auth/AccountMenu';
import { ConnectionIndicator } from '../features/chat/ConnectionIndicator';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { ShortcutsDialog } from '../features/shortcuts/ShortcutsDialog';
import { useHeadingFocusOnNavigation } from './headingFocus';
import { SkipToContent } from './SkipToContent';

interface NavItem {
  readonly to: string;
  readonly label: string;
}

function navFor(session: Session): NavItem[] {
  if (!isStaff(session.role)) {
    return [
      { to: '/tickets', label: 'My tickets' },
      { to: '/tickets/new', label: 'New ticket' },
    ];
  }
  return [{ to: '/queue', label: 'Queue' }, { to: '/reports', label: 'Reports' }, ...(isAdmin(session.role) ? [{ to: '/users', label: 'Users' }, { to: '/canned-replies', label: 'Canned replies' }] : [])];
}

/** Header with the account menu; the navigation folds behind a burger at phone width. */
export function AppLayout({ session, children }: { session: Session | null; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const nav = session ? navFor(session) : [];
  useHeadingFocusOnNavigation(location.pathname, session?.uid ?? null);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={nav.length ? { width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding="md"
    >
      <AppShell.Header>
        <SkipToContent />
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {nav.length > 0 && (
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            )}
            <Text fw={700} component={Link} to="/" style={{ color: 'inherit', textDecoration: 'none', whiteSpace: 'nowrap' }}>
              Support desk
            </Text>
          </Group>
          {session && (
            <Group gap="xs" wrap="nowrap">
              <ConnectionIndicator />
              {isStaff(session.role) && <ShortcutsDialog />}
              <NotificationBell />
              <AccountMenu session={session} />
            </Group>
          )}
        </Group>
      </AppShell.Header>
      {nav.length > 0 && (
        <AppShell.Navbar p="xs" aria-label="Main">
          {nav.map((item) => {
            const current = location.pathname === item.to;
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={current}
                aria-current={current ? 'page' : undefined}
                onClick={close}
              />
            );
          })}
        </AppShell.Navbar>
      )}
      <AppShell.Main>
        {session && <VerifyEmailBanner session={session} />}
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
