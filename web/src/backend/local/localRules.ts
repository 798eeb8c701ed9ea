import {
  isStaff,
  mayChangeRole,
  mayCreateTicket,
  mayListQueue,
  mayReadTicket,
  mayUpdateTicket,
  ticketDocSchema,
  userDocSchema,
  type Actor,
  type Decision,
} from '@domain';
import type { ClientRequest, DocData } from './clientRequest';

/**
 * The local backend's security rules: what firestore.rules decides, decided by the domain's
 * policy functions. Every client read and write of the local backend passes through here,
 * and the authorization matrix holds this and firestore.rules to the same table.
 */
const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

export function checkRequest(
  actor: Actor | null,
  request: ClientRequest,
  existing: DocData | undefined,
): Decision {
  if (request.method === 'list') return checkList(actor, request);
  const [collection, id] = request.path.split('/');
  switch (collection) {
    case 'tickets':
      return checkTicket(actor, request, existing);
    case 'users':
      return checkUser(actor, request, id ?? '', existing);
    default:
      // counters/* and anything unknown: functions only.
      return deny('Only the desk itself writes there.');
  }
}

function checkList(
  actor: Actor | null,
  request: Extract<ClientRequest, { method: 'list' }>,
): Decision {
  if (request.collection !== 'tickets') return deny('That list is not open to clients.');
  if (!actor) return deny('Sign in to see tickets.');
  // Like the Firestore rule, a customer's query must itself be limited to their tickets.
  const ownOnly = request.where.some(
    ([field, , value]) => field === 'customerUid' && value === actor.uid,
  );
  return ownOnly ? allow : mayListQueue(actor);
}

function checkTicket(actor: Actor | null, request: ClientRequest, existing: DocData | undefined): Decision {
  const before = existing === undefined ? undefined : ticketDocSchema.parse(existing);
  switch (request.method) {
    case 'get':
      if (!actor) return deny('Sign in to see tickets.');
      return before ? mayReadTicket(actor, before) : isStaff(actor.role) ? allow : deny('No such ticket.');
    case 'create': {
      if (before) return deny('That ticket already exists.');
      const doc = ticketDocSchema.safeParse(request.data);
      if (!doc.success) return deny(doc.error.issues[0]?.message ?? 'The ticket is not well formed.');
      return mayCreateTicket(actor, doc.data);
    }
    case 'update': {
      if (!before) return deny('No such ticket.');
      const after = ticketDocSchema.safeParse({ ...before, ...request.data });
      if (!after.success) return deny(after.error.issues[0]?.message ?? 'The change is not well formed.');
      return mayUpdateTicket(actor, before, after.data);
    }
    default:
      return deny('Tickets are never deleted from the app.');
  }
}

const ownProfileFields = ['displayName'];
const adminFields = ['role', 'active'];

function checkUser(
  actor: Actor | null,
  request: ClientRequest,
  uid: string,
  existing: DocData | undefined,
): Decision {
  if (!actor) return deny('Sign in first.');
  const own = actor.uid === uid;
  switch (request.method) {
    case 'get':
      return own || isStaff(actor.role) ? allow : deny('That profile is private.');
    case 'create': {
      const doc = userDocSchema.safeParse(request.data);
      if (!own || !doc.success || doc.data.role !== 'customer' || doc.data.claimsSyncedAt !== null) {
        return deny('A new account is your own and starts as a customer.');
      }
      return allow;
    }
    case 'update': {
      if (!existing) return deny('No such profile.');
      if (!userDocSchema.safeParse({ ...existing, ...request.data }).success) {
        return deny('That profile change is not valid.');
      }
      const fields = Object.keys(request.data);
      if (own && fields.every((field) => ownProfileFields.includes(field))) return allow;
      if (fields.every((field) => adminFields.includes(field))) return mayChangeRole(actor, uid);
      return deny(own ? 'You can change only your name.' : 'Only admins change roles.');
    }
    default:
      return deny('Accounts are never deleted from the app.');
  }
}
