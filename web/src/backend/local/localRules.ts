import {
  isStaff,
  mayAddNote,
  mayChangeRole,
  mayCreateTicket,
  mayListQueue,
  mayPostMessage,
  mayReadConfig,
  mayReadNotes,
  mayReadNotifications,
  mayReadReadMarkers,
  mayReadTicket,
  mayUpdateNotification,
  mayUpdateTicket,
  mayWriteConfig,
  mayWriteReadMarker,
  messageDocSchema,
  noteDocSchema,
  notificationDocSchema,
  readMarkerSchema,
  ticketDocSchema,
  userDocSchema,
  type Actor,
  type Decision,
  type TicketDoc,
} from '@domain';
import type { DocData, RuledRequest } from './clientRequest';

// Parsing is strict everywhere below: like the rules' keys().hasOnly(), an unknown field is
// refused rather than quietly stored.

/**
 * The local backend's security rules: what firestore.rules decides, decided by the domain's
 * policy functions. Every client read and write of the local backend passes through here,
 * and the authorization matrix holds this and firestore.rules to the same table.
 *
 * `existing` is the document at the request's path (undefined for lists and missing
 * documents). `parent` is the ticket for requests under `tickets/{id}/…` (see
 * `parentTicketPath`), as firestore.rules reads it with get(): undefined when there is none.
 */
const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** The parent ticket's path for a request under `tickets/{id}/…` (document or collection), else undefined. */
export function parentTicketPath(request: RuledRequest): string | undefined {
  if (request.method === 'list' && request.collectionGroup) return undefined;
  const path = request.method === 'list' ? request.collection : request.path;
  const [root, ticketId, sub] = path.split('/');
  return root === 'tickets' && ticketId && sub ? `tickets/${ticketId}` : undefined;
}

/**
 * The documents a rule may look at, as firestore.rules' get() and getAfter() see them:
 * `get` as stored before the request, `getAfter` as the whole request (a batch) leaves them.
 */
export interface DocLookup {
  get(path: string): Promise<DocData | undefined>;
  getAfter(path: string): Promise<DocData | undefined>;
}

export async function checkRequest(actor: Actor | null, request: RuledRequest, docs: DocLookup): Promise<Decision> {
  const parentPath = parentTicketPath(request);
  const parent = parentPath === undefined ? undefined : await docs.get(parentPath);
  if (request.method === 'list') return checkList(actor, request, parent);
  const existing = await docs.get(request.path);
  const segments = request.path.split('/');
  const [collection, id = ''] = segments;
  if (segments.length === 4 && collection === 'tickets') {
    return checkTicketSubcollection(actor, request, segments[2] ?? '', id, segments[3] ?? '', existing, parent);
  }
  if (segments.length === 4 && collection === 'users' && segments[2] === 'notifications') {
    return checkNotification(actor, request, id, existing);
  }
  if (segments.length !== 2) return deny('Only the desk itself writes there.');
  switch (collection) {
    case 'tickets':
      return checkTicket(actor, request, existing);
    case 'users':
      return checkUser(actor, request, id, existing);
    case 'config':
      return checkConfig(actor, request, id, existing);
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
function filtersTo(request: Extract<RuledRequest, { method: 'list' }>, field: string, value: unknown): boolean {
  return request.where.some(([f, , v]) => f === field && v === value);
}

function checkList(
  actor: Actor | null,
  request: Extract<RuledRequest, { method: 'list' }>,
  parent: DocData | undefined,
): Decision {
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
        // As `allow read: if isSelf(uid) || isStaff()`: only staff can list profiles.
        if (!actor) return deny('Sign in first.');
        return isStaff(actor.role) ? allow : deny('Only support staff can list people.');
      case 'reads':
        // `{path=**}/reads/{readerUid}` matches a root-level reads collection too.
        return checkOwnMarkersQuery(actor, request);
      case 'config':
        return mayReadConfig(actor);
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
function checkOwnMarkersQuery(actor: Actor | null, request: Extract<RuledRequest, { method: 'list' }>): Decision {
  if (!actor) return deny('Sign in first.');
  return filtersTo(request, 'uid', actor.uid) ? allow : deny('Read markers are private.');
}

function checkTicket(actor: Actor | null, request: Exclude<RuledRequest, { method: 'list' }>, existing: DocData | undefined): Decision {
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
      return mayCreateTicket(actor, doc.data);
    }
    case 'update': {
      if (!before) return deny('No such ticket.');
      const after = ticketDocSchema.strict().safeParse({ ...before, ...request.data });
      if (!after.success) return deny(after.error.issues[0]?.message ?? 'The change is not well formed.');
      return mayUpdateTicket(actor, before, after.data);
    }
    default:
      return deny('Tickets are never deleted from the app.');
  }
}

function checkTicketSubcollection(
  actor: Actor | null,
  request: Exclude<RuledRequest, { method: 'list' }>,
  subcollection: string,
  ticketId: string,
  docId: string,
  existing: DocData | undefined,
  parent: DocData | undefined,
): Decision {
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
          return mayPostMessage(actor, ticket, message.data);
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
          const note = noteDocSchema.strict().safeParse(request.data);
          const staff = mayReadNotes(actor);
          if (!staff.allowed) return staff;
          if (!note.success) return deny(note.error.issues[0]?.message ?? 'The note is not well formed.');
          return mayAddNote(actor, note.data);
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
          const marker = readMarkerSchema.safeParse(
            request.method === 'update' ? { ...existing, ...request.data } : request.data,
          );
          if (!actor || actor.uid !== docId) return deny('Only you can mark what you have read.');
          const readable = mayReadParent(actor, parent);
          if (!readable.allowed) return readable;
          if (!marker.success) return deny('The read marker is not well formed.');
          return mayWriteReadMarker(actor, parentTicket(parent) ?? { customerUid: actor.uid }, { ticketId, readerUid: docId }, marker.data);
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
  request: Exclude<RuledRequest, { method: 'list' }>,
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
  request: Exclude<RuledRequest, { method: 'list' }>,
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

const ownProfileFields = ['displayName'];
const adminFields = ['role', 'active'];

function checkUser(
  actor: Actor | null,
  request: Exclude<RuledRequest, { method: 'list' }>,
  uid: string,
  existing: DocData | undefined,
): Decision {
  if (!actor) return deny('Sign in first.');
  const own = actor.uid === uid;
  switch (request.method) {
    case 'get':
      return own || isStaff(actor.role) ? allow : deny('That profile is private.');
    case 'create': {
      const doc = userDocSchema.strict().safeParse(request.data);
      if (!own || !doc.success || doc.data.role !== 'customer' || !doc.data.active || doc.data.claimsSyncedAt !== null) {
        return deny('A new account is your own and starts as a customer.');
      }
      return allow;
    }
    case 'update': {
      if (!existing) return deny('No such profile.');
      if (!userDocSchema.strict().safeParse({ ...existing, ...request.data }).success) {
        return deny('That profile change is not valid.');
      }
      // What changes, as the rules' diff().affectedKeys() sees it, not merely what was sent.
      const fields = Object.keys(request.data).filter(
        (field) => JSON.stringify(request.data[field]) !== JSON.stringify(existing[field]),
      );
      if (fields.length === 0) return deny('That change changes nothing.');
      if (own && fields.every((field) => ownProfileFields.includes(field))) return allow;
      if (fields.every((field) => adminFields.includes(field))) return mayChangeRole(actor, uid);
      return deny(own ? 'You can change only your name.' : 'Only admins change roles.');
    }
    default:
      return deny('Accounts are never deleted from the app.');
  }
}
