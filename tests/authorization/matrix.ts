import {
  newTicketDoc,
  type Role,
  type TicketStatus,
} from '../../functions/src/domain/index.js';
import type { ClientRequest } from './requests.js';

/**
 * The authorization matrix: role x operation x ticket state -> allowed or denied.
 * One table, run against the local backend everywhere and against firestore.rules wherever
 * the Firestore emulator runs. When the rules or the domain policy change, this table says
 * what both must do.
 */
export const matrixActors = ['signedOut', 'owner', 'otherCustomer', 'agent', 'admin'] as const;
export type MatrixActor = (typeof matrixActors)[number];

/** The people every driver seeds: the fixture ticket belongs to `owner`. */
export const matrixPeople: Record<Exclude<MatrixActor, 'signedOut'>, { uid: string; role: Role; displayName: string }> = {
  owner: { uid: 'matrix-owner', role: 'customer', displayName: 'Olive Owner' },
  otherCustomer: { uid: 'matrix-other', role: 'customer', displayName: 'Oscar Other' },
  agent: { uid: 'matrix-agent', role: 'agent', displayName: 'Ari Agent' },
  admin: { uid: 'matrix-admin', role: 'admin', displayName: 'Ada Admin' },
};

export interface MatrixContext {
  /** The fixture ticket: owned by `owner`, in the row's state. */
  readonly ticketId: string;
  /** The acting person's uid (an unused uid when signed out). */
  readonly actorUid: string;
  /** A fresh document id for creates. */
  readonly newId: string;
  readonly now: Date;
}

const SIGNED_OUT_UID = 'matrix-nobody';

const validInput = {
  title: 'Printer on fire',
  description: 'It smells of toast.',
  category: 'technical',
  priority: 'high',
} as const;

function ownTicket(ctx: MatrixContext) {
  return newTicketDoc(validInput, { uid: ctx.actorUid, displayName: 'Someone' }, ctx.now);
}

export const operations = {
  'ticket.read': (ctx) => ({ method: 'get', path: `tickets/${ctx.ticketId}` }),
  'ticket.create.own': (ctx) => ({
    method: 'create',
    path: `tickets/${ctx.newId}`,
    data: ownTicket(ctx),
  }),
  'ticket.create.forSomeoneElse': (ctx) => ({
    method: 'create',
    path: `tickets/${ctx.newId}`,
    data: {
      ...ownTicket(ctx),
      customerUid:
        ctx.actorUid === matrixPeople.owner.uid ? matrixPeople.otherCustomer.uid : matrixPeople.owner.uid,
    },
  }),
  'ticket.create.withNumber': (ctx) => ({
    method: 'create',
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), number: 7 },
  }),
  'ticket.create.notOpen': (ctx) => ({
    method: 'create',
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), status: 'in_progress', assigneeUid: ctx.actorUid },
  }),
  'ticket.create.titleTooLong': (ctx) => ({
    method: 'create',
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), title: 'x'.repeat(201) },
  }),
  'tickets.list.mine': (ctx) => ({
    method: 'list',
    collection: 'tickets',
    where: [['customerUid', '==', ctx.actorUid]],
    limit: 20,
  }),
  'tickets.list.queue': () => ({ method: 'list', collection: 'tickets', where: [], limit: 20 }),
  'ticket.delete': (ctx) => ({ method: 'delete', path: `tickets/${ctx.ticketId}` }),
  'user.raiseOwnRole': (ctx) => ({
    method: 'update',
    path: `users/${ctx.actorUid}`,
    data: { role: 'admin' },
  }),
  'counter.write': () => ({ method: 'update', path: 'counters/tickets', data: { last: 0 } }),
} satisfies Record<string, (ctx: MatrixContext) => ClientRequest>;
export type MatrixOperation = keyof typeof operations;

interface MatrixEntry {
  readonly operation: MatrixOperation;
  readonly states: readonly TicketStatus[];
  readonly allowed: readonly MatrixActor[];
  /** Why: the business rule behind the row. */
  readonly because: string;
}

const everyState: readonly TicketStatus[] = ['open', 'in_progress', 'resolved', 'closed', 'rejected'];
const staff: readonly MatrixActor[] = ['agent', 'admin'];

export const matrix: readonly MatrixEntry[] = [
  {
    operation: 'ticket.read',
    states: everyState,
    allowed: ['owner', ...staff],
    because: 'customers see only their own tickets; staff see all',
  },
  {
    operation: 'ticket.create.own',
    states: ['open'],
    allowed: ['owner', 'otherCustomer'],
    because: 'customers open tickets for themselves; staff do not open tickets',
  },
  {
    operation: 'ticket.create.forSomeoneElse',
    states: ['open'],
    allowed: [],
    because: 'a ticket belongs to whoever opens it',
  },
  {
    operation: 'ticket.create.withNumber',
    states: ['open'],
    allowed: [],
    because: 'only the numbering function sets numbers',
  },
  {
    operation: 'ticket.create.notOpen',
    states: ['open'],
    allowed: [],
    because: 'a new ticket starts open and unassigned',
  },
  {
    operation: 'ticket.create.titleTooLong',
    states: ['open'],
    allowed: [],
    because: 'titles are at most 200 characters',
  },
  {
    operation: 'tickets.list.mine',
    states: ['open'],
    allowed: ['owner', 'otherCustomer', ...staff],
    because: 'anyone signed in lists the tickets they opened',
  },
  {
    operation: 'tickets.list.queue',
    states: ['open'],
    allowed: staff,
    because: 'the queue of every ticket is for staff',
  },
  {
    operation: 'ticket.delete',
    states: everyState,
    allowed: [],
    because: 'tickets are never deleted from the app (admins use the console)',
  },
  {
    operation: 'user.raiseOwnRole',
    states: ['open'],
    allowed: [],
    because: 'nobody changes their own role',
  },
  {
    operation: 'counter.write',
    states: ['open'],
    allowed: [],
    because: 'only functions write counters',
  },
];

export interface MatrixCase {
  readonly operation: MatrixOperation;
  readonly state: TicketStatus;
  readonly actor: MatrixActor;
  readonly expected: 'allowed' | 'denied';
  readonly because: string;
}

/** Every (operation, state, actor) cell of the table. */
export function matrixCases(): MatrixCase[] {
  return matrix.flatMap((entry) =>
    entry.states.flatMap((state) =>
      matrixActors.map((actor) => ({
        operation: entry.operation,
        state,
        actor,
        expected: entry.allowed.includes(actor) ? ('allowed' as const) : ('denied' as const),
        because: entry.because,
      })),
    ),
  );
}

export function actorUid(actor: MatrixActor): string {
  return actor === 'signedOut' ? SIGNED_OUT_UID : matrixPeople[actor].uid;
}

/**
 * What each driver provides: a way to seed (bypassing the rules, like an admin in the
 * console) and a way to carry out a request as one actor.
 */
export interface MatrixDriver {
  /** Seeds the people and a ticket owned by `owner` in `state`; returns the ticket id. */
  givenTicket(state: TicketStatus): Promise<string>;
  /** Resolves if the request went through, rejects if it was refused. */
  attempt(actor: MatrixActor, request: ClientRequest): Promise<void>;
}
