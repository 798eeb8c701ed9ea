import {
  roleSchema,
  ticketDocSchema,
  ticketEventSchema,
  type NotificationDoc,
  type Role,
  type TicketDoc,
  type TicketEvent,
} from '../domain/index.js';
import type { DocData, DocStore, StoreTransaction } from '../store/port.js';

/**
 * Where the handlers read and write, and the ids of what they write. Every id a handler
 * writes is deterministic, so a trigger delivered twice overwrites instead of duplicating.
 * Ids carry the ticket (and the recipient) because the local backend keeps each kind of
 * subcollection document in one table for all tickets.
 */
export const paths = {
  ticket: (ticketId: string) => `tickets/${ticketId}`,
  event: (ticketId: string, eventId: string) => `tickets/${ticketId}/events/${eventId}`,
  message: (ticketId: string, messageId: string) => `tickets/${ticketId}/messages/${messageId}`,
  read: (ticketId: string, uid: string) => `tickets/${ticketId}/reads/${uid}`,
  user: (uid: string) => `users/${uid}`,
  notification: (uid: string, notificationId: string) => `users/${uid}/notifications/${notificationId}`,
  assignmentConfig: 'config/assignment',
  slaConfig: 'config/sla',
} as const;

export const ids = {
  createdEvent: (ticketId: string) => `${ticketId}-created`,
  autoAssignedEvent: (ticketId: string) => `${ticketId}-auto-assigned`,
  /**
   * The 'reverted' event of an illegal move; `at` is the updatedAt the revert stamps, which
   * is always later than the ticket's, so no two reverts of one ticket share it, and the
   * revert is known by it when it comes back through the trigger.
   */
  revertedEvent: (ticketId: string, at: Date) => `${ticketId}-reverted-${at.getTime()}`,
  /** The 'reverted' event of an edit that broke the ticket's shape, by the change's key. */
  repairedEvent: (ticketId: string, changeKey: string) => `${ticketId}-repaired-${changeKey}`,
  /**
   * One change of one field (status, priority, assignee): its event and its system message.
   * `changeKey` names the change: the trigger's event id, unique per change and the same on
   * every retry (a time would not do: the emulator's event times have whole seconds).
   */
  change: (ticketId: string, field: string, changeKey: string) => `${ticketId}-${field}-${changeKey}`,
  notification: (uid: string, ticketId: string, what: string) => `${ticketId}-${what}-${uid}`,
  /** The removal of a stored file that was not what the ticket lists: one per slot. */
  removedAttachmentEvent: (ticketId: string, slot: string) => `${ticketId}-removed-${slot}`,
  /** The automatic close of a resolved ticket: once per ticket (closed is for good). */
  autoClosedEvent: (ticketId: string) => `${ticketId}-auto-closed`,
  /** A clock's breach, by the deadline it missed: a watch run twice records it once. */
  breachEvent: (ticketId: string, clock: string, dueAt: Date) => `${ticketId}-breach-${clock}-${dueAt.getTime()}`,
};

/** The handful of user fields the handlers need, read leniently (admins edit users in the console). */
export interface UserFacts {
  readonly uid: string;
  readonly displayName: string | null;
  readonly role: Role | null;
  readonly active: boolean;
}

export function userFacts(uid: string, data: DocData | undefined): UserFacts | null {
  if (!data) return null;
  const role = roleSchema.safeParse(data.role);
  return {
    uid,
    displayName: typeof data.displayName === 'string' && data.displayName.length > 0 ? data.displayName : null,
    role: role.success ? role.data : null,
    active: data.active !== false,
  };
}

/**
 * Every active agent and admin (outside a transaction): who hears of new tickets and of a
 * customer's message on an unassigned ticket, and the default assignment pool.
 */
export async function activeStaff(store: DocStore): Promise<UserFacts[]> {
  const found = [
    ...(await store.find('users', [['role', '==', 'agent']])),
    ...(await store.find('users', [['role', '==', 'admin']])),
  ];
  return found
    .map(({ id, data }) => userFacts(id, data))
    .filter((user): user is UserFacts => user !== null && user.active);
}

export async function readUser(tx: StoreTransaction, uid: string): Promise<UserFacts | null> {
  return userFacts(uid, await tx.get(paths.user(uid)));
}

export async function readTicket(tx: StoreTransaction, ticketId: string): Promise<TicketDoc | undefined> {
  const data = await tx.get(paths.ticket(ticketId));
  return data === undefined ? undefined : ticketDocSchema.parse(data);
}

/**
 * The ticket, or undefined when it is gone or an edit has broken its shape: a trigger that
 * only stamps the ticket leaves a broken one to the repair of that edit (revertBrokenEdit)
 * instead of failing on it.
 */
export async function readWellFormedTicket(tx: StoreTransaction, ticketId: string): Promise<TicketDoc | undefined> {
  const parsed = ticketDocSchema.safeParse(await tx.get(paths.ticket(ticketId)));
  return parsed.success ? parsed.data : undefined;
}

export async function readEvent(tx: StoreTransaction, ticketId: string, eventId: string): Promise<TicketEvent | undefined> {
  const data = await tx.get(paths.event(ticketId, eventId));
  if (data === undefined) return undefined;
  const parsed = ticketEventSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export function notification(
  kind: NotificationDoc['kind'],
  ticketId: string,
  text: string,
  now: Date,
): NotificationDoc {
  return { kind, ticketId, text, createdAt: now, seen: false };
}
