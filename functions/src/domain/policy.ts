import { assignmentConfigSchema } from './assignment.js';
import { z } from './zod.js';
import { satisfactionFields } from './satisfaction.js';
import { slaConfigSchema } from './sla.js';
import { cannedReplyDocSchema } from './cannedReply.js';
import { presenceDocSchema } from './presence.js';
import { attachmentsProblem } from './attachments.js';
import { messageDocSchema, noteDocSchema, readMarkerSchema, type MessageDoc, type NoteDoc, type ReadMarker } from './message.js';
import { notificationDocSchema, type NotificationDoc } from './notification.js';
import { isRateLimitStep, rateLimitDocSchema, rateLimits, type RateLimitKind, type RateLimits } from './rateLimits.js';
import { isStaff, type Actor } from './roles.js';
import { canTransition } from './statusMachine.js';
import { isWholeSuggestion, ticketDocSchema, type TicketDoc } from './ticket.js';
import { locksChat, statusLabels } from './ticketFields.js';
import { userDocSchema, type UserDoc } from './user.js';

/**
 * Who may do what. The local backend calls these before every operation; firestore.rules
 * mirrors them; the authorization matrix runs the same table against both. Where a rule
 * needs other documents (the writer's profile, the parent ticket, a rate-limit counter), the
 * caller looks them up and passes them in, as the rules read them with get()/getAfter().
 */
export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** The little of a person's profile the rules look at: who they are now, not what their token says. */
export type ProfileFacts = Pick<UserDoc, 'displayName' | 'role' | 'active'>;

export function mayReadTicket(actor: Actor | null, ticket: Pick<TicketDoc, 'customerUid'>): Decision {
  if (!actor) return deny('Sign in to see tickets.');
  if (isStaff(actor.role) || ticket.customerUid === actor.uid) return allow;
  return deny('This ticket belongs to another customer.');
}

/** The queue lists every ticket: staff only. */
export function mayListQueue(actor: Actor | null): Decision {
  if (!actor) return deny('Sign in to see the queue.');
  return isStaff(actor.role) ? allow : deny('Only support staff can see the queue.');
}

/** Written under the writer's own name, as their profile has it now, by an account that is switched on. */
function writtenAsProfile(profile: ProfileFacts | undefined, name: string, what: string): Decision {
  if (!profile || !profile.active) return deny('Your account is not active.');
  if (name !== profile.displayName) return deny(`${what} is written under your own name, as your profile has it.`);
  return allow;
}

/** A new ticket, message or note counts against its writer's rate limit: the counter after the request names it. */
export function isCountedBy(counterAfter: unknown, path: string): boolean {
  const counter = rateLimitDocSchema.safeParse(counterAfter);
  return counter.success && counter.data.lastPath === path;
}

export interface NewTicketFacts {
  /** The customer's `users/{uid}`. */
  readonly profile: ProfileFacts | undefined;
  /** The ticket `followUpOf` names, if it names one that exists. */
  readonly followUpOf: Pick<TicketDoc, 'customerUid' | 'status'> | undefined;
}

/**
 * What a new ticket document says for itself: a customer opens it for themself, as its
 * writer (updatedBy); everything the functions own (number, assignee, lock, timestamps of
 * later events) starts empty, the status is open, and the attachments are ones the desk
 * would have planned. A client checks this before it writes anything.
 */
export function checkNewTicketDoc(actor: Actor | null, doc: TicketDoc): Decision {
  if (!actor) return deny('Sign in to open a ticket.');
  if (actor.role !== 'customer') return deny('Only customers open tickets.');
  if (doc.customerUid !== actor.uid) return deny('A ticket can only be opened for yourself.');
  if (!ticketDocSchema.safeParse(doc).success) return deny('The ticket is not well formed.');
  if (doc.updatedBy !== actor.uid) return deny('A ticket is written in your own name.');
  if (!isWholeSuggestion(doc)) return deny('A suggestion names a category, a priority and who suggested them, or nothing.');
  const attachmentProblem = attachmentsProblem(doc.attachments);
  if (attachmentProblem) return deny(attachmentProblem);
  const untouched =
    doc.number === null &&
    doc.status === 'open' &&
    doc.assigneeUid === null &&
    doc.assigneeName === null &&
    doc.chatLocked === false &&
    doc.lastMessageAt === null &&
    doc.lastMessageBy === null &&
    doc.lastMessagePreview === null &&
    doc.firstResponseAt === null &&
    doc.resolvedAt === null &&
    doc.closedAt === null &&
    doc.rejectionReason === null &&
    doc.searchTokens.length === 0 &&
    doc.staffLastReadAt === null;
  return untouched ? allow : deny('A new ticket starts open, unnumbered and unassigned.');
}

/**
 * The server's whole check of a new ticket: the document as above, under the customer's
 * profile name, and a follow-up follows one of their own closed or rejected tickets.
 */
export function mayCreateTicket(actor: Actor | null, doc: TicketDoc, facts: NewTicketFacts): Decision {
  const own = checkNewTicketDoc(actor, doc);
  if (!own.allowed || !actor) return own;
  const named = writtenAsProfile(facts.profile, doc.customerName, 'A ticket');
  if (!named.allowed) return named;
  if (doc.followUpOf !== null) {
    const earlier = facts.followUpOf;
    if (!earlier || earlier.customerUid !== actor.uid || !locksChat(earlier.status)) {
      return deny('A follow-up follows one of your own closed or rejected tickets.');
    }
  }
  return allow;
}

/**
 * Fields each role may change on an existing ticket; everything else is the functions'.
 * `updatedAt` and `updatedBy` are every client write's stamp: when and by whom.
 */
export const editableTicketFields = {
  customer: ['status', 'updatedAt', 'updatedBy'],
  agent: ['status', 'priority', 'assigneeUid', 'rejectionReason', 'updatedAt', 'updatedBy'],
  admin: ['status', 'priority', 'assigneeUid', 'rejectionReason', 'updatedAt', 'updatedBy'],
} as const satisfies Record<Actor['role'], readonly (keyof TicketDoc)[]>;

/** The writer's stamp: a change of nothing else is no change (and would only bump the ticket up the queue). */
export const ticketStampFields = ['updatedAt', 'updatedBy'] as const satisfies readonly (keyof TicketDoc)[];

export function changedFields(before: TicketDoc, after: TicketDoc): (keyof TicketDoc)[] {
  return (Object.keys(after) as (keyof TicketDoc)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/** Whether someone may be given tickets: an agent or admin whose account is switched on. */
export function mayBeAssigned(profile: Pick<UserDoc, 'role' | 'active'> | undefined | null): boolean {
  return profile !== undefined && profile !== null && isStaff(profile.role) && profile.active;
}

export interface TicketChangeFacts {
  /** The new assignee's `users/{uid}`, when the change assigns someone. */
  readonly assignee: Pick<UserDoc, 'role' | 'active'> | undefined;
}

export function mayUpdateTicket(actor: Actor | null, before: TicketDoc, after: TicketDoc, facts: TicketChangeFacts): Decision {
  if (!actor) return deny('Sign in to change a ticket.');
  const readable = mayReadTicket(actor, before);
  if (!readable.allowed) return readable;
  const shaped = ticketDocSchema.safeParse(after);
  if (!shaped.success) return deny(shaped.error.issues[0]?.message ?? 'The change is not well formed.');
  const editable: readonly string[] = editableTicketFields[actor.role];
  const changed = changedFields(before, after);
  const forbidden = changed.filter((field) => !editable.includes(field));
  if (forbidden.length > 0) return deny(`You cannot change ${forbidden.join(', ')}.`);
  if (!changed.some((field) => !(ticketStampFields as readonly string[]).includes(field))) {
    return deny('That change changes nothing.');
  }
  if (after.updatedBy !== actor.uid) return deny('A change of a ticket is written in your own name (updatedBy).');
  if (before.status !== after.status && !canTransition(actor.role, before.status, after.status)) {
    const who = `${actor.role === 'customer' ? 'A' : 'An'} ${actor.role}`;
    return deny(
      `${who} cannot move this ticket from ${statusLabels[before.status]} to ${statusLabels[after.status]}.`,
    );
  }
  const rejecting = after.status === 'rejected' && before.status !== 'rejected';
  if (rejecting && after.rejectionReason === null) return deny('Give a reason when rejecting a ticket.');
  if (!rejecting && after.rejectionReason !== before.rejectionReason) {
    return deny('A rejection reason is given only with the move to Rejected.');
  }
  if (after.assigneeUid !== before.assigneeUid && after.assigneeUid !== null && !mayBeAssigned(facts.assignee)) {
    return deny('Tickets are assigned only to an active agent or admin.');
  }
  return allow;
}

/**
 * The customer rates their own resolved ticket, for its latest resolution, in their own name;
 * nothing else changes. firestore.rules mirrors it (mayRateTicket).
 */
export function mayRateTicket(actor: Actor | null, before: TicketDoc, after: TicketDoc): Decision {
  const changed = changedFields(before, after);
  if (!actor) return deny('Sign in to rate the help.');
  if (actor.role !== 'customer' || before.customerUid !== actor.uid) return deny('Only the customer rates the help on their ticket.');
  if (before.status !== 'resolved' || before.resolvedAt === null) return deny('The help is rated once the ticket is resolved, until it closes.');
  const allowed: readonly string[] = [...satisfactionFields, 'updatedAt', 'updatedBy'];
  const other = changed.filter((field) => !allowed.includes(field));
  if (other.length > 0) return deny(`You cannot change ${other.join(', ')}.`);
  if (after.updatedBy !== actor.uid) return deny('A change of a ticket is written in your own name (updatedBy).');
  if (after.satisfaction === null) return deny('Give a score from 1 to 5.');
  if (after.satisfactionFor === null || after.satisfactionFor.getTime() !== before.resolvedAt.getTime()) {
    return deny('A rating answers the ticket\'s latest resolution.');
  }
  return allow;
}

/** Admins change other people's roles; nobody changes their own (so nobody raises it). */
export function mayChangeRole(actor: Actor | null, targetUid: string): Decision {
  if (!actor) return deny('Sign in first.');
  if (actor.role !== 'admin') return deny('Only admins change roles.');
  if (actor.uid === targetUid) return deny('Nobody can change their own role.');
  return allow;
}

// ---- people ----

/** A profile with no field besides: what a client may write. */
const exactUserDocSchema = z.strictObject(userDocSchema.shape);

/**
 * A new account's profile: the account's own, with the email the sign-in proves, a
 * customer, switched on, never synced. (An admin makes someone staff afterwards.)
 */
export function mayCreateProfile(actor: Actor | null, uid: string, doc: unknown): Decision {
  if (!actor) return deny('Sign in first.');
  if (actor.uid !== uid) return deny('A profile is created by its own account.');
  const parsed = exactUserDocSchema.safeParse(doc);
  if (!parsed.success) return deny(parsed.error.issues[0]?.message ?? 'The profile is not well formed.');
  if (!actor.email || parsed.data.email !== actor.email) return deny('A profile carries the email you signed in with.');
  const fresh = parsed.data.role === 'customer' && parsed.data.active && parsed.data.claimsSyncedAt === null;
  return fresh ? allow : deny('A new account starts as an active customer.');
}

/** What a person changes of their own profile, and what only an admin changes of someone else's. */
export const ownProfileFields = ['displayName'] as const satisfies readonly (keyof UserDoc)[];
export const adminProfileFields = ['role', 'active'] as const satisfies readonly (keyof UserDoc)[];

export function mayUpdateProfile(actor: Actor | null, uid: string, before: UserDoc, after: unknown): Decision {
  if (!actor) return deny('Sign in first.');
  const parsed = exactUserDocSchema.safeParse(after);
  if (!parsed.success) return deny(parsed.error.issues[0]?.message ?? 'That profile change is not valid.');
  const changed = (Object.keys(parsed.data) as (keyof UserDoc)[]).filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(parsed.data[field]),
  );
  if (changed.length === 0) return deny('That change changes nothing.');
  const only = (fields: readonly string[]) => changed.every((field) => fields.includes(field));
  if (actor.uid === uid && only(ownProfileFields)) return allow;
  if (only(adminProfileFields)) return mayChangeRole(actor, uid);
  return deny(actor.uid === uid ? 'You can change only your name.' : 'Only admins change roles.');
}

/** Staff list people (the assignee picker; admins' users page); customers see only themselves. */
export function mayListPeople(actor: Actor | null): Decision {
  if (!actor) return deny('Sign in first.');
  return isStaff(actor.role) ? allow : deny('Only support staff can list people.');
}

/** The most people one query may ask for (firestore.rules caps request.query.limit at the same). */
export const PEOPLE_QUERY_MAX = 101;

// ---- the ticket's subcollections, notifications and config ----

/** Whether a participant may post into the chat now: never while it is closed, rejected or locked. */
export function mayPostMessage(
  actor: Actor | null,
  ticket: Pick<TicketDoc, 'customerUid' | 'status' | 'chatLocked'>,
  message: MessageDoc,
  facts: { readonly profile: ProfileFacts | undefined },
): Decision {
  if (!actor) return deny('Sign in to write in the chat.');
  const readable = mayReadTicket(actor, ticket);
  if (!readable.allowed) return readable;
  if (locksChat(ticket.status) || ticket.chatLocked) {
    return deny('This chat is closed; open a follow-up ticket if you need more help.');
  }
  if (!messageDocSchema.safeParse(message).success) return deny('The message is not well formed.');
  if (message.kind !== 'user') return deny('Only the desk itself posts system messages.');
  if (message.authorUid !== actor.uid || message.authorRole !== actor.role) {
    return deny('A message can only be posted as yourself.');
  }
  return writtenAsProfile(facts.profile, message.authorName, 'A message');
}

/** Internal notes are for staff only, in every state of the ticket. */
export function mayReadNotes(actor: Actor | null): Decision {
  if (!actor) return deny('Sign in first.');
  return isStaff(actor.role) ? allow : deny('Internal notes are for support staff only.');
}

export function mayAddNote(
  actor: Actor | null,
  ticket: unknown,
  note: NoteDoc,
  facts: { readonly profile: ProfileFacts | undefined },
): Decision {
  const staff = mayReadNotes(actor);
  if (!staff.allowed || !actor) return staff;
  if (ticket === undefined) return deny('No such ticket.');
  if (!noteDocSchema.safeParse(note).success) return deny('The note is not well formed.');
  if (note.authorUid !== actor.uid) return deny('A note can only be written as yourself.');
  return writtenAsProfile(facts.profile, note.authorName, 'A note');
}

/** Each reader keeps their own marker on tickets they may read; nobody writes anyone else's. */
export function mayWriteReadMarker(
  actor: Actor | null,
  ticket: Pick<TicketDoc, 'customerUid'> | undefined,
  path: { ticketId: string; readerUid: string },
  marker: ReadMarker,
): Decision {
  if (!actor) return deny('Sign in first.');
  if (path.readerUid !== actor.uid || marker.uid !== actor.uid) return deny('Only you can mark what you have read.');
  if (!ticket) return deny('No such ticket.');
  const readable = mayReadTicket(actor, ticket);
  if (!readable.allowed) return readable;
  if (!readMarkerSchema.safeParse(marker).success || marker.ticketId !== path.ticketId) {
    return deny('The read marker is not well formed.');
  }
  return allow;
}

/** A person's read markers are theirs alone (also across tickets, for the one unread listener). */
export function mayReadReadMarkers(actor: Actor | null, readerUid: string): Decision {
  if (!actor) return deny('Sign in first.');
  return actor.uid === readerUid ? allow : deny('Read markers are private.');
}

/**
 * `users/{uid}/limits/{kind}`: the owner steps their own counter, one step per new
 * document, within the limit (isRateLimitStep); nobody else touches it.
 */
export function mayStepRateLimit(
  actor: Actor | null,
  ownerUid: string,
  kind: string,
  before: unknown,
  after: unknown,
  now: Date,
  limits: RateLimits = rateLimits,
): Decision {
  if (!actor) return deny('Sign in first.');
  if (actor.uid !== ownerUid) return deny('Rate limits are private.');
  if (kind !== 'tickets' && kind !== 'messages') return deny('There is no such limit.');
  const counted = rateLimitDocSchema.safeParse(after);
  if (!counted.success) return deny('The rate-limit counter is not well formed.');
  const stored = before === undefined ? undefined : rateLimitDocSchema.safeParse(before);
  if (stored && !stored.success) return deny('The rate-limit counter is not well formed.');
  if (!isRateLimitStep(kind as RateLimitKind, stored?.data, counted.data, now, limits)) {
    return deny(kind === 'messages' ? 'You are sending messages quickly; wait a few seconds.' : 'You have opened too many tickets in the last hour.');
  }
  return allow;
}

/** `users/{uid}/notifications`: the owner reads them; only the functions write them. */
export function mayReadNotifications(actor: Actor | null, ownerUid: string): Decision {
  if (!actor) return deny('Sign in first.');
  return actor.uid === ownerUid ? allow : deny('Notifications are private.');
}

/** The owner marks a notification seen, and changes nothing else. */
export function mayUpdateNotification(
  actor: Actor | null,
  ownerUid: string,
  before: NotificationDoc,
  after: NotificationDoc,
): Decision {
  const own = mayReadNotifications(actor, ownerUid);
  if (!own.allowed) return own;
  if (!notificationDocSchema.safeParse(after).success) return deny('The notification is not well formed.');
  const changed = (Object.keys(after) as (keyof NotificationDoc)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (changed.length !== 1 || changed[0] !== 'seen' || after.seen !== true) {
    return deny('A notification can only be marked seen.');
  }
  return allow;
}

/** `config/*`: staff read the desk's configuration; admins change it. */
export function mayReadConfig(actor: Actor | null): Decision {
  if (!actor) return deny('Sign in first.');
  return isStaff(actor.role) ? allow : deny('The desk configuration is for support staff.');
}

export function mayWriteConfig(actor: Actor | null, configId: string, after: Record<string, unknown>): Decision {
  if (!actor) return deny('Sign in first.');
  if (actor.role !== 'admin') return deny('Only admins change the desk configuration.');
  if (configId === 'assignment' && !assignmentConfigSchema.safeParse(after).success) {
    return deny('The assignment configuration is not valid.');
  }
  if (configId === 'sla' && !slaConfigSchema.safeParse(after).success) {
    return deny('The service-level configuration is not valid.');
  }
  return allow;
}

/** Canned replies: every staff member reads them (the composer's picker). firestore.rules: match /cannedReplies */
export function mayReadCannedReplies(actor: Actor | null): Decision {
  if (!actor) return deny('Sign in first.');
  return isStaff(actor.role) ? allow : deny('Canned replies are for support staff.');
}

/** Admins write canned replies, each whole and within its limits; they also remove them. */
export function mayWriteCannedReply(actor: Actor | null, after: Record<string, unknown> | null): Decision {
  if (!actor) return deny('Sign in first.');
  if (actor.role !== 'admin') return deny('Only admins edit canned replies.');
  if (after !== null && !cannedReplyDocSchema.safeParse(after).success) return deny('The canned reply is not valid.');
  return allow;
}

/** Presence on a ticket (who of the staff views or types): staff read it. firestore.rules: match /presence */
export function mayReadPresence(actor: Actor | null): Decision {
  if (!actor) return deny('Sign in first.');
  return isStaff(actor.role) ? allow : deny('Presence is for support staff.');
}

/**
 * Staff write (or remove, `doc` null) only their own entry, whole, under their uid and the
 * ticket's id, its heartbeat the request's (server) time, so no entry outlives its expiry.
 */
export function mayWritePresence(actor: Actor | null, ticketId: string, uid: string, doc: unknown, requestTime: Date): Decision {
  const read = mayReadPresence(actor);
  if (!read.allowed) return read;
  if (actor?.uid !== uid) return deny('Only your own presence.');
  if (doc === null) return allow;
  const parsed = presenceDocSchema.safeParse(doc);
  if (!parsed.success || parsed.data.uid !== uid || parsed.data.ticketId !== ticketId) return deny('The presence entry is not valid.');
  if (parsed.data.heartbeatAt.getTime() !== requestTime.getTime()) return deny("A heartbeat is the server's time.");
  return allow;
}

/**
 * The reports: staff read the desk's stats and the summary; an agent reads their own agent
 * rows, an admin every agent's; a document not written yet, any staff. Nobody writes them
 * but the functions. firestore.rules
 * mirrors this in `match /stats/{statsId}`.
 */
export const staffWideStatsScopes = ['desk', 'summary'] as const;

export function mayReadStats(actor: Actor | null, doc: { scope: unknown; agentUid?: unknown } | undefined): Decision {
  if (!actor) return deny('Sign in first.');
  if (!isStaff(actor.role)) return deny('The reports are for support staff.');
  // A document not written yet (no ticket counted) tells nothing: staff may wait for it.
  if (doc === undefined) return allow;
  if ((staffWideStatsScopes as readonly unknown[]).includes(doc.scope) || actor.role === 'admin') return allow;
  return doc.agentUid === actor.uid ? allow : deny("An agent sees their own row of the reports; admins see every agent's.");
}

/** Recomputing the stats from the tickets (the rebuildStats callable) is an admin's job. */
export function mayRebuildStats(actor: Actor | null): Decision {
  if (!actor) return deny('Sign in first.');
  return actor.role === 'admin' ? allow : deny('Only admins rebuild the reports.');
}
