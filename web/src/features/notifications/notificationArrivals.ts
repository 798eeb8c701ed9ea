import type { AppNotification } from '@domain';

/**
 * What one delivery of the notifications listener brought that is news: the unseen ones not
 * delivered before. A notification raised again (a new burst of messages on its ticket) keeps
 * its id and gets a new time, so it is known by both.
 */
const arrivalKey = (item: AppNotification) => `${item.id}@${item.createdAt.getTime()}`;

/** More tickets than this in one delivery (a tab back online) make one summary, not a toast each. */
export const SUMMARY_AFTER = 3;

/** Everything delivered so far, so that only what is new is announced. */
export function knownArrivals(items: readonly AppNotification[]): Set<string> {
  return new Set(items.map(arrivalKey));
}

/**
 * The news in `items` (adding it to `known`): the newest unseen notification of each ticket
 * not announced before, newest first.
 */
export function takeArrivals(known: Set<string>, items: readonly AppNotification[]): AppNotification[] {
  const byTicket = new Map<string, AppNotification>();
  for (const item of items) {
    const key = arrivalKey(item);
    if (known.has(key)) continue;
    known.add(key);
    if (item.seen) continue;
    const kept = byTicket.get(item.ticketId);
    if (!kept || kept.createdAt.getTime() < item.createdAt.getTime()) byTicket.set(item.ticketId, item);
  }
  return [...byTicket.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** The one line that stands for many tickets' news. */
export function summaryText(arrivals: readonly AppNotification[]): string {
  const what = arrivals.every((item) => item.kind === 'new_message') ? 'new messages' : 'new notifications';
  return `${arrivals.length} tickets have ${what}`;
}
