import { isStaff, isUnread, queueFilterSchema, type Ticket } from '@domain';
import { useEffect, useMemo } from 'react';
import { useBackend } from '../../backend/BackendContext';
import type { ListPage, QueueQuery, ReadMarkers } from '../../backend/port';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSession } from '../../session/useSession';
import { useQueuePage } from '../queue/useQueuePage';

export const APP_TITLE = 'Support desk';

/** How many tickets the window title looks at for its unread count: the first page. */
export const UNREAD_TITLE_PAGE = 50;

const noTickets: readonly Ticket[] = [];

/** The signed-in user's read markers: one listener per user, shared by every list on screen. */
export function useReadMarkers() {
  const backend = useBackend();
  const uid = useSession().data?.uid;
  return useRealtimeQuery<ReadMarkers>(
    queryKeys.readMarkers(uid),
    (onData, onError) => backend.subscribeReadMarkers(onData, onError),
    { enabled: uid !== undefined },
  );
}

/**
 * Which of these tickets have a message the signed-in user has not read (the red dot).
 * Empty until the markers have loaded, so no dot flashes on a ticket that is in fact read.
 */
export function useUnreadTicketIds(tickets: readonly Ticket[] | undefined): ReadonlySet<string> {
  const uid = useSession().data?.uid;
  const markers = useReadMarkers().data;
  return useMemo(() => {
    if (uid === undefined || markers === undefined || tickets === undefined) return new Set<string>();
    return new Set(
      tickets.filter((ticket) => isUnread(ticket, uid, markers.get(ticket.id))).map((ticket) => ticket.id),
    );
  }, [uid, markers, tickets]);
}

const assignedToMe: QueueQuery = {
  filter: queueFilterSchema.parse({ assignee: 'mine' }),
  cursor: null,
  pageSize: UNREAD_TITLE_PAGE,
};

/**
 * "(N) Support desk" in the window title while N tickets in the signed-in user's own view
 * have unread messages: a customer's first page of tickets, or the tickets assigned to a
 * member of staff. Call once, near the root.
 */
export function useUnreadTitle() {
  const backend = useBackend();
  const session = useSession().data ?? null;
  const staff = session !== null && isStaff(session.role);
  const customer = session !== null && !staff;
  const mine = useRealtimeQuery<ListPage<Ticket>>(
    queryKeys.myTickets(session?.uid, UNREAD_TITLE_PAGE),
    (onData, onError) => backend.subscribeMyTickets(UNREAD_TITLE_PAGE, onData, onError),
    { enabled: customer },
  );
  const assigned = useQueuePage(assignedToMe, { enabled: staff });
  const tickets = customer ? mine.data?.items : staff ? assigned.data?.items : noTickets;
  const unread = useUnreadTicketIds(tickets).size;
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${APP_TITLE}` : APP_TITLE;
  }, [unread]);
}
