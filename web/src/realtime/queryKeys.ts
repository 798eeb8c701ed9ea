import type { AttachmentSlot, StatsRange } from '@domain';
import type { QueueQuery, UsersQuery } from '../backend/port';

/**
 * Every TanStack Query key of the app, in one place. A realtime key starts with what it
 * shows and the signed-in uid (so one person's cached data never shows to the next in the
 * tab), then whatever else picks the subscription; two components asking for the same key
 * share one listener (useRealtimeQuery).
 */
export const queryKeys = {
  ticket: (uid: string, ticketId: string) => ['ticket', uid, ticketId] as const,
  myTickets: (uid: string | undefined, limit: number) => ['myTickets', uid, limit] as const,
  queue: (uid: string | undefined, query: QueueQuery) => ['queue', uid, query] as const,
  ticketEvents: (uid: string, ticketId: string) => ['events', uid, ticketId] as const,
  staff: (uid: string | undefined) => ['staff', uid] as const,
  users: (uid: string, query: UsersQuery) => ['users', uid, query] as const,
  notifications: (uid: string | undefined) => ['notifications', uid] as const,
  readMarkers: (uid: string | undefined) => ['readMarkers', uid] as const,
  chat: (uid: string, ticketId: string, olderPages: number) => ['chat', uid, ticketId, olderPages] as const,
  notes: (uid: string, ticketId: string) => ['notes', uid, ticketId] as const,
  cannedReplies: (uid: string | undefined) => ['cannedReplies', uid] as const,
  presence: (uid: string, ticketId: string) => ['presence', uid, ticketId] as const,
  allPresence: (uid: string | undefined) => ['allPresence', uid] as const,
  stats: (uid: string | undefined, range: StatsRange) => ['stats', uid, range] as const,
  /** An attachment's object URL (an ordinary query: a stored file never changes). */
  attachmentUrl: (ticketId: string, slot: AttachmentSlot) => ['attachmentUrl', ticketId, slot] as const,
};
