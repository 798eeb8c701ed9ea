import type { Ticket } from '@domain';
import { useState } from 'react';

/**
 * Which tickets of the queue's page are selected for a bulk action. Only tickets on the page
 * count: after a filter or page change, what is no longer shown is no longer selected.
 */
export function useQueueSelection(shown: readonly Ticket[]) {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const selected = shown.filter((ticket) => ids.has(ticket.id));
  const toggle = (id: string) =>
    setIds((before) => {
      const next = new Set(before);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const allShown = shown.length > 0 && selected.length === shown.length;
  return {
    selected,
    isSelected: (id: string) => ids.has(id),
    toggle,
    allShown,
    toggleAll: () => setIds(allShown ? new Set() : new Set(shown.map((ticket) => ticket.id))),
    clear: () => setIds(new Set()),
  };
}

export type QueueSelection = ReturnType<typeof useQueueSelection>;
