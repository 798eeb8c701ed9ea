import { Kbd } from '@mantine/core';
import type { ShortcutKey } from './shortcutList';

/**
 * A control's shortcut shown beside its label; hidden from screen readers, which hear it
 * from the control's aria-keyshortcuts instead, and from phones, which have no keyboard.
 */
export function ShortcutHint({ shortcut }: { shortcut: ShortcutKey }) {
  return (
    <Kbd size="xs" aria-hidden visibleFrom="sm">
      {shortcut}
    </Kbd>
  );
}
