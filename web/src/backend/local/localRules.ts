import {
  isDocId,
  isStaff,
  mayAddNote,
  roleNow,
  mayCreateProfile,
  mayCreateTicket,
  mayListPeople,
  mayListQueue,
  mayPostMessage,
  mayReadConfig,
  mayReadStats,
  mayReadNotes,
  mayReadNotifications,
  mayReadReadMarkers,
  mayReadTicket,
  mayStepRateLimit,
  mayUpdateNotification,
  mayUpdateProfile,
  mayUpdateTicket,
  mayWriteConfig,
  mayWriteReadMarker,
  isCountedBy,
  messageDocSchema,
  noteDocSchema,
  notificationDocSchema,
  PEOPLE_QUERY_MAX,
  rateLimits,
  readMarkerSchema,
  ticketDocSchema,
  userDocSchema,
  type Actor,
  type Decision,
  type ProfileFacts,
  type RateLimits,
  type TicketDoc,
} from '@domain';
import type { DocData, RuledRequest } from '../clientRequest';

// Parsing is strict everywhere below: like the rules' keys().hasOnly(), an unknown field is
// refused rather than quietly stored.

/**
 * The local backend's security rules: what firestore.rules decides, decided by the domain's
 * policy functions. Every client read and write of the local backend passes through here,
 * and the authorization matrix holds this and firestore.rules to the same table.
 */
const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

type ListRequest = Extract<RuledRequest, { method: 'list' }>;
type DocRequest = Exclude<RuledRequest, { method: 'list' }>;

/**
 * The documents a rule may look at, as firestore.rules' get() and getAfter() see them:
 * `get` as stored before the request, `getAfter` as the whole request (a batch) leaves them;
 * `now` is the request's time (request.time).
 */
export interface DocLookup {
  get(path: string): Promise<DocData | undefined>;
  getAfter(path: string): Promise<DocData | undefined>;
  readonly now: Date;
}

/** The parent ticket's path for a request under `tickets/{id}/…` (document or collection), else undefined. */
export function parentTicketPath(request: RuledRequest): string | undefined {
  if (request.method === 'list' && request.collectionGroup) return undefined;
  const path = request.method === 'list' ? request.collection : request.path;
  const [root, ticketId, sub] = path.split('/');
  return root === 'tickets' && ticketId && sub ? `tickets/${ticketId}` : undefined;
}

/** What a rule knows besides the request: the caller, now, and the documents it may read. */
interface RuleContext {
  readonly actor: Actor | null;
  readonly docs: DocLookup;
  /** The caller's users/{uid} as stored now (the rules' get() of it). */
  readonly profile: ProfileFacts | undefined;
}

function profileOf(data: DocData | undefined): ProfileFacts | undefined {
  const parsed = userDocSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export async function checkRequest(
  signedIn: Actor | null,
  request: RuledRequest,
  docs: DocLookup,
  limits: RateLimits = rateLimits,
): Promise<Decision> {
  const profile = signedIn ? profileOf(await docs.get(`users/${signedIn.uid}`)) : undefined;
  // The role the caller acts with now, as the rules' role(): a demotion takes effect at once.
  const actor = signedIn && { ...signedIn, role: roleNow(signedIn.role, profile) };
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

/** The parent ticket as the rules' get() sees it; undefined if missing (get() fails: denied). */
function parentTicket(parent: DocData | undefined): TicketDoc | undefined {
  const parsed = ticketDocSchema.safeParse(parent);
  return parsed.success ? parsed.data : undefined;
}

/** mayReadTicket for a subcollection: staff without reading the parent, like the rules. */
function mayReadParent(actor: Actor | null, parent: DocData | undefined): Decision {
  if (actor && isStaff(actor.role)) return allow;
  const ticket = parentTicket(parent);
  if (!ticket) return deny(actor ? 'No such ticket.' : 'Sign in to see tickets.');
  return mayReadTicket(actor, ticket);
}

/** Like the Firestore rule, a query must itself be limited to what the caller may read. */
function filtersTo(request: ListRequest, field: string, value: unknown): boolean {
  return request.where.some(([f, , v]) => f === field && v === value);
}

function checkList(actor: Actor | null, request: ListRequest, parent: DocData | undefined): Decision {
  const segments = request.collection.split('/');
  if (request.collectionGroup) {
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

/** The writer's counter of `kind` after this request, as the rules' getAfter() reads it. */
async function counterAfter(context: RuleContext, kind: 'tickets' | 'messages'): Promise<DocData | undefined> {
  return context.actor ? context.docs.getAfter(`users/${context.actor.uid}/limits/${kind}`) : undefined;
}

async function checkTicket(
  context: RuleContext,
  request: DocRequest,
  existing: DocData | undefined,
): Promise<Decision> {
  const { actor, docs } = context;
  const before = existing === undefined ? undefined : ticketDocSchema.parse(existing);
  switch (request.method) {
    case 'get':
      if (!actor) return deny('Sign in to see tickets.');
      // Reading a ticket that does not exist (yet) tells nothing (ids are random) and lets a
      // tab listen to the ticket it has just created before the server has it.
      return before ? mayReadTicket(actor, before) : allow;
    case 'create': {
      if (before) return deny('That ticket already exists.');
      const doc = ticketDocSchema.strict().safeParse(request.data);
      if (!doc.success) return deny(doc.error.issues[0]?.message ?? 'The ticket is not well formed.');
      const followUpId = doc.data.followUpOf;
      const followUp = followUpId !== null && isDocId(followUpId) ? parentTicket(await docs.get(`tickets/${followUpId}`)) : undefined;
      const decision = mayCreateTicket(actor, doc.data, { profile: context.profile, followUpOf: followUp });
      if (!decision.allowed) return decision;
      return isCountedBy(await counterAfter(context, 'tickets'), request.path)
        ? allow
        : deny('A new ticket counts against your tickets an hour.');
    }
    case 'update': {
      if (!before) return deny('No such ticket.');
      const after = ticketDocSchema.strict().safeParse({ ...before, ...request.data });
      if (!after.success) return deny(after.error.issues[0]?.message ?? 'The change is not well formed.');
      const assigneeUid = after.data.assigneeUid;
      const assignee =
        assigneeUid !== null && assigneeUid !== before.assigneeUid ? profileOf(await docs.get(`users/${assigneeUid}`)) : undefined;
      return mayUpdateTicket(actor, before, after.data, { assignee });
    }
    default:
      return deny('Tickets are never deleted from the app.');
  }
}

async function checkTicketSubcollection(
  context: RuleContext,
  request: DocRequest,
  subcollection: string,
  ticketId: string,
  docId: string,
  existing: DocData | undefined,
  parent: DocData | undefined,
): Promise<Decision> {
  const { actor } = context;
  switch (subcollection) {
    case 'messages':
      switch (request.method) {
        case 'get':
          return mayReadParent(actor, parent);
        case 'create': {
          if (existing) return deny('Messages are never changed.');
          const ticket = parentTicket(parent);
          if (!ticket) return deny('No such ticket.');
          const message = messageDocSchema.strict().safeParse(request.data);
          if (!message.success) return deny(message.error.issues[0]?.message ?? 'The message is not well formed.');
          const decision = mayPostMessage(actor, ticket, message.data, { profile: context.profile });
          if (!decision.allowed) return decision;
          return isCountedBy(await counterAfter(context, 'messages'), request.path)
            ? allow
            : deny('A message counts against your messages a minute.');
        }
        default:
          return deny('Messages are never changed.');
      }
    case 'notes':
      switch (request.method) {
        case 'get':
          return mayReadNotes(actor);
        case 'create': {
          if (existing) return deny('Notes are never changed.');
          const staff = mayReadNotes(actor);
          if (!staff.allowed) return staff;
          const note = noteDocSchema.strict().safeParse(request.data);
          if (!note.success) return deny(note.error.issues[0]?.message ?? 'The note is not well formed.');
          const decision = mayAddNote(actor, parent, note.data, { profile: context.profile });
          if (!decision.allowed) return decision;
          return isCountedBy(await counterAfter(context, 'messages'), request.path)
            ? allow
            : deny('A note counts against your messages a minute.');
        }
        default:
          return deny('Notes are never changed.');
      }
    case 'events':
      return request.method === 'get' ? mayReadParent(actor, parent) : deny('Only the desk itself records events.');
    case 'reads':
      switch (request.method) {
        case 'get':
          return mayReadReadMarkers(actor, docId);
        case 'create':
        case 'update': {
          const marker = readMarkerSchema.strict().safeParse(request.data);
          if (!actor || actor.uid !== docId) return deny('Only you can mark what you have read.');
          if (!marker.success) return deny('The read marker is not well formed.');
          return mayWriteReadMarker(actor, parentTicket(parent), { ticketId, readerUid: docId }, marker.data);
        }
        default:
          return deny('Read markers are never deleted.');
      }
    default:
      return deny('Only the desk itself writes there.');
  }
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
      const after = notificationDocSchema.strict().safeParse({ ...before.data, ...request.data });
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
