import {
  ASSIGNMENT_POOL_MAX,
  AUTO_CLOSE_DAYS_MAX,
  SLA_HOURS_MAX,
  CANNED_BODY_MAX,
  CANNED_TITLE_MAX,
  DESCRIPTION_MAX,
  DISPLAY_NAME_MAX,
  EMAIL_MAX,
  MESSAGE_MAX,
  PEOPLE_QUERY_MAX,
  REJECTION_REASON_MAX,
  SATISFACTION_COMMENT_MAX,
  TITLE_MAX,
  attachmentKinds,
  locksChat,
  newCannedReplyDoc,
  newMessageDoc,
  newNoteDoc,
  newTicketDoc,
  newUserDoc,
  rateLimitPath,
  rateLimits,
  systemMessageDoc,
  type AssignmentConfig,
  type AttachmentRef,
  type MessageDoc,
  type NoteDoc,
  type NotificationDoc,
  type RateLimitDoc,
  type RateLimitKind,
  type Role,
  type TicketDoc,
  type TicketEvent,
  type TicketStatus,
  addCells,
  dayKeyOf,
  monthKeyOf,
  statsDocIds,
  statsDocsOf,
  ticketCells,
} from '../../functions/src/domain/index.js';
import { RateLimitCounters } from '../../web/src/backend/rateLimitCounters.js';
import {
  cannedReplyRemoval,
  cannedReplyWrite,
  presenceRemoval,
  presenceWrite,
  newMessageWrites,
  newNoteWrites,
  newProfileWrite,
  newTicketWrites,
  notificationsSeenWrites,
  profileChangeWrite,
  readMarkerWrite,
  renameSelfWrite,
  ticketChangeWrite,
  type TicketChange,
} from '../../web/src/backend/writes.js';
import {
  increment,
  serverTime,
  type BatchWrite,
  type ClientRequest,
  type DocumentWrite,
} from './requests.js';

type DocData = Record<string, unknown>;

/**
 * The authorization matrix: role x operation x ticket state -> allowed or denied.
 * One table, run against the local backend everywhere and against firestore.rules wherever
 * the Firestore emulator runs. When the rules or the domain policy change, this table says
 * what both must do.
 */
export const matrixActors = [
  'signedOut',
  'owner',
  'otherCustomer',
  'agent',
  'admin',
  'newcomer',
  'demotedAgent',
  'unverifiedAgent',
] as const;
export type MatrixActor = (typeof matrixActors)[number];

/** How the specification names each actor; the matrix reads actor by actor. */
export const matrixActorTitles: Record<MatrixActor, string> = {
  signedOut: 'Signed out',
  owner: 'A customer on their own ticket',
  otherCustomer: "A customer on another customer's ticket",
  agent: 'An agent',
  admin: 'An admin',
  newcomer: 'A new account without a profile yet',
  demotedAgent: 'A deactivated agent (demoted to customer, token not yet refreshed)',
  unverifiedAgent: 'An agent whose email is not verified (acts as a customer)',
};

interface MatrixPerson {
  readonly uid: string;
  /** The role claim of the person's ID token. */
  readonly role: Role;
  readonly displayName: string;
  /** The email claim of the token (and of the profile, where one is seeded). */
  readonly email: string;
  /** What users/{uid} says: the token's role, none yet (just signed up), or a demotion the token does not know. */
  readonly profile: 'as-token' | 'none' | 'demoted';
  /** The token's email_verified: staff rights need it. */
  readonly emailVerified: boolean;
}

/**
 * The people every driver seeds: the fixture ticket belongs to `owner`. `otherCustomer` has
 * the longest name a profile may hold; `newcomer` has signed up but has no profile yet;
 * `demotedAgent` still carries an agent's token, but an admin has made them a customer;
 * `unverifiedAgent` has an agent's token and profile but no verified email, so acts as a customer.
 */
export const matrixPeople: Record<Exclude<MatrixActor, 'signedOut'>, MatrixPerson> = {
  owner: { uid: 'matrix-owner', role: 'customer', displayName: 'Olive Owner', email: 'olive@example.com', profile: 'as-token', emailVerified: true },
  otherCustomer: {
    uid: 'matrix-other',
    role: 'customer',
    displayName: `Oscar Other ${'o'.repeat(DISPLAY_NAME_MAX - 'Oscar Other '.length)}`,
    email: 'oscar@example.com',
    profile: 'as-token',
    emailVerified: true,
  },
  agent: { uid: 'matrix-agent', role: 'agent', displayName: 'Ari Agent', email: 'ari@desk.example', profile: 'as-token', emailVerified: true },
  admin: { uid: 'matrix-admin', role: 'admin', displayName: 'Ada Admin', email: 'ada@desk.example', profile: 'as-token', emailVerified: true },
  newcomer: { uid: 'matrix-newcomer', role: 'customer', displayName: 'Nina New', email: 'nina@example.com', profile: 'none', emailVerified: false },
  demotedAgent: {
    uid: 'matrix-demoted',
    role: 'agent',
    displayName: 'Dan Demoted',
    email: 'dan@desk.example',
    profile: 'demoted',
    emailVerified: true,
  },
  unverifiedAgent: {
    uid: 'matrix-unverified',
    role: 'agent',
    displayName: 'Uma Unverified',
    email: 'uma@desk.example',
    profile: 'as-token',
    emailVerified: false,
  },
};

/** An agent whose account an admin switched off: seeded, never acting (tickets must not go to them). */
const retiredAgent = { uid: 'matrix-retired', displayName: 'Rita Retired', email: 'rita@desk.example' };

export interface MatrixContext {
  /** The fixture ticket: owned by `owner`, in the row's state. */
  readonly ticketId: string;
  /** The acting person's uid (an unused uid when signed out). */
  readonly actorUid: string;
  /** The acting person's role (as their profile has it now) and name (a customer nobody knows when signed out). */
  readonly actorRole: Role;
  readonly actorName: string;
  readonly actorEmail: string;
  /** A fresh document id for creates. */
  readonly newId: string;
  readonly now: Date;
  /** The actor's rate-limit counters as their client knows them: none stored yet. */
  readonly counters: RateLimitCounters;
}

const SIGNED_OUT_UID = 'matrix-nobody';

/** Other tickets the drivers seed: the owner's and the other customer's closed ones (for follow-ups). */
const OWNERS_CLOSED_TICKET = 'matrix-earlier';
const OTHERS_CLOSED_TICKET = 'matrix-others-closed';
const MISSING_TICKET = 'matrix-missing';

const validInput = {
  title: 'Printer on fire',
  description: 'It smells of toast.',
  category: 'technical',
  priority: 'high',
} as const;

/** A ticket the actor opens under their own profile name. */
function ownTicket(ctx: MatrixContext, overrides: Partial<TicketDoc> = {}): TicketDoc {
  return { ...newTicketDoc(validInput, { uid: ctx.actorUid, displayName: ctx.actorName }, ctx.now), ...overrides };
}

/** Opening a ticket as the app does it: the document and the customer's rate-limit step, in one batch. */
function openTicket(ctx: MatrixContext, overrides: Partial<TicketDoc> = {}): ClientRequest {
  return newTicketWrites(ctx.newId, ownTicket(ctx, overrides), ctx.counters, ctx.now);
}

/** Someone other than the actor: the owner, or for the owner the other customer. */
function someoneElse(ctx: MatrixContext): string {
  return ctx.actorUid === matrixPeople.owner.uid ? matrixPeople.otherCustomer.uid : matrixPeople.owner.uid;
}

/** A staff or customer change of the fixture ticket, as the app writes it (stamped with its writer and time). */
function changeTicket(ctx: MatrixContext, change: DocData): ClientRequest {
  return ticketChangeWrite(ctx.ticketId, change as TicketChange, ctx.actorUid, ctx.now);
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

/** Every slot filled, each file at its kind's limit, in slot order: the most a ticket may carry. */
const fullAllowance: AttachmentRef[] = [
  { ...screenshot, name: `${'s'.repeat(251)}.png` },
  { ...screenshot, slot: 'image-2', name: 'photo.jpeg', contentType: 'image/jpeg' },
  { ...screenshot, slot: 'image-3', name: 'animation.gif', contentType: 'image/gif' },
  { ...invoice, name: `${'i'.repeat(251)}.pdf` },
  { ...invoice, slot: 'pdf-2', name: 'contract.pdf' },
];

/** Text that shows nothing: a no-break space, a zero-width space, an ideographic space. */
const BLANK = '\u00a0\u200b\u3000';

function ownMessage(ctx: MatrixContext, text = 'Any news on this?', displayName = ctx.actorName): MessageDoc {
  return newMessageDoc({ text }, { uid: ctx.actorUid, role: ctx.actorRole, displayName }, ctx.now);
}

/** Posting as the app does it: the message and the writer's rate-limit step, in one batch. */
function postMessage(ctx: MatrixContext, message: MessageDoc = ownMessage(ctx), ticketId = ctx.ticketId): ClientRequest {
  return newMessageWrites(ticketId, ctx.newId, message, ctx.counters, ctx.now);
}

function addNote(ctx: MatrixContext, text = 'Asked billing.', displayName = ctx.actorName, ticketId = ctx.ticketId): ClientRequest {
  return newNoteWrites(ticketId, ctx.newId, newNoteDoc({ text }, { uid: ctx.actorUid, displayName }, ctx.now), ctx.counters, ctx.now);
}

/** The first write of a batch alone: the document without the rate-limit step that must go with it. */
function withoutCounter(request: ClientRequest): ClientRequest {
  return request.method === 'batch' ? request.writes[0]! : request;
}

/** A uid of the longest shape an id may take. */
const longestUid = (n: number) => `${String(n).padStart(3, '0')}${'u'.repeat(125)}`;

/** Ids of the documents every driver seeds besides the ticket (see `seedDocuments`). */
export const seeded = {
  messageId: 'matrix-message',
  noteId: 'matrix-note',
  eventId: 'matrix-event',
  notificationId: 'matrix-notification',
  cannedReplyId: 'matrix-canned',
} as const;

/**
 * Everything a driver seeds for a cell, bypassing the rules like an admin in the console:
 * the people (their profiles as `profile` says), the counter, the fixture ticket owned by
 * `owner` in `state` (as the functions would have left it), two closed tickets to follow up,
 * the assignment config, and one message, note, event and notification (the owner's) so that
 * reads have something to read. No rate-limit counters: each writer starts a new window.
 * Dates stay Dates; drivers convert.
 */
/** When the fixture ticket was resolved (in the states after a resolve): the rating answers it. */
export const FIXTURE_RESOLVED_AT = new Date('2024-05-02T12:00:00Z');

export function seedDocuments(ticketId: string, state: TicketStatus, now: Date): { path: string; data: DocData }[] {
  const { owner, agent, otherCustomer } = matrixPeople;
  const ticket: TicketDoc = {
    ...newTicketDoc(validInput, owner, now),
    resolvedAt: state === 'resolved' || state === 'closed' ? FIXTURE_RESOLVED_AT : null,
    number: 1,
    status: state,
    assigneeUid: state === 'open' ? null : agent.uid,
    chatLocked: locksChat(state),
    searchTokens: ['printer', 'fire'],
    rejectionReason: state === 'rejected' ? 'Not something we support.' : null,
  };
  const closed = (customer: MatrixPerson, number: number): TicketDoc => ({
    ...newTicketDoc(validInput, customer, now),
    number,
    status: 'closed',
    assigneeUid: agent.uid,
    chatLocked: true,
    closedAt: now,
  });
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
  const profiles = Object.values(matrixPeople)
    .filter((person) => person.profile !== 'none')
    .map((person) => ({
      path: `users/${person.uid}`,
      data: { ...newUserDoc(person, now), role: person.profile === 'demoted' ? 'customer' : person.role },
    }));
  return [
    ...profiles,
    { path: `users/${retiredAgent.uid}`, data: { ...newUserDoc(retiredAgent, now), role: 'agent', active: false } },
    { path: 'counters/tickets', data: { last: 3 } },
    { path: `tickets/${ticketId}`, data: ticket },
    { path: `tickets/${OWNERS_CLOSED_TICKET}`, data: closed(owner, 2) },
    { path: `tickets/${OTHERS_CLOSED_TICKET}`, data: closed(otherCustomer, 3) },
    { path: 'config/assignment', data: config },
    { path: 'config/sla', data: {} },
    {
      path: `tickets/${ticketId}/messages/${seeded.messageId}`,
      data: newMessageDoc({ text: 'It is still smoking.' }, { ...owner, role: 'customer' }, now),
    },
    { path: `tickets/${ticketId}/notes/${seeded.noteId}`, data: note },
    { path: `tickets/${ticketId}/events/${seeded.eventId}`, data: event },
    { path: `users/${owner.uid}/notifications/${seeded.notificationId}`, data: notification },
    { path: `cannedReplies/${seeded.cannedReplyId}`, data: cannedGreeting },
    // The reports' stats as the functions keep them: the desk's month, the summary, the
    // agent's own row and another agent's.
    ...Object.entries(seededStats(ticket)).map(([id, data]) => ({ path: `stats/${id}`, data })),
    { path: `statsLedger/${ticketId}`, data: { counted: {}, reopens: {} } },
    {
      path: `mail/${ticketId}-status-e1`,
      data: { to: owner.email, message: { subject: 'Your ticket #1 is now Resolved', text: 'Resolved.', html: '<p>Resolved.</p>' } },
    },
    { path: `mailLog/${ticketId}`, data: { lastReplyEmailAt: now } },
  ];
}

const noHistory = { reopens: [], submittedPriority: null } as const;

/** Stats documents of the fixture ticket (counted for the agent) and of the retired agent's ticket. */
function seededStats(ticket: TicketDoc): Record<string, DocData> {
  const counted = ticketCells({ ...ticket, assigneeUid: matrixPeople.agent.uid }, noHistory);
  addCells(counted, ticketCells({ ...ticket, assigneeUid: retiredAgent.uid }, noHistory));
  return { ...statsDocsOf(counted), summary: { scope: 'summary', total_tickets: 2, open_tickets: 2 } };
}
const cannedGreeting = newCannedReplyDoc({ title: 'Greeting', body: 'Hello {{customer.name}}, {{agent.name}} here.' });
const statsMonth = (ctx: { now: Date }) => monthKeyOf(dayKeyOf(ctx.now));

export const operations = {
  // ---- opening tickets ----
  'ticket.read': (ctx) => ({ method: 'get', path: `tickets/${ctx.ticketId}` }),
  'ticket.read.notYetCreated': (ctx) => ({ method: 'get', path: `tickets/${ctx.newId}` }),
  'ticket.create.own': (ctx) => openTicket(ctx),
  'ticket.create.forSomeoneElse': (ctx) => openTicket(ctx, { customerUid: someoneElse(ctx) }),
  'ticket.create.withNumber': (ctx) => openTicket(ctx, { number: 7 }),
  'ticket.create.notOpen': (ctx) => openTicket(ctx, { status: 'in_progress', assigneeUid: ctx.actorUid }),
  'ticket.create.titleTooLong': (ctx) => openTicket(ctx, { title: 'x'.repeat(201) }),
  'ticket.create.blankTitle': (ctx) => openTicket(ctx, { title: BLANK }),
  'ticket.create.blankDescription': (ctx) => openTicket(ctx, { description: ' \n\t ' }),
  'ticket.create.unknownCategory': (ctx) => openTicket(ctx, { category: 'refunds' as TicketDoc['category'] }),
  'ticket.create.inSomeoneElsesName': (ctx) => openTicket(ctx, { updatedBy: someoneElse(ctx) }),
  'ticket.create.underAnotherName': (ctx) => openTicket(ctx, { customerName: 'Support desk' }),
  'ticket.create.withAttachments': (ctx) => openTicket(ctx, { attachments: [screenshot, invoice] }),
  'ticket.create.fullAllowance': (ctx) => openTicket(ctx, { attachments: fullAllowance }),
  'ticket.create.largest': (ctx) =>
    openTicket(ctx, { title: 'T'.repeat(TITLE_MAX), description: 'D'.repeat(DESCRIPTION_MAX), attachments: fullAllowance }),
  'ticket.create.attachmentTypeNotOfSlot': (ctx) =>
    openTicket(ctx, { attachments: [{ ...screenshot, contentType: 'application/pdf' }] }),
  'ticket.create.attachmentTooLarge': (ctx) =>
    openTicket(ctx, { attachments: [{ ...screenshot, size: attachmentKinds.image.maxBytes + 1 }, invoice] }),
  'ticket.create.attachmentSlotTwice': (ctx) =>
    openTicket(ctx, { attachments: [screenshot, { ...screenshot, name: 'again.png' }, invoice] }),
  'ticket.create.attachmentsOutOfOrder': (ctx) => openTicket(ctx, { attachments: [invoice, screenshot] }),
  'ticket.create.followUpOfOwnClosed': (ctx) => openTicket(ctx, { followUpOf: OWNERS_CLOSED_TICKET }),
  'ticket.create.followUpOfSomeoneElses': (ctx) =>
    openTicket(ctx, { followUpOf: ctx.actorUid === matrixPeople.owner.uid ? OTHERS_CLOSED_TICKET : OWNERS_CLOSED_TICKET }),
  'ticket.create.followUpOfOpenTicket': (ctx) => openTicket(ctx, { followUpOf: ctx.ticketId }),
  'ticket.create.followUpOfMissing': (ctx) => openTicket(ctx, { followUpOf: MISSING_TICKET }),
  'ticket.create.followUpOfAPath': (ctx) => openTicket(ctx, { followUpOf: `${OWNERS_CLOSED_TICKET}/messages/x` }),
  'ticket.create.withSuggestion': (ctx) =>
    openTicket(ctx, { suggestedCategory: 'billing', suggestedPriority: 'high', suggestionSource: 'model' }),
  'ticket.create.halfASuggestion': (ctx) => openTicket(ctx, { suggestedCategory: 'billing' }),
  'ticket.create.suggestionByUnknownSource': (ctx) =>
    openTicket(ctx, {
      suggestedCategory: 'billing',
      suggestedPriority: 'high',
      suggestionSource: 'oracle' as TicketDoc['suggestionSource'],
    }),
  'ticket.create.suggestionOfUnknownPriority': (ctx) =>
    openTicket(ctx, {
      suggestedCategory: 'billing',
      suggestedPriority: 'whenever' as TicketDoc['suggestedPriority'],
      suggestionSource: 'rules',
    }),
  'ticket.create.withoutCounter': (ctx) => withoutCounter(openTicket(ctx)),
  'ticket.create.twoInOneBatch': (ctx) => {
    const first = openTicket(ctx) as BatchWrite;
    const second = { ...first.writes[0]!, path: `tickets/${ctx.newId}-2` } as DocumentWrite;
    return { method: 'batch', writes: [...first.writes, second] };
  },
  'tickets.list.mine': (ctx) => ({
    method: 'list',
    collection: 'tickets',
    where: [['customerUid', '==', ctx.actorUid]],
    limit: 20,
  }),
  'tickets.list.queue': () => ({ method: 'list', collection: 'tickets', where: [], limit: 20 }),
  'ticket.delete': (ctx) => ({ method: 'delete', path: `tickets/${ctx.ticketId}` }),
  'counter.write': () => ({ method: 'update', path: 'counters/tickets', data: { last: 0 } }),

  // ---- people ----
  'user.create.own': (ctx) => newProfileWrite(ctx.actorUid, { email: ctx.actorEmail, displayName: ctx.actorName }, ctx.now),
  'user.create.withSomeoneElsesEmail': (ctx) => ({
    method: 'create',
    transforms: { createdAt: serverTime },
    path: `users/${ctx.actorUid}`,
    data: newUserDoc({ email: 'new.hire@desk.example', displayName: ctx.actorName }, ctx.now),
  }),
  'user.create.oversizedEmail': (ctx) => ({
    method: 'create',
    transforms: { createdAt: serverTime },
    path: `users/${ctx.actorUid}`,
    data: newUserDoc({ email: `${'e'.repeat(EMAIL_MAX)}@example.com`, displayName: ctx.actorName }, ctx.now),
  }),
  'user.create.reservedName': (ctx) => ({
    method: 'create',
    transforms: { createdAt: serverTime },
    path: `users/${ctx.actorUid}`,
    data: newUserDoc({ email: ctx.actorEmail, displayName: 'Support Desk' }, ctx.now),
  }),
  'user.create.asAgent': (ctx) => ({
    method: 'create',
    transforms: { createdAt: serverTime },
    path: `users/${ctx.actorUid}`,
    data: { ...newUserDoc({ email: ctx.actorEmail, displayName: ctx.actorName }, ctx.now), role: 'agent' },
  }),
  'user.renameSelf': (ctx) => renameSelfWrite(ctx.actorUid, 'A New Name'),
  'user.renameSelf.longest': (ctx) => renameSelfWrite(ctx.actorUid, 'N'.repeat(DISPLAY_NAME_MAX)),
  'user.renameSelf.tooLong': (ctx) => renameSelfWrite(ctx.actorUid, 'N'.repeat(DISPLAY_NAME_MAX + 1)),
  'user.renameSomeoneElse': (ctx) => renameSelfWrite(someoneElse(ctx), 'Not Their Name'),
  'user.renameSelf.reserved': (ctx) => ({ method: 'update', path: `users/${ctx.actorUid}`, data: { displayName: 'console' } }),
  'user.renameSelf.untrimmed': (ctx) => ({ method: 'update', path: `users/${ctx.actorUid}`, data: { displayName: ' Spaced ' } }),
  'user.changeOwnEmail': (ctx) => ({ method: 'update', path: `users/${ctx.actorUid}`, data: { email: 'elsewhere@example.com' } }),
  'user.raiseOwnRole': (ctx) => profileChangeWrite(ctx.actorUid, { role: 'admin' }),
  'user.setOthersRole': () => profileChangeWrite(matrixPeople.otherCustomer.uid, { role: 'agent' }),
  'users.list': () => ({ method: 'list', collection: 'users', where: [], limit: PEOPLE_QUERY_MAX }),
  'users.list.unbounded': () => ({ method: 'list', collection: 'users', where: [], limit: 500 }),

  // ---- status, priority and assignee changes ----
  'ticket.acceptAndTake': (ctx) => changeTicket(ctx, { status: 'in_progress', assigneeUid: ctx.actorUid }),
  'ticket.reopen': (ctx) => changeTicket(ctx, { status: 'in_progress' }),
  'ticket.close': (ctx) => changeTicket(ctx, { status: 'closed' }),
  'ticket.reject.withoutReason': (ctx) => changeTicket(ctx, { status: 'rejected' }),
  'ticket.reject.withReason': (ctx) => changeTicket(ctx, { status: 'rejected', rejectionReason: 'Duplicate of #41.' }),
  'ticket.reject.longestReason': (ctx) => changeTicket(ctx, { status: 'rejected', rejectionReason: 'r'.repeat(REJECTION_REASON_MAX) }),
  'ticket.reject.reasonTooLong': (ctx) => changeTicket(ctx, { status: 'rejected', rejectionReason: 'x'.repeat(REJECTION_REASON_MAX + 1) }),
  'ticket.reject.blankReason': (ctx) => changeTicket(ctx, { status: 'rejected', rejectionReason: BLANK }),
  'ticket.reasonWithoutRejecting': (ctx) => changeTicket(ctx, { rejectionReason: 'Because.' }),
  'ticket.backToOpen': (ctx) => changeTicket(ctx, { status: 'open' }),
  'ticket.changePriority': (ctx) => changeTicket(ctx, { priority: 'critical' }),
  'ticket.stampOnly': (ctx) => changeTicket(ctx, {}),
  'ticket.changeSuggestion': (ctx) => changeTicket(ctx, { priority: 'low', suggestedPriority: 'low' }),
  'ticket.rate': (ctx) => changeTicket(ctx, { satisfaction: 4, satisfactionComment: 'Quick and kind.', satisfactionFor: FIXTURE_RESOLVED_AT }),
  'ticket.rate.withoutComment': (ctx) => changeTicket(ctx, { satisfaction: 1, satisfactionComment: null, satisfactionFor: FIXTURE_RESOLVED_AT }),
  'ticket.rate.longestComment': (ctx) =>
    changeTicket(ctx, { satisfaction: 5, satisfactionComment: 'k'.repeat(SATISFACTION_COMMENT_MAX), satisfactionFor: FIXTURE_RESOLVED_AT }),
  'ticket.rate.commentTooLong': (ctx) =>
    changeTicket(ctx, { satisfaction: 5, satisfactionComment: 'k'.repeat(SATISFACTION_COMMENT_MAX + 1), satisfactionFor: FIXTURE_RESOLVED_AT }),
  'ticket.rate.scoreOutOfRange': (ctx) => changeTicket(ctx, { satisfaction: 6, satisfactionFor: FIXTURE_RESOLVED_AT }),
  'ticket.rate.partScore': (ctx) => changeTicket(ctx, { satisfaction: 3.5, satisfactionFor: FIXTURE_RESOLVED_AT }),
  'ticket.rate.anotherResolution': (ctx) => changeTicket(ctx, { satisfaction: 4, satisfactionFor: new Date(FIXTURE_RESOLVED_AT.getTime() - 1000) }),
  'ticket.rate.andReopen': (ctx) => changeTicket(ctx, { satisfaction: 4, satisfactionFor: FIXTURE_RESOLVED_AT, status: 'in_progress' }),
  'ticket.close.inSomeoneElsesName': (ctx) => ticketChangeWrite(ctx.ticketId, { status: 'closed' }, someoneElse(ctx), ctx.now),
  'ticket.unlockChat': (ctx) => changeTicket(ctx, { chatLocked: false }),
  'ticket.assign.toAdmin': (ctx) => changeTicket(ctx, { assigneeUid: matrixPeople.admin.uid }),
  'ticket.assign.toCustomer': (ctx) => changeTicket(ctx, { assigneeUid: matrixPeople.otherCustomer.uid }),
  'ticket.assign.toSwitchedOffAgent': (ctx) => changeTicket(ctx, { assigneeUid: retiredAgent.uid }),
  'ticket.assign.toUnknownUid': (ctx) => changeTicket(ctx, { assigneeUid: 'matrix-ghost' }),
  'ticket.assign.toAPath': (ctx) => changeTicket(ctx, { assigneeUid: `${matrixPeople.agent.uid}/notifications/x` }),

  // ---- chat, notes, events ----
  'message.post.own': (ctx) => postMessage(ctx),
  'message.post.longest': (ctx) => postMessage(ctx, ownMessage(ctx, 'm'.repeat(MESSAGE_MAX))),
  'message.post.blank': (ctx) => postMessage(ctx, { ...ownMessage(ctx), text: BLANK }),
  'message.post.underAnotherName': (ctx) => postMessage(ctx, ownMessage(ctx, 'Your refund is approved.', 'Support desk')),
  'message.post.asSomeoneElse': (ctx) => postMessage(ctx, { ...ownMessage(ctx), authorUid: someoneElse(ctx) }),
  'message.post.system': (ctx) => postMessage(ctx, systemMessageDoc('Support desk closed this ticket.', ctx.now)),
  'message.post.withoutCounter': (ctx) => withoutCounter(postMessage(ctx)),
  'message.post.twoInOneBatch': (ctx) => {
    const first = postMessage(ctx) as BatchWrite;
    const second = { ...first.writes[0]!, path: `tickets/${ctx.ticketId}/messages/${ctx.newId}-2` } as DocumentWrite;
    return { method: 'batch', writes: [...first.writes, second] };
  },
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
  'note.add': (ctx) => addNote(ctx),
  'note.add.longest': (ctx) => addNote(ctx, 'n'.repeat(MESSAGE_MAX)),
  'note.add.blank': (ctx) => {
    const batch = addNote(ctx) as BatchWrite;
    const note = batch.writes[0]! as Extract<DocumentWrite, { method: 'create' }>;
    return { method: 'batch', writes: [{ ...note, data: { ...note.data, text: BLANK } }, ...batch.writes.slice(1)] };
  },
  'note.add.underAnotherName': (ctx) =>
    addNote(ctx, 'Refund approved.', ctx.actorUid === matrixPeople.agent.uid ? matrixPeople.admin.displayName : matrixPeople.agent.displayName),
  'note.add.onMissingTicket': (ctx) => addNote(ctx, 'Anyone there?', ctx.actorName, MISSING_TICKET),
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
  'readMarker.write.own': (ctx) => readMarkerWrite(ctx.ticketId, ctx.actorUid, ctx.now),
  'readMarker.write.onMissingTicket': (ctx) => readMarkerWrite(MISSING_TICKET, ctx.actorUid, ctx.now),
  'readMarker.write.someoneElses': (ctx) => readMarkerWrite(ctx.ticketId, someoneElse(ctx), ctx.now),
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

  // ---- rate-limit counters ----
  'rateLimit.read.own': (ctx) => ({ method: 'get', path: rateLimitPath(ctx.actorUid, 'messages') }),
  'rateLimit.write.someoneElses': (ctx) => ({
    method: 'set',
    transforms: { windowStart: serverTime },
    path: rateLimitPath(someoneElse(ctx), 'messages'),
    data: { windowStart: ctx.now, count: 1, lastPath: `tickets/${ctx.ticketId}/messages/${ctx.newId}` },
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
  'notification.markOwnersSeen': () => notificationsSeenWrites(matrixPeople.owner.uid, [seeded.notificationId]),
  'notification.rewriteOwners': () => ({
    method: 'update',
    path: `users/${matrixPeople.owner.uid}/notifications/${seeded.notificationId}`,
    data: { seen: true, text: 'You won a prize.' },
  }),
  'notification.create': (ctx) => ({
    method: 'create',
    path: `users/${ctx.actorUid}/notifications/${ctx.newId}`,
    data: { kind: 'new_ticket', ticketId: ctx.ticketId, text: 'Look at this.', createdAt: ctx.now, seen: false },
  }),

  // ---- the reports' stats ----
  'stats.read.desk': (ctx) => ({ method: 'get', path: `stats/${statsDocIds.deskMonth(statsMonth(ctx))}` }),
  'stats.read.summary': () => ({ method: 'get', path: `stats/${statsDocIds.summary}` }),
  'stats.read.agentsOwnRow': (ctx) => ({ method: 'get', path: `stats/${statsDocIds.agentMonth(matrixPeople.agent.uid, statsMonth(ctx))}` }),
  'stats.read.anotherAgentsRow': (ctx) => ({ method: 'get', path: `stats/${statsDocIds.agentMonth(retiredAgent.uid, statsMonth(ctx))}` }),
  'stats.read.notYetWritten': () => ({ method: 'get', path: `stats/${statsDocIds.agentMonth(retiredAgent.uid, '2020-01')}` }),
  'stats.list.desk': () => ({ method: 'list', collection: 'stats', where: [['scope', '==', 'desk']], limit: 100 }),
  'stats.list.ownAgentRows': () => ({
    method: 'list',
    collection: 'stats',
    where: [['scope', '==', 'agent'], ['agentUid', '==', matrixPeople.agent.uid]],
    limit: 100,
  }),
  'stats.list.everyAgentsRows': () => ({ method: 'list', collection: 'stats', where: [['scope', '==', 'agent']], limit: 100 }),
  'stats.write.summary': () => ({ method: 'update', path: `stats/${statsDocIds.summary}`, data: { total_tickets: 1000 } }),
  'stats.write.newDeskMonth': () => ({ method: 'create', path: `stats/${statsDocIds.deskMonth('2020-01')}`, data: { scope: 'desk', month: '2020-01', days: {} } }),
  'stats.ledger.read': (ctx) => ({ method: 'get', path: `statsLedger/${ctx.ticketId}` }),

  // ---- email to customers ----
  'mail.read': (ctx) => ({ method: 'get', path: `mail/${ctx.ticketId}-status-e1` }),
  'mail.list': () => ({ method: 'list', collection: 'mail', where: [], limit: 10 }),
  'mail.create': (ctx) => ({
    method: 'create',
    path: `mail/${ctx.newId}`,
    data: { to: 'someone@example.com', message: { subject: 'Free money', text: 'Click here', html: '<p>Click here</p>' } },
  }),
  'mail.log.read': (ctx) => ({ method: 'get', path: `mailLog/${ctx.ticketId}` }),
  // ---- canned replies ----
  'cannedReply.read': () => ({ method: 'get', path: `cannedReplies/${seeded.cannedReplyId}` }),
  'cannedReply.list': () => ({ method: 'list', collection: 'cannedReplies', where: [], limit: 200 }),
  'cannedReply.create.largest': (ctx) =>
    cannedReplyWrite(ctx.newId, {
      title: 't'.repeat(CANNED_TITLE_MAX),
      body: 'b'.repeat(CANNED_BODY_MAX),
      category: 'c'.repeat(60),
    }),
  'cannedReply.edit': () => cannedReplyWrite(seeded.cannedReplyId, { ...cannedGreeting, body: 'Hi {{customer.name}}!' }),
  'cannedReply.remove': () => cannedReplyRemoval(seeded.cannedReplyId),
  'cannedReply.create.tooLong': (ctx) =>
    cannedReplyWrite(ctx.newId, { ...cannedGreeting, body: 'b'.repeat(CANNED_BODY_MAX + 1) }),
  'cannedReply.create.blankTitle': (ctx) => cannedReplyWrite(ctx.newId, { ...cannedGreeting, title: BLANK }),
  'cannedReply.create.unknownField': (ctx) => ({
    method: 'set',
    path: `cannedReplies/${ctx.newId}`,
    data: { ...cannedGreeting, shortcut: 'hi' },
  }),

  // ---- presence ----
  'presence.read.ticket': (ctx) => ({ method: 'list', collection: `presence/${ctx.ticketId}/viewers`, where: [], limit: 100 }),
  'presence.read.everyTicket': () => ({ method: 'list', collection: 'viewers', collectionGroup: true, where: [], limit: 1000 }),
  'presence.beat.own': (ctx) =>
    presenceWrite({ uid: ctx.actorUid, ticketId: ctx.ticketId, displayName: ctx.actorName, activity: 'replying', heartbeatAt: ctx.now }),
  'presence.beat.asSomeoneElse': (ctx) =>
    presenceWrite({ uid: someoneElse(ctx), ticketId: ctx.ticketId, displayName: ctx.actorName, activity: 'viewing', heartbeatAt: ctx.now }),
  'presence.beat.ownWithClientTime': (ctx) => ({
    method: 'set',
    path: `presence/${ctx.ticketId}/viewers/${ctx.actorUid}`,
    data: { uid: ctx.actorUid, ticketId: ctx.ticketId, displayName: ctx.actorName, activity: 'viewing', heartbeatAt: new Date(ctx.now.getTime() + 3_600_000) },
  }),
  'presence.leave.own': (ctx) => presenceRemoval(ctx.ticketId, ctx.actorUid),

  // ---- desk configuration ----
  'config.read': () => ({ method: 'get', path: 'config/assignment' }),
  'config.write': () => ({ method: 'update', path: 'config/assignment', data: { strategy: 'manual' } }),
  'config.write.largestPool': () => ({
    method: 'update',
    path: 'config/assignment',
    data: { agentUids: Array.from({ length: ASSIGNMENT_POOL_MAX }, (_, i) => longestUid(i)), lastAssignedUid: longestUid(0) },
  }),
  'config.write.unknownStrategy': () => ({ method: 'update', path: 'config/assignment', data: { strategy: 'alphabetical' } }),
  'config.write.poolNotStrings': () => ({ method: 'update', path: 'config/assignment', data: { agentUids: [123, {}] } }),
  'config.write.poolWithAPath': () => ({ method: 'update', path: 'config/assignment', data: { agentUids: ['a/notifications/b'] } }),
  'config.write.poolTooLarge': () => ({
    method: 'update',
    path: 'config/assignment',
    data: { agentUids: Array.from({ length: ASSIGNMENT_POOL_MAX + 1 }, (_, i) => `agent-${i}`) },
  }),
  'config.write.unknownField': () => ({ method: 'update', path: 'config/assignment', data: { strategi: 'manual' } }),
  'config.sla.read': () => ({ method: 'get', path: 'config/sla' }),
  'config.sla.write': () => ({
    method: 'update',
    path: 'config/sla',
    data: { firstResponseHours: { critical: 0.5, low: SLA_HOURS_MAX }, resolutionHours: { high: 12 }, autoCloseDays: AUTO_CLOSE_DAYS_MAX },
  }),
  'config.sla.write.unknownPriority': () => ({ method: 'update', path: 'config/sla', data: { firstResponseHours: { urgent: 1 } } }),
  'config.sla.write.zeroHours': () => ({ method: 'update', path: 'config/sla', data: { resolutionHours: { low: 0 } } }),
  'config.sla.write.tooManyHours': () => ({ method: 'update', path: 'config/sla', data: { resolutionHours: { low: SLA_HOURS_MAX + 1 } } }),
  'config.sla.write.hoursAsText': () => ({ method: 'update', path: 'config/sla', data: { firstResponseHours: { high: '4' } } }),
  'config.sla.write.partDays': () => ({ method: 'update', path: 'config/sla', data: { autoCloseDays: 1.5 } }),
  'config.sla.write.noDays': () => ({ method: 'update', path: 'config/sla', data: { autoCloseDays: 0 } }),
  'config.sla.write.unknownField': () => ({ method: 'update', path: 'config/sla', data: { firstReplyHours: { high: 1 } } }),
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
/** Customers with a profile: a demoted agent is one now, and so is an agent whose email is not verified. */
const customers: readonly MatrixActor[] = ['owner', 'otherCustomer', 'demotedAgent', 'unverifiedAgent'];
const withProfile: readonly MatrixActor[] = [...customers, ...staff];
const signedIn: readonly MatrixActor[] = [...withProfile, 'newcomer'];

const refusedForAll = (operation: MatrixOperation, because: string, states: readonly TicketStatus[] = ['open']): MatrixEntry => ({
  operation,
  states,
  allowed: [],
  because,
});

export const matrix: readonly MatrixEntry[] = [
  { operation: 'ticket.read', states: everyState, allowed: ['owner', ...staff], because: 'customers see only their own tickets; staff see all' },
  {
    operation: 'ticket.read.notYetCreated',
    states: ['open'],
    allowed: signedIn,
    because: 'a missing ticket reveals nothing, and a tab listens to the ticket it just created',
  },
  {
    operation: 'ticket.create.own',
    states: ['open'],
    allowed: customers,
    because: 'customers with a profile open tickets for themselves; staff do not, and nor does an account without a profile',
  },
  refusedForAll('ticket.create.forSomeoneElse', 'a ticket belongs to whoever opens it'),
  refusedForAll('ticket.create.withNumber', 'only the numbering function sets numbers'),
  refusedForAll('ticket.create.notOpen', 'a new ticket starts open and unassigned'),
  refusedForAll('ticket.create.titleTooLong', 'titles are at most 200 characters'),
  refusedForAll('ticket.create.blankTitle', 'a title of spaces and zero-width marks is blank'),
  refusedForAll('ticket.create.blankDescription', 'a description of whitespace is blank'),
  refusedForAll('ticket.create.unknownCategory', 'the category is billing, technical, account or general'),
  refusedForAll('ticket.create.inSomeoneElsesName', "a ticket is written in its writer's own name (updatedBy)"),
  refusedForAll('ticket.create.underAnotherName', "a ticket carries its customer's profile name, never the desk's"),
  {
    operation: 'ticket.create.withAttachments',
    states: ['open'],
    allowed: customers,
    because: 'a customer attaches images and PDFs within the limits, one per slot',
  },
  {
    operation: 'ticket.create.fullAllowance',
    states: ['open'],
    allowed: customers,
    because: 'a ticket may carry 3 images of 3 MB and 2 PDFs of 5 MB, the longest names, within the rules\' expression budget',
  },
  {
    operation: 'ticket.create.largest',
    states: ['open'],
    allowed: customers,
    because: 'the longest title, description and customer name with every attachment slot filled is a legal ticket',
  },
  refusedForAll('ticket.create.attachmentTypeNotOfSlot', 'an image slot holds an image, a PDF slot a PDF'),
  refusedForAll('ticket.create.attachmentTooLarge', 'images are at most 3 MB, PDFs at most 5 MB'),
  refusedForAll('ticket.create.attachmentSlotTwice', 'each attachment slot holds one file'),
  refusedForAll('ticket.create.attachmentsOutOfOrder', 'attachments are listed in slot order'),
  {
    operation: 'ticket.create.followUpOfOwnClosed',
    states: ['open'],
    allowed: ['owner'],
    because: "a follow-up follows one of the customer's own closed or rejected tickets",
  },
  refusedForAll('ticket.create.followUpOfSomeoneElses', "a follow-up never names another customer's ticket"),
  refusedForAll('ticket.create.followUpOfOpenTicket', 'a follow-up follows a closed or rejected ticket, not an open one'),
  refusedForAll('ticket.create.followUpOfMissing', 'a follow-up follows a ticket that exists'),
  refusedForAll('ticket.create.followUpOfAPath', 'a follow-up names a ticket id, never a path'),
  {
    operation: 'ticket.create.withSuggestion',
    states: ['open'],
    allowed: customers,
    because: 'a ticket keeps what triage suggested and by whom, beside what the customer chose',
  },
  refusedForAll('ticket.create.halfASuggestion', 'a suggestion names a category, a priority and its source, or nothing'),
  refusedForAll('ticket.create.suggestionByUnknownSource', 'a suggestion is by the model or by the rules'),
  refusedForAll('ticket.create.suggestionOfUnknownPriority', 'a suggested priority is low, medium, high or critical'),
  refusedForAll('ticket.create.withoutCounter', "a new ticket counts against its customer's tickets an hour"),
  refusedForAll('ticket.create.twoInOneBatch', 'one counter step counts one ticket: a batch of tickets is refused'),
  {
    operation: 'tickets.list.mine',
    states: ['open'],
    allowed: signedIn,
    because: 'anyone signed in lists the tickets they opened',
  },
  { operation: 'tickets.list.queue', states: ['open'], allowed: staff, because: 'the queue of every ticket is for staff' },
  refusedForAll('ticket.changeSuggestion', 'what triage suggested is a record: nobody changes it, staff included', everyState),
  refusedForAll('ticket.delete', 'tickets are never deleted from the app (admins use the console)', everyState),
  refusedForAll('counter.write', 'only functions write counters'),

  {
    operation: 'user.create.own',
    states: ['open'],
    allowed: ['newcomer'],
    because: 'a new account creates its own profile, once, as a customer with the email it signed in with',
  },
  refusedForAll('user.create.withSomeoneElsesEmail', "a profile's email is the signed-in account's, not a new hire's"),
  refusedForAll('user.create.oversizedEmail', 'an email is at most 254 characters'),
  refusedForAll('user.create.reservedName', 'nobody goes by a name the desk itself writes under'),
  refusedForAll('user.create.asAgent', 'a new account starts as a customer'),
  { operation: 'user.renameSelf', states: ['open'], allowed: withProfile, because: 'people change their own name' },
  { operation: 'user.renameSelf.longest', states: ['open'], allowed: withProfile, because: 'a name may be 80 characters' },
  refusedForAll('user.renameSelf.tooLong', 'a name is at most 80 characters'),
  refusedForAll('user.renameSomeoneElse', "nobody renames someone else, not even an admin (admins change roles and the active flag only)"),
  refusedForAll('user.renameSelf.reserved', 'nobody renames themself to a name the desk writes under'),
  refusedForAll('user.renameSelf.untrimmed', 'a name starts and ends with a visible character'),
  refusedForAll('user.changeOwnEmail', "a profile's email is the account's and is not edited in the app"),
  refusedForAll('user.raiseOwnRole', 'nobody changes their own role'),
  { operation: 'user.setOthersRole', states: ['open'], allowed: ['admin'], because: "admins change other people's roles" },
  {
    operation: 'users.list',
    states: ['open'],
    allowed: staff,
    because: 'staff see the people of the desk a page at a time (to assign tickets); customers see only themselves',
  },
  refusedForAll('users.list.unbounded', 'a list of people asks for at most 101 at a time'),

  {
    operation: 'ticket.acceptAndTake',
    states: ['open'],
    allowed: staff,
    because: 'staff accept an open ticket and assign it; customers (and a demoted agent) do not',
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
    operation: 'ticket.rate',
    states: ['resolved'],
    allowed: ['owner'],
    because: 'the customer rates the help on their resolved ticket, and nobody else does',
  },
  refusedForAll('ticket.rate', 'the help is rated while the ticket is resolved: not before, not once closed', ['open', 'in_progress', 'closed', 'rejected']),
  { operation: 'ticket.rate.withoutComment', states: ['resolved'], allowed: ['owner'], because: 'the comment is optional' },
  { operation: 'ticket.rate.longestComment', states: ['resolved'], allowed: ['owner'], because: 'a comment may be 1000 characters' },
  refusedForAll('ticket.rate.commentTooLong', 'a comment is at most 1000 characters', ['resolved']),
  refusedForAll('ticket.rate.scoreOutOfRange', 'a score is from 1 to 5', ['resolved']),
  refusedForAll('ticket.rate.partScore', 'a score is a whole number', ['resolved']),
  refusedForAll('ticket.rate.anotherResolution', "a rating answers the ticket's latest resolution", ['resolved']),
  refusedForAll('ticket.rate.andReopen', 'a rating changes nothing else', ['resolved']),
  refusedForAll('ticket.reject.withoutReason', 'a rejection needs a reason', ['open', 'in_progress']),
  {
    operation: 'ticket.reject.withReason',
    states: ['open', 'in_progress'],
    allowed: staff,
    because: 'staff reject a ticket with a reason',
  },
  { operation: 'ticket.reject.longestReason', states: ['open'], allowed: staff, because: 'a rejection reason may be 500 characters' },
  refusedForAll('ticket.reject.reasonTooLong', 'a rejection reason is at most 500 characters'),
  refusedForAll('ticket.reject.blankReason', 'a rejection reason of spaces is no reason'),
  refusedForAll('ticket.reasonWithoutRejecting', 'a rejection reason comes only with the move to rejected', ['in_progress']),
  refusedForAll('ticket.backToOpen', 'no move leads out of closed or rejected (and none back to open), for anyone', chatLockedStates),
  { operation: 'ticket.changePriority', states: everyState, allowed: staff, because: 'staff set the priority; customers do not' },
  refusedForAll(
    'ticket.stampOnly',
    'a change of nothing but updatedAt/updatedBy is no change (it would bump the ticket up the queue and wake the trigger)',
    everyState,
  ),
  refusedForAll(
    'ticket.close.inSomeoneElsesName',
    "every change of a ticket is written in the writer's own name (updatedBy), even a legal one",
    ['resolved'],
  ),
  refusedForAll('ticket.unlockChat', 'only the functions lock and unlock the chat', ['closed']),
  { operation: 'ticket.assign.toAdmin', states: ['open'], allowed: staff, because: 'staff assign tickets to an active agent or admin' },
  refusedForAll('ticket.assign.toCustomer', 'tickets are never assigned to a customer'),
  refusedForAll('ticket.assign.toSwitchedOffAgent', 'tickets are never assigned to a switched-off account'),
  refusedForAll('ticket.assign.toUnknownUid', 'tickets are assigned only to someone with a profile'),
  refusedForAll('ticket.assign.toAPath', 'an assignee is a uid, never a path the functions would write under'),

  {
    operation: 'message.post.own',
    states: chatOpenStates,
    allowed: ['owner', ...staff],
    because: 'the customer and staff talk in the chat while it is open',
  },
  refusedForAll('message.post.own', 'closed and rejected tickets lock the chat for everyone', chatLockedStates),
  { operation: 'message.post.longest', states: ['open'], allowed: ['owner', ...staff], because: 'a message may be 4,000 characters' },
  refusedForAll('message.post.blank', 'a message of spaces and zero-width marks is blank'),
  refusedForAll('message.post.underAnotherName', 'a message carries its author\'s profile name: nobody posts as "Support desk"'),
  refusedForAll('message.post.asSomeoneElse', 'a message is posted as oneself'),
  refusedForAll('message.post.system', 'only the functions post system messages'),
  refusedForAll('message.post.withoutCounter', "a message counts against its writer's messages a minute"),
  refusedForAll('message.post.twoInOneBatch', 'one counter step counts one message: a batch of messages is refused'),
  refusedForAll('message.edit', 'messages are a record: nobody edits them'),
  {
    operation: 'messages.list',
    states: everyState,
    allowed: ['owner', ...staff],
    because: 'the chat is for the customer and staff',
  },
  { operation: 'notes.list', states: everyState, allowed: staff, because: 'internal notes are never readable by the customer' },
  { operation: 'note.read', states: ['open', 'closed'], allowed: staff, because: 'internal notes are never readable by the customer' },
  { operation: 'note.add', states: everyState, allowed: staff, because: 'staff write internal notes' },
  { operation: 'note.add.longest', states: ['open'], allowed: staff, because: 'a note may be 4,000 characters' },
  refusedForAll('note.add.blank', 'a note of spaces is blank'),
  refusedForAll('note.add.underAnotherName', "a note carries its author's profile name, not another agent's"),
  refusedForAll('note.add.onMissingTicket', 'notes are written on tickets that exist'),
  {
    operation: 'events.list',
    states: everyState,
    allowed: ['owner', ...staff],
    because: 'the history of a ticket is for the customer and staff',
  },
  refusedForAll('event.write', 'only the functions write the audit trail'),

  {
    operation: 'readMarker.write.own',
    states: ['open', 'closed'],
    allowed: ['owner', ...staff],
    because: 'whoever may read a ticket keeps their own read marker',
  },
  refusedForAll('readMarker.write.onMissingTicket', 'read markers are kept on tickets that exist'),
  refusedForAll('readMarker.write.someoneElses', "nobody writes someone else's read marker"),
  {
    operation: 'readMarkers.list.own',
    states: ['open'],
    allowed: signedIn,
    because: 'everyone signed in lists their own read markers (the unread dots)',
  },
  refusedForAll('readMarkers.list.someoneElses', 'read markers are private'),
  {
    operation: 'rateLimit.read.own',
    states: ['open'],
    allowed: signedIn,
    because: 'a client reads its own rate-limit counters to take the next step',
  },
  refusedForAll('rateLimit.write.someoneElses', "nobody steps someone else's rate-limit counter"),

  {
    operation: 'notifications.list.own',
    states: ['open'],
    allowed: signedIn,
    because: 'everyone signed in reads their own notifications',
  },
  refusedForAll('notifications.list.someoneElses', 'notifications are private'),
  {
    operation: 'notification.markOwnersSeen',
    states: ['open'],
    allowed: ['owner'],
    because: 'the owner of a notification marks it seen; nobody else',
  },
  refusedForAll('notification.rewriteOwners', 'a notification can only be marked seen'),
  refusedForAll('notification.create', 'only the functions send notifications'),

  { operation: 'stats.read.desk', states: ['open'], allowed: staff, because: "the desk's reports are for staff" },
  { operation: 'stats.read.summary', states: ['open'], allowed: staff, because: 'the summary is for staff' },
  {
    operation: 'stats.read.notYetWritten',
    states: ['open'],
    allowed: staff,
    because: 'staff may wait for a stats document nothing has been counted in yet',
  },
  { operation: 'stats.list.desk', states: ['open'], allowed: staff, because: "staff list the desk's stats of a range" },
  {
    operation: 'stats.read.agentsOwnRow',
    states: ['open'],
    allowed: staff,
    because: 'an agent reads their own row of the reports, an admin every row',
  },
  {
    operation: 'stats.list.ownAgentRows',
    states: ['open'],
    allowed: staff,
    because: 'an agent lists their own rows (the query names them), an admin anyone',
  },
  { operation: 'stats.read.anotherAgentsRow', states: ['open'], allowed: ['admin'], because: "only admins see another agent's row" },
  { operation: 'stats.list.everyAgentsRows', states: ['open'], allowed: ['admin'], because: 'only admins list every agent' },
  refusedForAll('stats.write.summary', 'only the functions write the stats'),
  refusedForAll('stats.write.newDeskMonth', 'only the functions write the stats'),
  refusedForAll('stats.ledger.read', 'what each ticket counts is the functions\' own bookkeeping'),

  refusedForAll('mail.read', "outgoing email holds customers' addresses: functions only"),
  refusedForAll('mail.list', "outgoing email holds customers' addresses: functions only"),
  refusedForAll('mail.create', 'the desk would send whatever a client wrote: only the functions queue email'),
  refusedForAll('mail.log.read', "when each ticket was last emailed is the functions' own bookkeeping"),
  { operation: 'cannedReply.read', states: ['open'], allowed: staff, because: 'staff read canned replies in the composer' },
  { operation: 'cannedReply.list', states: ['open'], allowed: staff, because: "the composer's picker lists every canned reply" },
  {
    operation: 'cannedReply.create.largest',
    states: ['open'],
    allowed: ['admin'],
    because: 'admins write canned replies, up to the longest title, body and category',
  },
  { operation: 'cannedReply.edit', states: ['open'], allowed: ['admin'], because: 'admins edit canned replies' },
  { operation: 'cannedReply.remove', states: ['open'], allowed: ['admin'], because: 'admins remove canned replies' },
  refusedForAll('cannedReply.create.tooLong', 'a canned reply is at most as long as a message'),
  refusedForAll('cannedReply.create.blankTitle', 'a canned reply has a title that shows'),
  refusedForAll('cannedReply.create.unknownField', 'a canned reply has no fields beyond its schema'),

  { operation: 'presence.read.ticket', states: ['open'], allowed: staff, because: 'staff see who else is on a ticket' },
  { operation: 'presence.read.everyTicket', states: ['open'], allowed: staff, because: "the queue's viewing marker is for staff" },
  { operation: 'presence.beat.own', states: ['open'], allowed: staff, because: 'staff write their own heartbeat, in server time' },
  refusedForAll('presence.beat.asSomeoneElse', "nobody writes another person's presence"),
  refusedForAll('presence.beat.ownWithClientTime', 'a heartbeat is the server\'s time, so no entry can outlive its expiry'),
  { operation: 'presence.leave.own', states: ['open'], allowed: staff, because: 'staff leave a ticket by removing their own entry' },

  { operation: 'config.read', states: ['open'], allowed: staff, because: 'the desk configuration is for staff' },
  { operation: 'config.write', states: ['open'], allowed: ['admin'], because: 'admins change the desk configuration' },
  {
    operation: 'config.write.largestPool',
    states: ['open'],
    allowed: ['admin'],
    because: 'a pool may name 100 agents by the longest uids',
  },
  refusedForAll('config.write.unknownStrategy', 'the assignment strategy is round_robin, random or manual'),
  refusedForAll('config.write.poolNotStrings', 'the pool is a list of uids, not numbers or maps'),
  refusedForAll('config.write.poolWithAPath', 'the pool names uids, never paths'),
  refusedForAll('config.write.poolTooLarge', 'the pool names at most 100 agents'),
  refusedForAll('config.write.unknownField', 'config/assignment has no fields beyond its schema (a typo would pass silently)'),
  { operation: 'config.sla.read', states: ['open'], allowed: staff, because: 'the service-level targets are for staff' },
  {
    operation: 'config.sla.write',
    states: ['open'],
    allowed: ['admin'],
    because: 'admins set the service-level targets: any priority, from a fraction of an hour to a year, and the auto-close days',
  },
  refusedForAll('config.sla.write.unknownPriority', 'targets are per priority: low, medium, high, critical'),
  refusedForAll('config.sla.write.zeroHours', 'a target is more than 0 hours'),
  refusedForAll('config.sla.write.tooManyHours', 'a target is at most a year of hours'),
  refusedForAll('config.sla.write.hoursAsText', 'a target is a number of hours'),
  refusedForAll('config.sla.write.partDays', 'auto-close waits whole days'),
  refusedForAll('config.sla.write.noDays', 'auto-close waits at least a day'),
  refusedForAll('config.sla.write.unknownField', 'config/sla has no fields beyond its schema (a typo would pass silently)'),
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

/** The role an actor acts with: what their profile says now (a demoted agent is a customer), staff only when verified. */
function actingRole(person: MatrixPerson | undefined): Role {
  if (!person) return 'customer';
  return person.profile === 'demoted' || !person.emailVerified ? 'customer' : person.role;
}

/** The context of a cell: who acts, on which ticket, when. */
export function matrixContext(actor: MatrixActor, ticketId: string, newId: string, now: Date): MatrixContext {
  const person = actor === 'signedOut' ? undefined : matrixPeople[actor];
  return {
    ticketId,
    actorUid: actorUid(actor),
    actorRole: actingRole(person),
    actorName: person?.displayName ?? 'Nobody',
    actorEmail: person?.email ?? 'nobody@example.com',
    newId,
    now,
    counters: new RateLimitCounters(actorUid(actor)),
  };
}

// ---- rate limits: cells that need a counter in a given state ----

/** A counter as seeded before a cell: its window relative to the cell's time, and its count. */
interface SeededCounter {
  readonly kind: RateLimitKind;
  /** Where the window starts: 'running' an hour ahead of now, so no cell can outlast it; 'over' two hours ago. */
  readonly window: 'running' | 'over';
  readonly count: number;
}

export interface RateLimitCase {
  readonly name: string;
  readonly counter: SeededCounter;
  /** The write, with the counter step the client takes from what it knows of the counter. */
  readonly request: (ctx: MatrixContext) => ClientRequest;
  readonly expected: 'allowed' | 'denied';
}

function seededCounterDoc(counter: SeededCounter, now: Date): RateLimitDoc {
  const hour = 60 * 60 * 1000;
  const windowStart = new Date(now.getTime() + (counter.window === 'running' ? hour : -2 * hour));
  return { windowStart, count: counter.count, lastPath: 'tickets/matrix-earlier/messages/seeded' };
}

/** The owner's counter as a driver seeds it for a rate-limit case. */
export function rateLimitSeed(counter: SeededCounter, now: Date): { path: string; data: DocData } {
  return { path: rateLimitPath(matrixPeople.owner.uid, counter.kind), data: seededCounterDoc(counter, now) };
}

/** The owner's context with their client knowing the seeded counter. */
export function rateLimitContext(ticketId: string, newId: string, counter: SeededCounter, now: Date): MatrixContext {
  const ctx = matrixContext('owner', ticketId, newId, now);
  ctx.counters.observe(counter.kind, seededCounterDoc(counter, now));
  return ctx;
}

/** One more in the running window whatever the client thinks: the server's cap is what is tested. */
function nextInWindow(ctx: MatrixContext, kind: RateLimitKind, request: ClientRequest): ClientRequest {
  const write = withoutCounter(request) as DocumentWrite;
  return {
    method: 'batch',
    writes: [
      write,
      { method: 'update', path: rateLimitPath(ctx.actorUid, kind), data: { lastPath: write.path }, transforms: { count: increment(1) } },
    ],
  };
}

/** A new window whatever the client thinks: the server's window is what is tested. */
function newWindow(ctx: MatrixContext, kind: RateLimitKind, request: ClientRequest): ClientRequest {
  const write = withoutCounter(request) as DocumentWrite;
  return {
    method: 'batch',
    writes: [
      write,
      {
        method: 'set',
        path: rateLimitPath(ctx.actorUid, kind),
        data: { windowStart: ctx.now, count: 1, lastPath: write.path },
        transforms: { windowStart: serverTime },
      },
    ],
  };
}

export const rateLimitCases: readonly RateLimitCase[] = [
  {
    name: 'the 30th message of a minute goes through',
    counter: { kind: 'messages', window: 'running', count: rateLimits.messages.max - 1 },
    request: (ctx) => postMessage(ctx),
    expected: 'allowed',
  },
  {
    name: 'the 31st message of a minute is refused',
    counter: { kind: 'messages', window: 'running', count: rateLimits.messages.max },
    request: (ctx) => nextInWindow(ctx, 'messages', postMessage({ ...ctx, counters: new RateLimitCounters(ctx.actorUid) })),
    expected: 'denied',
  },
  {
    name: 'a new window while the last one runs is refused',
    counter: { kind: 'messages', window: 'running', count: 3 },
    request: (ctx) => newWindow(ctx, 'messages', postMessage({ ...ctx, counters: new RateLimitCounters(ctx.actorUid) })),
    expected: 'denied',
  },
  {
    name: 'a full window that is over gives way to a new one',
    counter: { kind: 'messages', window: 'over', count: rateLimits.messages.max },
    request: (ctx) => postMessage(ctx),
    expected: 'allowed',
  },
  {
    name: 'the 20th ticket of an hour goes through',
    counter: { kind: 'tickets', window: 'running', count: rateLimits.tickets.max - 1 },
    request: (ctx) => openTicket(ctx),
    expected: 'allowed',
  },
  {
    name: 'the 21st ticket of an hour is refused',
    counter: { kind: 'tickets', window: 'running', count: rateLimits.tickets.max },
    request: (ctx) => nextInWindow(ctx, 'tickets', openTicket({ ...ctx, counters: new RateLimitCounters(ctx.actorUid) })),
    expected: 'denied',
  },
  {
    name: 'a counter step that skips a count is refused',
    counter: { kind: 'tickets', window: 'running', count: 3 },
    request: (ctx) => {
      const write = withoutCounter(openTicket({ ...ctx, counters: new RateLimitCounters(ctx.actorUid) })) as DocumentWrite;
      return {
        method: 'batch',
        writes: [write, { method: 'update', path: rateLimitPath(ctx.actorUid, 'tickets'), data: { lastPath: write.path }, transforms: { count: increment(2) } }],
      };
    },
    expected: 'denied',
  },
];

/**
 * What each driver provides: a way to seed (bypassing the rules, like an admin in the
 * console) and a way to carry out a request as one actor.
 */
export interface MatrixDriver {
  /** Seeds `seedDocuments` (people, a ticket owned by `owner` in `state`, …) and `extra`; returns the ticket id. */
  givenTicket(state: TicketStatus, extra?: readonly { path: string; data: DocData }[]): Promise<string>;
  /** Resolves if the request went through, rejects if it was refused. */
  attempt(actor: MatrixActor, request: ClientRequest): Promise<void>;
}
