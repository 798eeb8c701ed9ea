import { ActionIcon, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazyWhenIdle, OnFirstOpen } from '../../app/loadLater';
import { useShortcuts } from './useShortcuts';

// The dialog's code loads when it first opens (or once the browser is idle), not with every screen.
const ShortcutsList = lazyWhenIdle(() => import('./ShortcutsList'));

/**
 * The header's "Keyboard shortcuts" button and the dialog it opens (so does "?"), listing
 * every shortcut of the staff pages from the one list the handlers use.
 */
export function ShortcutsDialog() {
  const [opened, { open, close }] = useDisclosure(false);
  useShortcuts({ '?': open });
  return (
    <>
      <ActionIcon
        variant="subtle"
        size="lg"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={open}
      >
        <Text fw={700} aria-hidden>
          ?
        </Text>
      </ActionIcon>
      <OnFirstOpen opened={opened}>{(shown) => <ShortcutsList opened={shown} onClose={close} />}</OnFirstOpen>
    </>
  );
}
