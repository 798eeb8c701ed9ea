import { Avatar, Button, Group, Text } from '@mantine/core';
import { lazy, Suspense, useCallback, useLayoutEffect, useRef, useState, type ComponentPropsWithRef, type RefObject } from 'react';
import { Mounted } from '../../app/loadLater';
import { initials } from '../../app/initials';
import type { Session } from '../../backend/port';

// The menu (Mantine's Menu, with its popover and floating-ui) loads beside the first screen,
// not in it: until it is in, the same button stands in for its target.
const AccountMenuLoaded = lazy(() => import('./AccountMenuLoaded'));

/**
 * Who is signed in, and the visible account switcher of the local backend. The button's name
 * starts with what it shows (the initials, then the name where there is room), so a person
 * using speech can say what they see.
 */
export function AccountMenu({ session }: { session: Session }) {
  const [opened, setOpened] = useState(false);
  // Pressed before the menu's code was in: it opens once it is.
  const [pressedEarly, setPressedEarly] = useState(false);
  const focusedRef = useRef(false);
  const target = useRef<HTMLButtonElement>(null);
  const loaded = useCallback(() => {
    // The button is a new element now: focus stays on it, and an early press opens the menu
    // (after it has mounted closed, so that closing it gives focus back to the button).
    if (focusedRef.current) target.current?.focus();
    if (pressedEarly) setOpened(true);
  }, [pressedEarly]);
  return (
    <Suspense fallback={<StandInButton session={session} focusedRef={focusedRef} onClick={() => setPressedEarly(true)} />}>
      <Mounted onMounted={loaded}>
        <AccountMenuLoaded session={session} opened={opened} onChange={setOpened} targetRef={target} />
      </Mounted>
    </Suspense>
  );
}

/** The menu's button, as it shows before and after the menu's code is in. */
export function AccountButton({ session, ...props }: { session: Session } & Omit<ComponentPropsWithRef<'button'>, 'color'>) {
  return (
    <Button variant="subtle" px={6} aria-label={`${initials(session.displayName)} ${session.displayName} (${session.role}), account`} {...props}>
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
  );
}

/** The button before the menu is in: the same name and state a closed menu's target has. */
function StandInButton({ session, focusedRef, onClick }: { session: Session; focusedRef: RefObject<boolean>; onClick: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  // Whether it had focus when the menu replaced it (before it leaves the page).
  useLayoutEffect(() => {
    const element = button.current;
    return () => {
      focusedRef.current = element !== null && document.activeElement === element;
    };
  }, [focusedRef]);
  return <AccountButton session={session} ref={button} aria-haspopup="menu" aria-expanded={false} onClick={onClick} />;
}
