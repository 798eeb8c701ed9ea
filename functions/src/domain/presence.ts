import { z } from './zod.js';
import { docIdSchema } from './ids.js';
import { DISPLAY_NAME_MAX } from './user.js';

/**
 * Who of the staff is on a ticket: `presence/{ticketId}/viewers/{uid}`, written by that
 * staff member. Firestore has no onDisconnect, so each open ticket page writes a heartbeat
 * (server time) every PRESENCE_HEARTBEAT_MS and readers ignore entries older than
 * PRESENCE_EXPIRY_MS: a tab that closes or loses its network drops out on its own.
 * (The Realtime Database's onDisconnect would need a second database for one marker.)
 */
export const PRESENCE_HEARTBEAT_MS = 10_000;
export const PRESENCE_EXPIRY_MS = 30_000;

export const presenceActivities = ['viewing', 'replying', 'noting'] as const;
export type PresenceActivity = (typeof presenceActivities)[number];

export const presenceDocSchema = z.strictObject({
  uid: docIdSchema,
  ticketId: docIdSchema,
  displayName: z.string().check(z.maxLength(DISPLAY_NAME_MAX)),
  activity: z.enum(presenceActivities),
  heartbeatAt: z.date(),
});
export type PresenceDoc = z.infer<typeof presenceDocSchema>;

/** The entries still alive at `now`: a reader honours the expiry, whatever is stored. */
export function livePresence<T extends Pick<PresenceDoc, 'heartbeatAt'>>(entries: readonly T[], now: Date): T[] {
  return entries.filter((entry) => now.getTime() - entry.heartbeatAt.getTime() <= PRESENCE_EXPIRY_MS);
}

export const presenceLabels: Record<PresenceActivity, string> = {
  viewing: 'is viewing',
  replying: 'is typing a reply',
  noting: 'is writing a note',
};

/**
 * The staff reply that landed since this agent began typing, by someone else: the composer
 * asks before sending ("Priya replied 20 s ago: send anyway?").
 */
export function replyLandedSince<M extends { authorUid: string | null; authorRole: string | null; authorName: string; createdAt: Date; kind: string }>(
  messages: readonly M[],
  since: Date,
  myUid: string,
): M | undefined {
  return messages.findLast(
    (m) => m.kind === 'user' && m.authorUid !== myUid && (m.authorRole === 'agent' || m.authorRole === 'admin') && m.createdAt.getTime() > since.getTime(),
  );
}
