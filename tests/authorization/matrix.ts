import {
  attachmentKinds,
  locksChat,
  newMessageDoc,
  newTicketDoc,
  newUserDoc,
  systemMessageDoc,
  type AssignmentConfig,
  type AttachmentRef,
  type NoteDoc,
  type NotificationDoc,
  type Role,
  type TicketDoc,
  type TicketEvent,
  type TicketStatus,
} from '../../functions/src/domain/index.js';
import { serverTime, type ClientRequest, type FieldTransforms } from './requests.js';

type DocData = Record<string, unknown>;

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
  /** The acting person's role and name (a customer nobody knows when signed out). */
  readonly actorRole: Role;
  readonly actorName: string;
  /** A fresh document id for creates. */
  readonly newId: string;
  readonly now: Date;
}

const SIGNED_OUT_UID = 'matrix-nobody';

/** The fields each kind of write leaves to the server's clock, as the app writes them. */
const newTicketTimes: FieldTransforms = { createdAt: serverTime, updatedAt: serverTime };
const changeTime: FieldTransforms = { updatedAt: serverTime };
const postedTime: FieldTransforms = { createdAt: serverTime };
const readTime: FieldTransforms = { lastReadAt: serverTime };

const validInput = {
  title: 'Printer on fire',
  description: 'It smells of toast.',
  category: 'technical',
  priority: 'high',
} as const;

function ownTicket(ctx: MatrixContext) {
  return newTicketDoc(validInput, { uid: ctx.actorUid, displayName: 'Someone' }, ctx.now);
}

/** Someone other than the actor: the owner, or for the owner the other customer. */
function someoneElse(ctx: MatrixContext): string {
  return ctx.actorUid === matrixPeople.owner.uid ? matrixPeople.otherCustomer.uid : matrixPeople.owner.uid;
}

/** Attachment entries as the desk plans them: an image and a PDF, each at its kind's limit. */
const screenshot: AttachmentRef = {
  slot: 'image-1',
  name: 'screenshot.png',
  contentType: 'image/png',
  size: attachmentKinds.image.maxBytes,
};
const invoice: AttachmentRef = {
  slot: 'pdf-1',
  name: 'invoice.pdf',
  contentType: 'application/pdf',
  size: attachmentKinds.pdf.maxBytes,
};

function ownMessage(ctx: MatrixContext) {
  return newMessageDoc(
    { text: 'Any news on this?' },
    { uid: ctx.actorUid, role: ctx.actorRole, displayName: ctx.actorName },
    ctx.now,
  );
}

/** Ids of the documents every driver seeds besides the ticket (see `seedDocuments`). */
export const seeded = {
  messageId: 'matrix-message',
  noteId: 'matrix-note',
  eventId: 'matrix-event',
  notificationId: 'matrix-notification',
} as const;

/**
 * Everything a driver seeds for a cell, bypassing the rules like an admin in the console:
 * the people, the counter, the fixture ticket owned by `owner` in `state` (as the functions
 * would have left it), the assignment config, and one message, note, event and notification
 * (the owner's) so that reads have something to read. Dates stay Dates; drivers convert.
 */
export function seedDocuments(ticketId: string, state: TicketStatus, now: Date): { path: string; data: DocData }[] {
  const { owner, agent } = matrixPeople;
  const ticket: TicketDoc = {
    ...newTicketDoc(validInput, owner, now),
    number: 1,
    status: state,
    assigneeUid: state === 'open' ? null : agent.uid,
    chatLocked: locksChat(state),
    searchTokens: ['printer', 'fire'],
    rejectionReason: state === 'rejected' ? 'Not something we support.' : null,
  };
  const config: AssignmentConfig = { strategy: 'round_robin', agentUids: [], lastAssignedUid: null };
  const note: NoteDoc = { authorUid: agent.uid, authorName: agent.displayName, text: 'Customer is on the pro plan.', createdAt: now };
  const event: TicketEvent = {
    kind: 'created',
    actorUid: owner.uid,
    actorName: owner.displayName,
    from: null,
    to: 'open',
    note: null,
    at: now,
  };
  const notification: NotificationDoc = {
    kind: 'status_changed',
    ticketId,
    text: 'Your ticket #1 is now In progress.',
    createdAt: now,
    seen: false,
  };
  return [
    ...Object.values(matrixPeople).map((person) => ({
      path: `users/${person.uid}`,
      data: {
        ...newUserDoc({ email: `${person.uid}@example.com`, displayName: person.displayName }, now),
        role: person.role,
      },
    })),
    { path: 'counters/tickets', data: { last: 1 } },
    { path: `tickets/${ticketId}`, data: ticket },
    { path: 'config/assignment', data: config },
    {
      path: `tickets/${ticketId}/messages/${seeded.messageId}`,
      data: newMessageDoc({ text: 'It is still smoking.' }, { ...owner, role: 'customer' }, now),
    },
    { path: `tickets/${ticketId}/notes/${seeded.noteId}`, data: note },
    { path: `tickets/${ticketId}/events/${seeded.eventId}`, data: event },
    { path: `users/${owner.uid}/notifications/${seeded.notificationId}`, data: notification },
  ];
}

export const operations = {
  'ticket.read': (ctx) => ({ method: 'get', path: `tickets/${ctx.ticketId}` }),
  'ticket.read.notYetCreated': (ctx) => ({ method: 'get', path: `tickets/${ctx.newId}` }),
  'ticket.create.own': (ctx) => ({
    method: 'create',
    transforms: newTicketTimes,
    path: `tickets/${ctx.newId}`,
    data: ownTicket(ctx),
  }),
  'ticket.create.forSomeoneElse': (ctx) => ({
    method: 'create',
    transforms: newTicketTimes,
    path: `tickets/${ctx.newId}`,
    data: {
      ...ownTicket(ctx),
      customerUid:
        ctx.actorUid === matrixPeople.owner.uid ? matrixPeople.otherCustomer.uid : matrixPeople.owner.uid,
    },
  }),
  'ticket.create.withNumber': (ctx) => ({
    method: 'create',
    transforms: newTicketTimes,
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), number: 7 },
  }),
  'ticket.create.notOpen': (ctx) => ({
    method: 'create',
    transforms: newTicketTimes,
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), status: 'in_progress', assigneeUid: ctx.actorUid },
  }),
  'ticket.create.titleTooLong': (ctx) => ({
    method: 'create',
    transforms: newTicketTimes,
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), title: 'x'.repeat(201) },
  }),
  'ticket.create.unknownCategory': (ctx) => ({
    method: 'create',
    transforms: newTicketTimes,
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), category: 'refunds' },
  }),
  'ticket.create.inSomeoneElsesName': (ctx) => ({
    method: 'create',
    transforms: newTicketTimes,
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), updatedBy: someoneElse(ctx) },
  }),
  'ticket.create.withAttachments': (ctx) => ({
    method: 'create',
    transforms: newTicketTimes,
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), attachments: [screenshot, invoice] },
  }),
  'ticket.create.attachmentTypeNotOfSlot': (ctx) => ({
    method: 'create',
    transforms: newTicketTimes,
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), attachments: [{ ...screenshot, contentType: 'application/pdf' }] },
  }),
  'ticket.create.attachmentTooLarge': (ctx) => ({
    method: 'create',
    transforms: newTicketTimes,
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), attachments: [invoice, { ...screenshot, size: attachmentKinds.image.maxBytes + 1 }] },
  }),
  'ticket.create.attachmentSlotTwice': (ctx) => ({
    method: 'create',
    transforms: newTicketTimes,
    path: `tickets/${ctx.newId}`,
    data: { ...ownTicket(ctx), attachments: [screenshot, invoice, { ...screenshot, name: 'again.png' }] },
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
  'user.setOthersRole': () => ({
    method: 'update',
    path: `users/${matrixPeople.otherCustomer.uid}`,
    data: { role: 'agent' },
  }),

  // ---- status, priority and assignee changes ----
  'ticket.acceptAndTake': (ctx) => ({
    method: 'update',
    transforms: changeTime,
    path: `tickets/${ctx.ticketId}`,
    data: { status: 'in_progress', assigneeUid: ctx.actorUid, updatedAt: ctx.now, updatedBy: ctx.actorUid },
  }),
  'ticket.reopen': (ctx) => ({
    method: 'update',
    transforms: changeTime,
    path: `tickets/${ctx.ticketId}`,
    data: { status: 'in_progress', updatedAt: ctx.now, updatedBy: ctx.actorUid },
  }),
  'ticket.close': (ctx) => ({
    method: 'update',
    transforms: changeTime,
    path: `tickets/${ctx.ticketId}`,
    data: { status: 'closed', updatedAt: ctx.now, updatedBy: ctx.actorUid },
  }),
  'ticket.reject.withoutReason': (ctx) => ({
    method: 'update',
    transforms: changeTime,
    path: `tickets/${ctx.ticketId}`,
    data: { status: 'rejected', updatedAt: ctx.now, updatedBy: ctx.actorUid },
  }),
  'ticket.reject.withReason': (ctx) => ({
    method: 'update',
    transforms: changeTime,
    path: `tickets/${ctx.ticketId}`,
    data: { status: 'rejected', rejectionReason: 'Duplicate of #41.', updatedAt: ctx.now, updatedBy: ctx.actorUid },
  }),
  'ticket.reject.reasonTooLong': (ctx) => ({
    method: 'update',
    transforms: changeTime,
    path: `tickets/${ctx.ticketId}`,
    data: { status: 'rejected', rejectionReason: 'x'.repeat(501), updatedAt: ctx.now, updatedBy: ctx.actorUid },
  }),
  'ticket.reasonWithoutRejecting': (ctx) => ({
    method: 'update',
    transforms: changeTime,
    path: `tickets/${ctx.ticketId}`,
    data: { rejectionReason: 'Because.', updatedAt: ctx.now, updatedBy: ctx.actorUid },
  }),
  'ticket.backToOpen': (ctx) => ({
    method: 'update',
    transforms: changeTime,
    path: `tickets/${ctx.ticketId}`,
    data: { status: 'open', updatedAt: ctx.now, updatedBy: ctx.actorUid },
  }),
  'ticket.changePriority': (ctx) => ({
    method: 'update',
    transforms: changeTime,
    path: `tickets/${ctx.ticketId}`,
    data: { priority: 'critical', updatedAt: ctx.now, updatedBy: ctx.actorUid },
  }),
  'ticket.close.inSomeoneElsesName': (ctx) => ({
    method: 'update',
    transforms: changeTime,
    path: `tickets/${ctx.ticketId}`,
    data: { status: 'closed', updatedAt: ctx.now, updatedBy: someoneElse(ctx) },
  }),
  'ticket.unlockChat': (ctx) => ({
    method: 'update',
    transforms: changeTime,
    path: `tickets/${ctx.ticketId}`,
    data: { chatLocked: false, updatedAt: ctx.now, updatedBy: ctx.actorUid },
  }),

  // ---- chat, notes, events ----
  'message.post.own': (ctx) => ({
    method: 'create',
    transforms: postedTime,
    path: `tickets/${ctx.ticketId}/messages/${ctx.newId}`,
    data: ownMessage(ctx),
  }),
  'message.post.asSomeoneElse': (ctx) => ({
    method: 'create',
    transforms: postedTime,
    path: `tickets/${ctx.ticketId}/messages/${ctx.newId}`,
    data: { ...ownMessage(ctx), authorUid: someoneElse(ctx) },
  }),
  'message.post.system': (ctx) => ({
    method: 'create',
    transforms: postedTime,
    path: `tickets/${ctx.ticketId}/messages/${ctx.newId}`,
    data: systemMessageDoc('Support desk closed this ticket.', ctx.now),
  }),
  'message.edit': (ctx) => ({
    method: 'update',
    path: `tickets/${ctx.ticketId}/messages/${seeded.messageId}`,
    data: { text: 'Never mind.' },
  }),
  'messages.list': (ctx) => ({
    method: 'list',
    collection: `tickets/${ctx.ticketId}/messages`,
    where: [],
    limit: 50,
  }),
  'notes.list': (ctx) => ({ method: 'list', collection: `tickets/${ctx.ticketId}/notes`, where: [], limit: 50 }),
  'note.read': (ctx) => ({ method: 'get', path: `tickets/${ctx.ticketId}/notes/${seeded.noteId}` }),
  'note.add': (ctx) => ({
    method: 'create',
    transforms: postedTime,
    path: `tickets/${ctx.ticketId}/notes/${ctx.newId}`,
    data: { authorUid: ctx.actorUid, authorName: ctx.actorName, text: 'Asked billing.', createdAt: ctx.now },
  }),
  'events.list': (ctx) => ({ method: 'list', collection: `tickets/${ctx.ticketId}/events`, where: [], limit: 50 }),
  'event.write': (ctx) => ({
    method: 'create',
    path: `tickets/${ctx.ticketId}/events/${ctx.newId}`,
    data: {
      kind: 'status',
      actorUid: ctx.actorUid,
      actorName: ctx.actorName,
      from: 'open',
      to: 'closed',
      note: null,
      at: ctx.now,
    },
  }),

  // ---- read markers ----
  'readMarker.write.own': (ctx) => ({
    method: 'create',
    transforms: readTime,
    path: `tickets/${ctx.ticketId}/reads/${ctx.actorUid}`,
    data: { uid: ctx.actorUid, ticketId: ctx.ticketId, lastReadAt: ctx.now },
  }),
  'readMarker.write.someoneElses': (ctx) => ({
    method: 'create',
    transforms: readTime,
    path: `tickets/${ctx.ticketId}/reads/${someoneElse(ctx)}`,
    data: { uid: someoneElse(ctx), ticketId: ctx.ticketId, lastReadAt: ctx.now },
  }),
  'readMarkers.list.own': (ctx) => ({
    method: 'list',
    collection: 'reads',
    collectionGroup: true,
    where: [['uid', '==', ctx.actorUid]],
    limit: 100,
  }),
  'readMarkers.list.someoneElses': (ctx) => ({
    method: 'list',
    collection: 'reads',
    collectionGroup: true,
    where: [['uid', '==', someoneElse(ctx)]],
    limit: 100,
  }),

  // ---- notifications ----
  'notifications.list.own': (ctx) => ({
    method: 'list',
    collection: `users/${ctx.actorUid}/notifications`,
    where: [],
    limit: 30,
  }),
  'notifications.list.someoneElses': (ctx) => ({
    method: 'list',
    collection: `users/${someoneElse(ctx)}/notifications`,
    where: [],
    limit: 30,
  }),
  "notification.markOwnersSeen": () => ({
    method: 'update',
    path: `users/${matrixPeople.owner.uid}/notifications/${seeded.notificationId}`,
    data: { seen: true },
  }),
  "notification.rewriteOwners": () => ({
    method: 'update',
    path: `users/${matrixPeople.owner.uid}/notifications/${seeded.notificationId}`,
    data: { seen: true, text: 'You won a prize.' },
  }),
  'notification.create': (ctx) => ({
    method: 'create',
    path: `users/${ctx.actorUid}/notifications/${ctx.newId}`,
    data: { kind: 'new_ticket', ticketId: ctx.ticketId, text: 'Look at this.', createdAt: ctx.now, seen: false },
  }),

  // ---- desk configuration ----
  'config.read': () => ({ method: 'get', path: 'config/assignment' }),
  'config.write': () => ({ method: 'update', path: 'config/assignment', data: { strategy: 'manual' } }),
  'config.write.unknownStrategy': () => ({
    method: 'update',
    path: 'config/assignment',
    data: { strategy: 'alphabetical' },
  }),
  'users.list': () => ({ method: 'list', collection: 'users', where: [], limit: 500 }),
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
const chatOpenStates: readonly TicketStatus[] = ['open', 'in_progress', 'resolved'];
const chatLockedStates: readonly TicketStatus[] = ['closed', 'rejected'];
const staff: readonly MatrixActor[] = ['agent', 'admin'];
const signedIn: readonly MatrixActor[] = ['owner', 'otherCustomer', 'agent', 'admin'];

export const matrix: readonly MatrixEntry[] = [
  {
    operation: 'ticket.read',
    states: everyState,
    allowed: ['owner', ...staff],
    because: 'customers see only their own tickets; staff see all',
  },
  {
    operation: 'ticket.read.notYetCreated',
    states: ['open'],
    allowed: signedIn,
    because: 'a missing ticket reveals nothing, and a tab listens to the ticket it just created',
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
    operation: 'ticket.create.unknownCategory',
    states: ['open'],
    allowed: [],
    because: 'the category is billing, technical, account or general',
  },
  {
    operation: 'ticket.create.inSomeoneElsesName',
    states: ['open'],
    allowed: [],
    because: "a ticket is written in its writer's own name (updatedBy)",
  },
  {
    operation: 'ticket.create.withAttachments',
    states: ['open'],
    allowed: ['owner', 'otherCustomer'],
    because: 'a customer attaches images and PDFs within the limits, one per slot',
  },
  {
    operation: 'ticket.create.attachmentTypeNotOfSlot',
    states: ['open'],
    allowed: [],
    because: 'an image slot holds an image, a PDF slot a PDF',
  },
  {
    operation: 'ticket.create.attachmentTooLarge',
    states: ['open'],
    allowed: [],
    because: 'images are at most 3 MB, PDFs at most 5 MB',
  },
  {
    operation: 'ticket.create.attachmentSlotTwice',
    states: ['open'],
    allowed: [],
    because: 'each attachment slot holds one file',
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
  {
    operation: 'user.setOthersRole',
    states: ['open'],
    allowed: ['admin'],
    because: "admins change other people's roles",
  },
  {
    operation: 'ticket.acceptAndTake',
    states: ['open'],
    allowed: staff,
    because: 'staff accept an open ticket and assign it; customers do not',
  },
  {
    operation: 'ticket.reopen',
    states: ['resolved'],
    allowed: ['owner', ...staff],
    because: 'a resolved ticket may be reopened by its customer or staff',
  },
  {
    operation: 'ticket.close',
    states: ['resolved'],
    allowed: ['owner', ...staff],
    because: 'a resolved ticket may be closed by its customer or staff',
  },
  {
    operation: 'ticket.reject.withoutReason',
    states: ['open', 'in_progress'],
    allowed: [],
    because: 'a rejection needs a reason',
  },
  {
    operation: 'ticket.reject.withReason',
    states: ['open', 'in_progress'],
    allowed: staff,
    because: 'staff reject a ticket with a reason',
  },
  {
    operation: 'ticket.reject.reasonTooLong',
    states: ['open'],
    allowed: [],
    because: 'a rejection reason is at most 500 characters',
  },
  {
    operation: 'ticket.reasonWithoutRejecting',
    states: ['in_progress'],
    allowed: [],
    because: 'a rejection reason comes only with the move to rejected',
  },
  {
    operation: 'ticket.backToOpen',
    states: chatLockedStates,
    allowed: [],
    because: 'no move leads out of closed or rejected (and none back to open), for anyone',
  },
  {
    operation: 'ticket.changePriority',
    states: everyState,
    allowed: staff,
    because: 'staff set the priority; customers do not',
  },
  {
    operation: 'ticket.close.inSomeoneElsesName',
    states: ['resolved'],
    allowed: [],
    because: "every change of a ticket is written in the writer's own name (updatedBy), even a legal one",
  },
  {
    operation: 'ticket.unlockChat',
    states: ['closed'],
    allowed: [],
    because: 'only the functions lock and unlock the chat',
  },
  {
    operation: 'message.post.own',
    states: chatOpenStates,
    allowed: ['owner', ...staff],
    because: 'the customer and staff talk in the chat while it is open',
  },
  {
    operation: 'message.post.own',
    states: chatLockedStates,
    allowed: [],
    because: 'closed and rejected tickets lock the chat for everyone',
  },
  {
    operation: 'message.post.asSomeoneElse',
    states: ['open'],
    allowed: [],
    because: 'a message is posted as oneself',
  },
  {
    operation: 'message.post.system',
    states: ['open'],
    allowed: [],
    because: 'only the functions post system messages',
  },
  {
    operation: 'message.edit',
    states: ['open'],
    allowed: [],
    because: 'messages are a record: nobody edits them',
  },
  {
    operation: 'messages.list',
    states: everyState,
    allowed: ['owner', ...staff],
    because: 'the chat is for the customer and staff',
  },
  {
    operation: 'notes.list',
    states: everyState,
    allowed: staff,
    because: 'internal notes are never readable by the customer',
  },
  {
    operation: 'note.read',
    states: ['open', 'closed'],
    allowed: staff,
    because: 'internal notes are never readable by the customer',
  },
  {
    operation: 'note.add',
    states: everyState,
    allowed: staff,
    because: 'staff write internal notes',
  },
  {
    operation: 'events.list',
    states: everyState,
    allowed: ['owner', ...staff],
    because: 'the history of a ticket is for the customer and staff',
  },
  {
    operation: 'event.write',
    states: ['open'],
    allowed: [],
    because: 'only the functions write the audit trail',
  },
  {
    operation: 'readMarker.write.own',
    states: ['open', 'closed'],
    allowed: ['owner', ...staff],
    because: 'whoever may read a ticket keeps their own read marker',
  },
  {
    operation: 'readMarker.write.someoneElses',
    states: ['open'],
    allowed: [],
    because: "nobody writes someone else's read marker",
  },
  {
    operation: 'readMarkers.list.own',
    states: ['open'],
    allowed: signedIn,
    because: 'everyone signed in lists their own read markers (the unread dots)',
  },
  {
    operation: 'readMarkers.list.someoneElses',
    states: ['open'],
    allowed: [],
    because: 'read markers are private',
  },
  {
    operation: 'notifications.list.own',
    states: ['open'],
    allowed: signedIn,
    because: 'everyone signed in reads their own notifications',
  },
  {
    operation: 'notifications.list.someoneElses',
    states: ['open'],
    allowed: [],
    because: 'notifications are private',
  },
  {
    operation: 'notification.markOwnersSeen',
    states: ['open'],
    allowed: ['owner'],
    because: 'the owner of a notification marks it seen; nobody else',
  },
  {
    operation: 'notification.rewriteOwners',
    states: ['open'],
    allowed: [],
    because: 'a notification can only be marked seen',
  },
  {
    operation: 'notification.create',
    states: ['open'],
    allowed: [],
    because: 'only the functions send notifications',
  },
  {
    operation: 'config.read',
    states: ['open'],
    allowed: staff,
    because: 'the desk configuration is for staff',
  },
  {
    operation: 'config.write',
    states: ['open'],
    allowed: ['admin'],
    because: 'admins change the desk configuration',
  },
  {
    operation: 'config.write.unknownStrategy',
    states: ['open'],
    allowed: [],
    because: 'the assignment strategy is round_robin, random or manual',
  },
  {
    operation: 'users.list',
    states: ['open'],
    allowed: staff,
    because: 'staff see the people of the desk (to assign tickets); customers see only themselves',
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

/** The context of a cell: who acts, on which ticket, when. */
export function matrixContext(actor: MatrixActor, ticketId: string, newId: string, now: Date): MatrixContext {
  const person = actor === 'signedOut' ? undefined : matrixPeople[actor];
  return {
    ticketId,
    actorUid: actorUid(actor),
    actorRole: person?.role ?? 'customer',
    actorName: person?.displayName ?? 'Nobody',
    newId,
    now,
  };
}

/**
 * What each driver provides: a way to seed (bypassing the rules, like an admin in the
 * console) and a way to carry out a request as one actor.
 */
export interface MatrixDriver {
  /** Seeds `seedDocuments` (people, a ticket owned by `owner` in `state`, …); returns the ticket id. */
  givenTicket(state: TicketStatus): Promise<string>;
  /** Resolves if the request went through, rejects if it was refused. */
  attempt(actor: MatrixActor, request: ClientRequest): Promise<void>;
}
