import { Accordion } from '@mantine/core';
import type { UserProfile } from '@domain';
import { Suspense, useState } from 'react';
import { lazyWhenIdle } from '../../app/loadLater';
import { LoadingIndicator } from '../../app/LoadingIndicator';

// The entries (and the Timeline that lays them out) load when the history is first opened, or
// once the browser is idle.
const HistoryEntries = lazyWhenIdle(() => import('./HistoryEntries'));

/**
 * The ticket's audit trail for staff (who changed what, when), folded under "History": the
 * chat already tells the story, so the trail stays shut until asked for, and is only read then.
 */
export function TicketHistory({ ticketId, staff }: { ticketId: string; staff: readonly UserProfile[] }) {
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <Accordion variant="contained" value={opened} onChange={setOpened} order={2}>
      <Accordion.Item value="history">
        <Accordion.Control>History</Accordion.Control>
        <Accordion.Panel>
          {opened && (
            <Suspense fallback={<LoadingIndicator size="sm" label="Loading the history" />}>
              <HistoryEntries ticketId={ticketId} staff={staff} />
            </Suspense>
          )}
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
