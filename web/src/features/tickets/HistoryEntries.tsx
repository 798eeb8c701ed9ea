// Its CSS comes with it: the Timeline.
import '@mantine/core/styles/Timeline.css';
import { Alert, Text, Timeline } from '@mantine/core';
import {
  priorityLabels,
  statusLabels,
  type Priority,
  type TicketEventEntry,
  type TicketStatus,
  type UserProfile,
} from '@domain';
import { ago, exactTime } from '../../app/dates';
import { errorMessage } from '../../app/errorMessage';
import { useBackend } from '../../backend/BackendContext';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSignedInSession } from '../../session/useSession';
import { LoadingIndicator } from '../../app/LoadingIndicator';

function describe(event: TicketEventEntry, nameOf: (uid: string | null) => string): string {
  switch (event.kind) {
    case 'created':
      return `${event.actorName} opened the ticket`;
    case 'status':
      return `${event.actorName} moved it from ${statusLabels[event.from as TicketStatus] ?? event.from} to ${statusLabels[event.to as TicketStatus] ?? event.to}${event.note ? `: ${event.note}` : ''}`;
    case 'priority':
      return `${event.actorName} changed the priority from ${priorityLabels[event.from as Priority] ?? event.from} to ${priorityLabels[event.to as Priority] ?? event.to}`;
    case 'assignee':
      return event.to ? `${event.actorName} assigned it to ${nameOf(event.to)}` : `${event.actorName} unassigned it`;
    case 'reverted':
      return `An illegal change was undone${event.note ? `: ${event.note}` : ''}`;
    case 'attachment_removed':
      return event.note ?? 'A stored file was removed: it was not the file the ticket lists';
    case 'sla_breached':
      return event.note ?? 'A service-level target passed';
  }
}

/** The history's entries, oldest first, read when the history is opened. */
export default function HistoryEntries({ ticketId, staff }: { ticketId: string; staff: readonly UserProfile[] }) {
  const backend = useBackend();
  const session = useSignedInSession();
  const events = useRealtimeQuery<TicketEventEntry[]>(queryKeys.ticketEvents(session.uid, ticketId), (onData, onError) =>
    backend.subscribeTicketEvents(ticketId, onData, onError),
  );
  if (events.isPending) return <LoadingIndicator size="sm" label="Loading the history" />;
  if (events.isError) return <Alert color="red">{errorMessage(events.error)}</Alert>;
  if (events.data.length === 0) return <Text size="sm">Nothing has happened to this ticket yet.</Text>;
  const nameOf = (uid: string | null) =>
    staff.find((person) => person.uid === uid)?.displayName ?? 'someone no longer on staff';
  return (
    <Timeline bulletSize={12} lineWidth={2}>
      {events.data.map((event) => (
        <Timeline.Item key={event.id}>
          <Text size="sm">{describe(event, nameOf)}</Text>
          <Text size="xs" c="dimmed" title={exactTime(event.at)}>
            {ago(event.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
