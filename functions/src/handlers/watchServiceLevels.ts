import { breachText, breachedAtField, breachesDue, formatTicketNumber, type TicketDoc, type TicketEvent } from '../domain/index.js';
import type { DocData, DocStore } from '../store/port.js';
import { ids, notification, paths, readWellFormedTicket } from './docs.js';
import { readSlaPolicy, slaPatch } from './slaStamps.js';

export const SERVICE_LEVELS_NAME = 'Service levels';
/** Tickets looked at per run; the next run (a minute later) takes the rest. */
export const BREACH_WATCH_BATCH = 200;

/**
 * The scheduled breach watch: every ticket whose watched deadline (`slaWatchAt`) has come
 * gets a `sla_breached` event dated at the deadline, its assignee a notification, and the
 * clock's breach stamp, which moves the watch to the next deadline. Safe to run twice or
 * at once from two places: the event's id is the clock's deadline, and the stamp is written
 * in the same transaction. Returns how many breaches it recorded.
 */
export async function watchServiceLevels(store: DocStore, deps: { now: Date }): Promise<number> {
  const due = await store.findDue('tickets', 'slaWatchAt', deps.now, BREACH_WATCH_BATCH);
  let recorded = 0;
  for (const { id } of due) recorded += await recordBreaches(store, id, deps.now);
  return recorded;
}

async function recordBreaches(store: DocStore, ticketId: string, now: Date): Promise<number> {
  return store.runTransaction(async (tx) => {
    const ticket = await readWellFormedTicket(tx, ticketId);
    const policy = await readSlaPolicy(tx);
    if (!ticket) return 0;
    const breaches = breachesDue(ticket, policy, now);
    const eventPaths = breaches.map(({ clock, dueAt }) => paths.event(ticketId, ids.breachEvent(ticketId, clock, dueAt)));
    const written = await Promise.all(eventPaths.map(async (path) => (await tx.get(path)) !== undefined));

    const stamps: Partial<TicketDoc> = {};
    breaches.forEach(({ clock, dueAt }, i) => {
      stamps[breachedAtField[clock]] = now;
      if (written[i]) return;
      const text = breachText(clock, formatTicketNumber(ticket.number));
      const event: TicketEvent = {
        kind: 'sla_breached',
        actorUid: null,
        actorName: SERVICE_LEVELS_NAME,
        from: clock,
        to: dueAt.toISOString(),
        note: text,
        at: dueAt,
      };
      tx.set(eventPaths[i]!, event);
      if (ticket.assigneeUid !== null) {
        const uid = ticket.assigneeUid;
        tx.set(
          paths.notification(uid, ids.notification(uid, ticketId, `breach-${clock}-${dueAt.getTime()}`)),
          notification('sla_breached', ticketId, text, now),
        );
      }
    });
    const patch: DocData = { ...stamps, ...slaPatch({ ...ticket, ...stamps }, policy) };
    if (Object.keys(patch).length > 0) tx.update(paths.ticket(ticketId), patch);
    return written.filter((done) => !done).length;
  });
}
