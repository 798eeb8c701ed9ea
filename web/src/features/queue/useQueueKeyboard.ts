import { useRef } from 'react';
import { useShortcuts } from '../shortcuts/useShortcuts';

/** Each queue row's link: what j and k move the focus between, and what Enter then opens. */
const ROW_LINK = 'a[data-queue-row]';

/**
 * j and k in the queue: the focus moves to the next or previous ticket's row (the first one
 * if none has it yet), scrolled into view; Enter opens it, as on any focused link; x selects
 * the focused ticket for a bulk action.
 */
export function useQueueKeyboard<T extends HTMLElement>(toggleSelected: (ticketId: string) => void) {
  const list = useRef<T>(null);
  const move = (by: 1 | -1) => {
    const rows = [...(list.current?.querySelectorAll<HTMLAnchorElement>(ROW_LINK) ?? [])];
    if (rows.length === 0) return;
    const at = rows.findIndex((row) => row === document.activeElement);
    const next = at === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, at + by));
    rows[next]?.focus();
    rows[next]?.scrollIntoView({ block: 'nearest' });
  };
  const selectFocused = () => {
    const focused = document.activeElement;
    if (focused instanceof HTMLAnchorElement && focused.matches(ROW_LINK) && list.current?.contains(focused)) {
      const id = focused.dataset.ticketId;
      if (id) toggleSelected(id);
    }
  };
  useShortcuts({ j: () => move(1), k: () => move(-1), x: selectFocused });
  return list;
}
