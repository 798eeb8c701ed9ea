import { Alert, Anchor, Grid, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { categoryLabels, formatTicketNumber, isStaff, type PresenceActivity, type Ticket, type UserProfile } from '@domain';
import { Suspense, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { exactTime } from '../../app/dates';
import { errorMessage } from '../../app/errorMessage';
import { PageHeading } from '../../app/PageHeading';
import { useBackend } from '../../backend/BackendContext';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSignedInSession } from '../../session/useSession';
import { ChatPanel } from '../chat/ChatPanel';
import { useOthersOnTicket, useOwnPresence } from '../presence/usePresence';
import { AttachmentGallery } from './AttachmentGallery';
import { CustomerActions } from './CustomerActions';
import { PresenceBar, SlaBadge, StaffActions, TicketHistory, TriagePanel } from './staffParts';
import { satisfactionText } from '../satisfaction/satisfactionText';
import { PriorityBadge, StatusBadge } from './TicketBadges';
import { LoadingIndicator } from '../../app/LoadingIndicator';

export { preloadStaffPanels } from './staffParts';

/**
 * One ticket, live: its number arrives, its status changes, its chat runs, without a
 * reload. Details beside the chat on wide screens; tabs at phone width.
 */
export function TicketPage() {
  const { ticketId = '' } = useParams();
  const backend = useBackend();
  const session = useSignedInSession();
  const staff = isStaff(session.role);
  const wide = useMediaQuery('(min-width: 62em)', true);
  const ticket = useRealtimeQuery<Ticket | null>(queryKeys.ticket(session.uid, ticketId), (onData, onError) =>
    backend.subscribeTicket(ticketId, onData, onError),
  );
  const staffList = useRealtimeQuery<UserProfile[]>(
    queryKeys.staff(session.uid),
    (onData, onError) => backend.subscribeStaff(onData, onError),
    { enabled: staff },
  );
  // Staff say they are here, and what they are writing; they see who else is.
  const [activity, setActivity] = useState<PresenceActivity>('viewing');
  useOwnPresence(ticketId, activity, staff);
  const others = useOthersOnTicket(ticketId, staff);
  if (ticket.isPending) return <LoadingIndicator label="Loading the ticket" />;
  if (ticket.isError || !ticket.data) {
    return (
      <Stack maw={720}>
        <PageHeading>{ticket.isError ? 'This ticket cannot be shown' : 'Ticket not found'}</PageHeading>
        {ticket.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(ticket.error)}
          </Alert>
        ) : (
          <Text>There is no such ticket. It may have been opened under another account.</Text>
        )}
      </Stack>
    );
  }
  const t = ticket.data;
  const people = staffList.data ?? [];

  // The chat tells everyone what happened (its system messages); the audit trail beside it
  // is for staff, folded, so nothing shows twice and customers see no staff names.
  const details = staff ? (
    // Preloaded with the page, so nothing here suspends; the boundary is for a page opened without.
    <Suspense fallback={<LoadingIndicator label="Loading the staff actions" />}>
      <Stack>
        <StaffActions ticket={t} role={session.role} staff={people} />
        <TicketDetails ticket={t} staff={people} viewerIsStaff />
        <TriagePanel ticket={t} />
        <TicketHistory ticketId={t.id} staff={people} />
      </Stack>
    </Suspense>
  ) : (
    <Stack>
      <CustomerActions ticket={t} />
      <TicketDetails ticket={t} staff={people} viewerIsStaff={false} />
    </Stack>
  );
  const chat = <ChatPanel ticket={t} onActivity={setActivity} />;

  return (
    <Stack maw={1280}>
      <Group gap="sm" wrap="wrap">
        <Text ff="monospace" c="dimmed" size="lg" aria-label="Ticket number">
          {formatTicketNumber(t.number)}
        </Text>
        <PageHeading>{t.title}</PageHeading>
      </Group>
      {/* Announced when it changes, e.g. when an agent accepts the ticket. */}
      <Group gap="xs" aria-live="polite">
        <StatusBadge status={t.status} />
        <PriorityBadge priority={t.priority} />
      </Group>
      {/* Outside the live region: it counts down, and a screen reader need not hear every tick. */}
      {staff && (
        // Staff's parts are preloaded with the page: nothing here suspends.
        <Suspense fallback={null}>
          <Group gap="xs">
            <SlaBadge ticket={t} />
          </Group>
          <PresenceBar others={others} />
        </Suspense>
      )}
      {wide ? (
        <Grid gap="lg">
          <Grid.Col span={5}>{details}</Grid.Col>
          <Grid.Col span={7}>
            <Paper withBorder p="sm" radius="md">
              {chat}
            </Paper>
          </Grid.Col>
        </Grid>
      ) : (
        <Tabs defaultValue="chat" keepMounted={false}>
          <Tabs.List grow>
            <Tabs.Tab value="chat">Chat</Tabs.Tab>
            <Tabs.Tab value="details">Details</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="chat" pt="sm">
            {chat}
          </Tabs.Panel>
          <Tabs.Panel value="details" pt="sm">
            {details}
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

function TicketDetails({ ticket, staff, viewerIsStaff }: { ticket: Ticket; staff: readonly UserProfile[]; viewerIsStaff: boolean }) {
  // Staff know every colleague; customers read the name the functions copy onto the ticket.
  const assignee =
    ticket.assigneeUid === null
      ? 'Unassigned'
      : (staff.find((person) => person.uid === ticket.assigneeUid)?.displayName ?? ticket.assigneeName ?? 'Our support team');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Ticket details">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} mb="md" mt={0}>
        <Detail label="Category" value={categoryLabels[ticket.category]} />
        <Detail label="Assignee" value={assignee} />
        <Detail label="Opened by" value={ticket.customerName} />
        <Detail label="Opened" value={exactTime(ticket.createdAt)} />
        {viewerIsStaff && ticket.resolvedAt !== null && <Detail label="Customer's rating" value={satisfactionText(ticket)} />}
      </SimpleGrid>
      {ticket.rejectionReason && (
        <Alert color="red" title="Rejected" mb="md">
          {ticket.rejectionReason}
        </Alert>
      )}
      {ticket.followUpOf && (
        <Text size="sm" mb="md">
          Follows up on{' '}
          <Anchor component={Link} to={`/tickets/${ticket.followUpOf}`}>
            an earlier ticket
          </Anchor>
        </Text>
      )}
      <Title order={2} size="h5">
        Description
      </Title>
      {/* Rendered as text, never as HTML: what a customer types cannot run in an agent's page. */}
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} mb="md">
        {ticket.description}
      </Text>
      <AttachmentGallery ticketId={ticket.id} attachments={ticket.attachments} />
    </Paper>
  );
}

/** One term of the details list: the label names the value for assistive technology too. */
function Detail({ label, value }: { label: string; value: string }) {
  const id = useId();
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" id={id}>
        {label}
      </Text>
      <Text component="dd" m={0} aria-labelledby={id}>
        {value}
      </Text>
    </div>
  );
}
