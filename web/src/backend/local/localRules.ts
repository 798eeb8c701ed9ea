import {
  isStaff,
  mayReadCannedReplies,
  mayReadPresence,
  mayWritePresence,
  mayWriteCannedReply,
  roleNow,
  mayCreateProfile,
  mayListPeople,
  mayListQueue,
  mayReadConfig,
  mayReadStats,
  mayReadNotes,
  mayReadNotifications,
  mayStepRateLimit,
  mayUpdateNotification,
  mayUpdateProfile,
  mayWriteConfig,
  notificationDocSchema,
  PEOPLE_QUERY_MAX,
  rateLimits,
  userDocSchema,
  type Actor,
  type Decision,
  type RateLimits,
} from '@domain';
import { z } from 'zod/mini';
import type { DocData, RuledRequest } from '../clientRequest';
import {
  allow,
  deny,
  mayReadParent,
  profileOf,
  type DocLookup,
  type DocRequest,
  type ListRequest,
  type RuleContext,
} from './ruleContext';
import { checkTicket, checkTicketSubcollection } from './ticketRules';

/** A notification with no field besides, as firestore.rules' key list has it. */
const exactNotificationDoc = z.strictObject(notificationDocSchema.shape);

export type { DocLookup } from './ruleContext';

// Parsing is strict everywhere below: like the rules' keys().hasOnly(), an unknown field is
// refused rather than quietly stored.

/*
 * The local backend's security rules: what firestore.rules decides, decided by the domain's
 * policy functions. Every client read and write of the local backend passes through here
 * (tickets and what lies under them in ticketRules.ts), and the authorization matrix holds
 * this and firestore.rules to the same table.
 */

/** The parent ticket's path for a request under `tickets/{id}/…` (document or collection), else undefined. */
export function parentTicketPath(request: RuledRequest): string | undefined {
  if (request.method === 'list' && request.collectionGroup) return undefined;
  const path = request.method === 'list' ? request.collection : request.path;
  const [root, ticketId, sub] = path.split('/');
  return root === 'tickets' && ticketId && sub ? `tickets/${ticketId}` : undefined;
}

export async function checkRequest(
  signedIn: Actor | null,
  request: RuledRequest,
  docs: DocLookup,
  limits: RateLimits = rateLimits,
): Promise<Decision> {
  const profile = signedIn ? profileOf(await docs.get(`users/${signedIn.uid}`)) : undefined;
  // The role the caller acts with now, as the rules' role(): a demotion takes effect at once.
  const actor = signedIn && { ...signedIn, role: roleNow(signedIn.role, profile, signedIn.emailVerified === true) };
  const context: RuleContext = { actor, docs, profile };
  const parentPath = parentTicketPath(request);
  const parent = parentPath === undefined ? undefined : await docs.get(parentPath);
  if (request.method === 'list') return checkList(actor, request, parent);
  const existing = await docs.get(request.path);
  const segments = request.path.split('/');
  const [collection, id = ''] = segments;
  if (segments.length === 4 && collection === 'tickets') {
    return checkTicketSubcollection(context, request, segments[2] ?? '', id, segments[3] ?? '', existing, parent);
  }
  if (segments.length === 4 && collection === 'users' && segments[2] === 'notifications') {
    return checkNotification(actor, request, id, existing);
  }
  if (segments.length === 4 && collection === 'presence' && segments[2] === 'viewers') {
    if (request.method === 'get') return mayReadPresence(actor);
    return mayWritePresence(actor, id, segments[3] ?? '', request.method === 'delete' ? null : request.data, docs.now);
  }
  if (segments.length === 4 && collection === 'users' && segments[2] === 'limits') {
    if (request.method === 'get') return actor?.uid === id ? allow : deny('Rate limits are private.');
    if (request.method === 'delete') return deny('Rate limits are never removed.');
    const after = request.method === 'update' ? { ...existing, ...request.data } : request.data;
    return mayStepRateLimit(actor, id, segments[3] ?? '', existing, after, docs.now, limits);
  }
  if (segments.length !== 2) return deny('Only the desk itself writes there.');
  switch (collection) {
    case 'tickets':
      return checkTicket(context, request, existing);
    case 'users':
      return checkUser(actor, request, id, existing);
    case 'config':
      return checkConfig(actor, request, id, existing);
    case 'cannedReplies':
      if (request.method === 'get') return mayReadCannedReplies(actor);
      return mayWriteCannedReply(actor, request.method === 'delete' ? null : request.method === 'update' ? { ...existing, ...request.data } : request.data);
    case 'stats':
      // Written only by the functions; read as mayReadStats says of the stored document.
      return request.method === 'get'
        ? mayReadStats(actor, existing && { scope: existing.scope, agentUid: existing.agentUid })
        : deny('Only the desk itself writes the reports.');
    default:
      // counters/* and anything unknown: functions only.
      return deny('Only the desk itself writes there.');
  }
}

/** Like the Firestore rule, a query must itself be limited to what the caller may read. */
function filtersTo(request: ListRequest, field: string, value: unknown): boolean {
  return request.where.some(([f, , v]) => f === field && v === value);
}

function checkList(actor: Actor | null, request: ListRequest, parent: DocData | undefined): Decision {
  const segments = request.collection.split('/');
  if (request.collectionGroup) {
    if (request.collection === 'viewers') return mayReadPresence(actor);
    if (request.collection !== 'reads') return deny('That list is not open to clients.');
    return checkOwnMarkersQuery(actor, request);
  }
  if (segments.length === 1) {
    switch (request.collection) {
      case 'tickets': {
        if (!actor) return deny('Sign in to see tickets.');
        return filtersTo(request, 'customerUid', actor.uid) ? allow : mayListQueue(actor);
      }
      case 'users':
        // A page at a time: `request.query.limit <= PEOPLE_QUERY_MAX` in the rules.
        if (request.limit > PEOPLE_QUERY_MAX) return deny(`A list of people asks for at most ${PEOPLE_QUERY_MAX} at a time.`);
        return mayListPeople(actor);
      case 'reads':
        // `{path=**}/reads/{readerUid}` matches a root-level reads collection too.
        return checkOwnMarkersQuery(actor, request);
      case 'config':
        return mayReadConfig(actor);
      case 'cannedReplies':
        return mayReadCannedReplies(actor);
      case 'stats':
        return checkStatsQuery(actor, request);
      default:
        return deny('That list is not open to clients.');
    }
  }
  if (segments.length === 3 && segments[0] === 'tickets') {
    switch (segments[2]) {
      case 'messages':
      case 'events':
        return mayReadParent(actor, parent);
      case 'notes':
        return mayReadNotes(actor);
      case 'reads':
        return checkOwnMarkersQuery(actor, request);
    }
  }
  if (segments.length === 3 && segments[0] === 'presence' && segments[2] === 'viewers') return mayReadPresence(actor);
  if (segments.length === 3 && segments[0] === 'users' && segments[2] === 'notifications') {
    return mayReadNotifications(actor, segments[1] ?? '');
  }
  return deny('That list is not open to clients.');
}

/** Read markers are listed only by a query for one's own (`uid == me`). */
/**
 * A stats query is allowed when every document it can return may be read, as Firestore
 * judges a query by its filters: one scope the staff share, or one agent's own rows.
 */
function checkStatsQuery(actor: Actor | null, request: ListRequest): Decision {
  const scope = request.where.find(([field]) => field === 'scope')?.[2];
  const agentUid = request.where.find(([field]) => field === 'agentUid')?.[2];
  return mayReadStats(actor, { scope, agentUid });
}

function checkOwnMarkersQuery(actor: Actor | null, request: ListRequest): Decision {
  if (!actor) return deny('Sign in first.');
  return filtersTo(request, 'uid', actor.uid) ? allow : deny('Read markers are private.');
}

function checkNotification(
  actor: Actor | null,
  request: DocRequest,
  ownerUid: string,
  existing: DocData | undefined,
): Decision {
  switch (request.method) {
    case 'get':
      return mayReadNotifications(actor, ownerUid);
    case 'update': {
      const own = mayReadNotifications(actor, ownerUid);
      if (!own.allowed) return own;
      const before = notificationDocSchema.safeParse(existing);
      if (!before.success) return deny('No such notification.');
      const after = exactNotificationDoc.safeParse({ ...before.data, ...request.data });
      if (!after.success) return deny('A notification can only be marked seen.');
      return mayUpdateNotification(actor, ownerUid, before.data, after.data);
    }
    default:
      return deny('Only the desk itself sends notifications.');
  }
}

function checkConfig(
  actor: Actor | null,
  request: DocRequest,
  configId: string,
  existing: DocData | undefined,
): Decision {
  switch (request.method) {
    case 'get':
      return mayReadConfig(actor);
    case 'create':
      return mayWriteConfig(actor, configId, request.data);
    case 'update':
      if (!existing) return deny('No such configuration.');
      return mayWriteConfig(actor, configId, { ...existing, ...request.data });
    case 'delete':
      return deny('Configuration is removed in the console.');
  }
}

function checkUser(actor: Actor | null, request: DocRequest, uid: string, existing: DocData | undefined): Decision {
  if (!actor) return deny('Sign in first.');
  switch (request.method) {
    case 'get':
      return actor.uid === uid || isStaff(actor.role) ? allow : deny('That profile is private.');
    case 'create':
      if (existing) return deny('That profile already exists.');
      return mayCreateProfile(actor, uid, request.data);
    case 'update': {
      const before = userDocSchema.safeParse(existing);
      if (!before.success) return deny('No such profile.');
      return mayUpdateProfile(actor, uid, before.data, { ...before.data, ...request.data });
    }
    default:
      return deny('Accounts are never deleted from the app.');
  }
}
