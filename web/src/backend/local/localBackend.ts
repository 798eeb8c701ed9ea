import Dexie, { liveQuery } from 'dexie';
import {
  DomainError,
  MESSAGE_PAGE_SIZE,
  checkNewTicketDoc,
  newNoteDoc,
  rateLimitDocSchema,
  rateLimitKinds,
  NOTIFICATIONS_SHOWN,
  PEOPLE_QUERY_MAX,
  messageDocSchema,
  messageInputSchema,
  newMessageDoc,
  newTicketDoc,
  newTicketInputSchema,
  newUserDoc,
  noteDocSchema,
  notificationDocSchema,
  parseInput,
  rejectionReasonSchema,
  readMarkerSchema,
  signInInputSchema,
  signUpInputSchema,
  ticketDocSchema,
  ticketEventSchema,
  userDocSchema,
  type Actor,
  type AppNotification,
  type AttachmentSlot,
  type ChatMessage,
  type MessageInput,
  type NewTicketInput,
  type Note,
  type Priority,
  type RateLimits,
  type Role,
  type StatsRange,
  type StatsView,
  type Ticket,
  type TicketEventEntry,
  type TicketStatus,
  type UserProfile,
} from '@domain';
import type {
  AttachmentUpload,
  ChatPage,
  Connectivity,
  ListPage,
  OnError,
  PendingWrite,
  QueuePage,
  QueueQuery,
  ReadMarkers,
  Session,
  SupportBackend,
  TicketCreation,
  Unsubscribe,
  UploadProgress,
  UsersPage,
  UsersQuery,
} from '../port';
import { DEMO_PASSWORD, demoAccounts } from '../demoAccounts';
import { autoId } from './autoId';
import { writesOf, type WhereEquals, type WriteRequest } from '../clientRequest';
import { attachmentObjectUrl, storeAttachment } from './localAttachments';
import { rebuildLocalStats, watchLocalStats } from './localStats';
import { LocalClient } from './localClient';
import { RateLimitCounters } from '../rateLimitCounters';
import {
  attachmentRefsOf,
  newMessageWrites,
  newNoteWrites,
  newTicketWrites,
  notificationsSeenWrites,
  profileChangeWrite,
  readMarkerWrite,
  ticketChangeWrite,
  type TicketChange,
} from '../writes';
import { LocalDatabase, outboxTarget, type LimitRow, type TicketRow, type UserRow } from './localDatabase';
import { readQueuePage } from './localQueue';
import { localTriggers } from './localTriggers';
import { Outbox } from './outbox';
import type { SessionSlot } from './sessionSlot';

export interface LocalBackendOptions {
  readonly databaseName: string;
  readonly sessionSlot: SessionSlot;
  /** Follow the browser's online/offline events (default: true where `window` exists). */
  readonly followBrowserConnectivity?: boolean;
  /** The bench build raises the rate limits, to measure the pipeline rather than the cap. */
  readonly rateLimits?: RateLimits;
}


/** Index bounds for every entry of one parent (ticket or user), in time order. */
const everyTimeOf = (parent: string): [[string, unknown], [string, unknown]] => [
  [parent, Dexie.minKey],
  [parent, Dexie.maxKey],
];

const toTicket = (row: TicketRow): Ticket => ({ ...ticketDocSchema.parse(row), id: row.id });
const toProfile = (row: UserRow): UserProfile => ({ ...userDocSchema.parse(row), uid: row.uid });
const toSession = (user: UserRow): Session => ({
  uid: user.uid,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
});

/** Seeds the demo accounts into a new database. */
function seedDemoAccounts(db: LocalDatabase) {
  db.on('populate', async (tx) => {
    const now = new Date();
    for (const account of demoAccounts) {
      await tx.table('accounts').add({ uid: account.uid, email: account.email, password: DEMO_PASSWORD });
      await tx.table('users').add({ ...newUserDoc(account, now), role: account.role, uid: account.uid });
    }
    await tx.table('config').add({ id: 'assignment', strategy: 'round_robin', agentUids: [], lastAssignedUid: null });
  });
}

/**
 * The local backend: the whole product in the browser, persisted in IndexedDB and shared by
 * the tabs of one browser. It enforces the same rules as firestore.rules (LocalClient), runs
 * the same handlers as the Cloud Functions (localTriggers), and models the network (Outbox)
 * so that offline behaviour is testable without Google's emulators.
 */
export class LocalBackend implements SupportBackend {
  readonly kind = 'local';
  readonly demoAccounts = demoAccounts;
  readonly db: LocalDatabase;
  private readonly client: LocalClient;
  private readonly triggers: ReturnType<typeof localTriggers>;
  private readonly outbox: Outbox;
  private user: UserRow | null = null;
  private readonly sessionListeners = new Set<(session: Session | null) => void>();
  private stopWatchingUser: Unsubscribe = () => {};
  /** The signed-in user's rate-limit counters, as this tab knows them. */
  private counters: RateLimitCounters | null = null;
  private lastTime = 0;
  /** Documents read, as Firestore would bill them: what `npm run bench` reports. */
  readonly stats = { messageDocsRead: 0, ticketDocsRead: 0, statsDocsRead: 0, chatWindow: 0 };
  /** Settles once the stored session (if any) is loaded. */
  readonly ready: Promise<void>;

  constructor(private readonly options: LocalBackendOptions) {
    this.db = new LocalDatabase(options.databaseName);
    seedDemoAccounts(this.db);
    this.client = new LocalClient(this.db, () => this.actor(), options.rateLimits);
    this.triggers = localTriggers(this.db);
    const browser = typeof window !== 'undefined' && (options.followBrowserConnectivity ?? true);
    this.outbox = new Outbox(
      this.db,
      this.client,
      async (uid) => {
        const user = await this.db.users.get(uid);
        return user && user.active ? { uid, role: user.role } : null;
      },
      () => this.user?.uid ?? null,
      (request, before, actorUid) => this.track(this.triggers.afterDelivery(request, before, actorUid)),
      () => this.now(),
      browser ? navigator.onLine : true,
    );
    if (browser) {
      window.addEventListener('online', () => this.setOnline(true));
      window.addEventListener('offline', () => this.setOnline(false));
    }
    this.ready = this.becomeUser(options.sessionSlot.read()).then(() =>
      this.triggers.catchUp().catch(logTriggerFailure),
    );
  }

  // ---- connectivity ----

  /** Goes offline or online (the browser's events call this; so do tests). */
  setOnline(online: boolean) {
    this.outbox.setOnline(online);
  }

  subscribeConnectivity(onData: (state: Connectivity) => void): Unsubscribe {
    onData(this.outbox.connectivity());
    return this.outbox.onChange(() => onData(this.outbox.connectivity()));
  }

  /**
   * A client write, through the outbox: delivered at once when online, kept (across reloads)
   * and delivered in order when back online. Transforms resolve on delivery.
   */
  private write(request: WriteRequest): Promise<void> {
    return this.outbox.submit(request, this.requireUser().uid);
  }

  /** Triggers still running, so that closing waits for them rather than cutting them off. */
  private readonly runningTriggers = new Set<Promise<void>>();
  private track(trigger: Promise<void>): Promise<void> {
    const settled = trigger.catch(logTriggerFailure).finally(() => this.runningTriggers.delete(settled));
    this.runningTriggers.add(settled);
    return settled;
  }

  private pending(id: string, committed: Promise<void>): PendingWrite {
    committed.catch(() => {}); // the caller decides whether to listen; never unhandled
    return { id, committed };
  }

  // ---- session ----

  private actor(): Actor | null {
    return this.user && this.user.active ? { uid: this.user.uid, role: this.user.role } : null;
  }

  /** Dates strictly increase within a tab, so "newest first" is never a tie. */
  private now(): Date {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return new Date(this.lastTime);
  }

  private requireUser(): UserRow {
    if (!this.user) throw new DomainError('unauthenticated', 'Sign in first.');
    return this.user;
  }

  private requireCounters(): RateLimitCounters {
    if (!this.counters) throw new DomainError('unauthenticated', 'Sign in first.');
    return this.counters;
  }

  private emitSession() {
    const session = this.user ? toSession(this.user) : null;
    for (const listener of this.sessionListeners) listener(session);
  }

  /** Signs this tab in as `uid` (or out) and follows that user's row, so role changes show live. */
  private async becomeUser(uid: string | null): Promise<void> {
    this.stopWatchingUser();
    this.counters = null;
    this.options.sessionSlot.write(uid);
    this.user = uid ? ((await this.db.users.get(uid)) ?? null) : null;
    if (uid && !this.user) this.options.sessionSlot.write(null);
    this.emitSession();
    this.outbox.resume();
    if (!this.user) return;
    const subscription = liveQuery(() => this.db.users.get(uid!)).subscribe({
      next: (row) => {
        this.user = row ?? null;
        this.emitSession();
      },
    });
    const counters = new RateLimitCounters(uid!, this.options.rateLimits);
    this.counters = counters;
    // Known before the first write of this tab (a tab opened after another sent already
    // continues that window), then followed.
    const counterQuery = () => this.db.limits.where('id').startsWith(`${uid}/`).toArray();
    observeCounterRows(counters, uid!, await counterQuery());
    const counterRows = liveQuery(counterQuery).subscribe({ next: (rows) => observeCounterRows(counters, uid!, rows) });
    this.stopWatchingUser = () => {
      subscription.unsubscribe();
      counterRows.unsubscribe();
    };
  }

  subscribeSession(onChange: (session: Session | null) => void): Unsubscribe {
    this.sessionListeners.add(onChange);
    void this.ready.then(() => {
      if (this.sessionListeners.has(onChange)) onChange(this.user ? toSession(this.user) : null);
    });
    return () => void this.sessionListeners.delete(onChange);
  }

  async signIn(input: { email: string; password: string }): Promise<void> {
    const { email, password } = parseInput(signInInputSchema, input);
    const account = await this.db.accounts.where('email').equals(email.toLowerCase()).first();
    if (!account || account.password !== password) {
      throw new DomainError('unauthenticated', 'That email and password do not match an account.');
    }
    await this.becomeUser(account.uid);
  }

  async signUp(input: { displayName: string; email: string; password: string }): Promise<void> {
    const { displayName, email, password } = parseInput(signUpInputSchema, input);
    const normalized = email.toLowerCase();
    if (await this.db.accounts.where('email').equals(normalized).count()) {
      throw new DomainError('invalid-argument', `There is already an account for ${normalized}; sign in instead.`);
    }
    const uid = autoId();
    await this.db.transaction('rw', this.db.accounts, this.db.users, async () => {
      await this.db.accounts.add({ uid, email: normalized, password });
      await this.db.users.add({ ...newUserDoc({ email: normalized, displayName }, this.now()), uid });
    });
    await this.becomeUser(uid);
  }

  async switchAccount(uid: string): Promise<void> {
    if (!(await this.db.users.get(uid))) throw new DomainError('not-found', 'No such demo account.');
    await this.becomeUser(uid);
  }

  async signOut(): Promise<void> {
    await this.becomeUser(null);
  }

  // ---- tickets ----

  createTicket(
    input: NewTicketInput,
    attachments: readonly AttachmentUpload[] = [],
    onProgress: UploadProgress = () => {},
  ): TicketCreation {
    const parsed = parseInput(newTicketInputSchema, input);
    const user = this.requireUser();
    const id = autoId();
    const now = this.now();
    const doc = newTicketDoc(parsed, user, now, attachmentRefsOf(attachments));
    // Refused at once, before anything is queued: what the rules would refuse later anyway.
    const decision = checkNewTicketDoc({ uid: user.uid, role: user.role }, doc);
    if (!decision.allowed) throw new DomainError('permission-denied', decision.reason);
    const committed = this.write(newTicketWrites(id, doc, this.requireCounters(), now));
    const uploaded = committed.then(async () => {
      for (const upload of attachments) {
        await storeAttachment(this.db, user.uid, id, upload, (fraction) => onProgress(upload.slot, fraction));
      }
    });
    uploaded.catch(() => {});
    return { ...this.pending(id, committed), uploaded };
  }

  attachmentUrl(ticketId: string, slot: AttachmentSlot): Promise<string> {
    return attachmentObjectUrl(this.db, this.actor(), ticketId, slot);
  }

  /**
   * Tickets this user opened that the "server" does not have yet: shown at once (as
   * `#pending`), as Firestore's cache shows its pending writes.
   */
  private async queuedTickets(viewer: string): Promise<TicketRow[]> {
    const queued = await this.queuedCreates(viewer, 'tickets');
    return queued
      .filter(({ row }) => row.state !== 'failed')
      .map(({ path, data }) => ({ ...ticketDocSchema.parse(data), id: path.slice('tickets/'.length) }));
  }

  /**
   * Documents this user's queued writes create in one collection (batches included), with
   * the queue entry that carries each. Reads (and so wakes for) those entries only.
   */
  private async queuedCreates(viewer: string, collection: string) {
    const rows = await this.db.outbox.where('targets').equals(outboxTarget(viewer, collection)).toArray();
    const prefix = `${collection}/`;
    return rows.flatMap((row) =>
      writesOf(row.request).flatMap((write) =>
        write.method === 'create' && write.path.startsWith(prefix) && !write.path.slice(prefix.length).includes('/')
          ? [{ row, path: write.path, data: write.data }]
          : [],
      ),
    );
  }

  subscribeTicket(id: string, onData: (ticket: Ticket | null) => void, onError: OnError): Unsubscribe {
    const viewer = this.user?.uid ?? '';
    return this.client.watch(
      { method: 'get', path: `tickets/${id}` },
      async () => (await this.db.tickets.get(id)) ?? (await this.queuedTickets(viewer)).find((t) => t.id === id),
      (row) => onData(row ? toTicket(row) : null),
      onError,
    );
  }

  subscribeMyTickets(limit: number, onData: (page: ListPage<Ticket>) => void, onError: OnError): Unsubscribe {
    const viewer = this.user?.uid ?? '';
    const where: WhereEquals[] = [['customerUid', '==', viewer]];
    return this.client.watch(
      { method: 'list', collection: 'tickets', where, limit: limit + 1 },
      async () => {
        const rows = await this.client.listTickets(where, limit + 1);
        const stored = new Set(rows.map((row) => row.id));
        const queued = (await this.queuedTickets(viewer)).filter((row) => !stored.has(row.id));
        return [...queued, ...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      },
      (rows) => onData({ items: rows.slice(0, limit).map(toTicket), hasMore: rows.length > limit }),
      onError,
    );
  }

  subscribeQueue(query: QueueQuery, onData: (page: QueuePage) => void, onError: OnError): Unsubscribe {
    const viewer = this.user?.uid ?? '';
    return this.client.watch(
      { method: 'list', collection: 'tickets', where: [], limit: query.pageSize + 1 },
      () =>
        readQueuePage(this.db, query.filter, viewer, query.cursor, query.pageSize, () => this.stats.ticketDocsRead++),
      ({ rows, nextCursor }) => onData({ items: rows.map(toTicket), nextCursor }),
      onError,
    );
  }

  subscribeTicketEvents(ticketId: string, onData: (events: TicketEventEntry[]) => void, onError: OnError) {
    return this.client.watch(
      { method: 'list', collection: `tickets/${ticketId}/events`, where: [], limit: 500 },
      () => this.db.events.where('[ticketId+at]').between(...everyTimeOf(ticketId)).toArray(),
      (rows) => onData(rows.map((row) => ({ ...ticketEventSchema.parse(row), id: row.id }))),
      onError,
    );
  }

  // ---- staff actions ----

  /** A client update of a ticket; the update trigger then audits, stamps and notifies. */
  /** Every client change says who made it (updatedBy), as the rules require. */
  private changeTicket(ticketId: string, change: TicketChange): PendingWrite {
    return this.pending(ticketId, this.write(ticketChangeWrite(ticketId, change, this.requireUser().uid, this.now())));
  }

  acceptTicket(ticketId: string): PendingWrite {
    return this.changeTicket(ticketId, { status: 'in_progress', assigneeUid: this.requireUser().uid });
  }

  rejectTicket(ticketId: string, reason: string): PendingWrite {
    const trimmed = parseInput(rejectionReasonSchema, reason);
    return this.changeTicket(ticketId, { status: 'rejected', rejectionReason: trimmed });
  }

  changeStatus(ticketId: string, to: TicketStatus): PendingWrite {
    return this.changeTicket(ticketId, { status: to });
  }

  setPriority(ticketId: string, priority: Priority): PendingWrite {
    return this.changeTicket(ticketId, { priority });
  }

  assignTicket(ticketId: string, assigneeUid: string | null): PendingWrite {
    return this.changeTicket(ticketId, { assigneeUid });
  }

  // ---- people ----

  subscribeStaff(onData: (staff: UserProfile[]) => void, onError: OnError): Unsubscribe {
    return this.client.watch(
      { method: 'list', collection: 'users', where: [], limit: PEOPLE_QUERY_MAX },
      () => this.db.users.where('role').anyOf(['agent', 'admin']).sortBy('displayName'),
      (rows) => onData(rows.map(toProfile)),
      onError,
    );
  }

  subscribeUsers({ cursor, pageSize }: UsersQuery, onData: (page: UsersPage) => void, onError: OnError): Unsubscribe {
    const size = Math.min(pageSize, PEOPLE_QUERY_MAX - 1);
    return this.client.watch(
      { method: 'list', collection: 'users', where: [], limit: size + 1 },
      // Emails are unique per account: "after this email" is "after this person".
      () => (cursor ? this.db.users.where('email').above(cursor.email) : this.db.users.orderBy('email')).limit(size + 1).toArray(),
      (rows) => {
        const items = rows.slice(0, size).map(toProfile);
        const last = items.at(-1);
        onData({ items, nextCursor: rows.length > size && last ? { email: last.email, uid: last.uid } : null });
      },
      onError,
    );
  }

  setUserRole(uid: string, role: Role): PendingWrite {
    return this.pending(uid, this.write(profileChangeWrite(uid, { role })));
  }

  setUserActive(uid: string, active: boolean): PendingWrite {
    return this.pending(uid, this.write(profileChangeWrite(uid, { active })));
  }

  subscribeStats(range: StatsRange, onData: (view: StatsView) => void, onError: OnError): Unsubscribe {
    const viewer = this.user ? { uid: this.user.uid, role: this.user.role } : null;
    return watchLocalStats(this.client, this.db, viewer, range, onData, onError, (n) => (this.stats.statsDocsRead += n));
  }

  /** Admins: recompute the reports' stats from the tickets (the rebuildStats callable, locally). */
  rebuildStats() {
    return rebuildLocalStats(this.db, this.user ? { uid: this.user.uid, role: this.user.role } : null);
  }

  subscribeNotifications(onData: (items: AppNotification[]) => void, onError: OnError): Unsubscribe {
    const uid = this.user?.uid ?? '';
    return this.client.watch(
      { method: 'list', collection: `users/${uid}/notifications`, where: [], limit: NOTIFICATIONS_SHOWN },
      () =>
        this.db.notifications
          .where('[uid+createdAt]')
          .between(...everyTimeOf(uid))
          .reverse()
          .limit(NOTIFICATIONS_SHOWN)
          .toArray(),
      (rows) => onData(rows.map((row) => ({ ...notificationDocSchema.parse(row), id: row.id }))),
      onError,
    );
  }

  markNotificationsSeen(ids: readonly string[]): PendingWrite {
    const uid = this.requireUser().uid;
    return this.pending(uid, this.write(notificationsSeenWrites(uid, ids)));
  }

  // ---- chat ----

  subscribeChat(ticketId: string, olderPages: number, onData: (page: ChatPage) => void, onError: OnError): Unsubscribe {
    const limit = MESSAGE_PAGE_SIZE * (1 + olderPages);
    const viewer = this.user?.uid ?? '';
    const prefix = `tickets/${ticketId}/messages/`;
    return this.client.watch(
      { method: 'list', collection: `tickets/${ticketId}/messages`, where: [], limit },
      async () => ({
        // The newest `limit`, no more: a full window is what says older ones may exist.
        rows: await this.db.messages.where('[ticketId+createdAt]').between(...everyTimeOf(ticketId)).reverse().limit(limit).toArray(),
        // This user's messages the "server" does not have yet (or refused), as Firestore's
        // cache shows pending writes; other people's pending writes are theirs alone.
        queued: await this.queuedCreates(viewer, `tickets/${ticketId}/messages`),
      }),
      ({ rows, queued }) => {
        this.stats.messageDocsRead += rows.length;
        this.stats.chatWindow = rows.length;
        const onServer = new Set(rows.map((row) => row.id));
        const sent: ChatMessage[] = rows.map((row) => ({ ...messageDocSchema.parse(row), id: row.id, delivery: 'sent' as const }));
        const waiting: ChatMessage[] = queued
          .map(({ row, path, data }) => ({ row, data, id: path.slice(prefix.length) }))
          .filter(({ id }) => !onServer.has(id))
          .map(({ row, data, id }) => ({
            ...messageDocSchema.parse(data),
            id,
            delivery: row.state === 'failed' ? ('failed' as const) : ('sending' as const),
          }));
        const messages = [...sent.reverse(), ...waiting].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
        onData({ messages, hasOlder: rows.length === limit });
      },
      onError,
    );
  }

  sendMessage(ticketId: string, input: MessageInput): PendingWrite {
    const { text } = parseInput(messageInputSchema, input);
    const user = this.requireUser();
    const id = autoId();
    // createdAt here is the estimate the chat shows while sending; delivery stamps the real one.
    const now = this.now();
    const message = newMessageDoc({ text }, user, now);
    return this.pending(id, this.write(newMessageWrites(ticketId, id, message, this.requireCounters(), now)));
  }

  retryMessage(ticketId: string, messageId: string): PendingWrite {
    const path = `tickets/${ticketId}/messages/${messageId}`;
    const committed = this.db.outbox
      .where('targets')
      .equals(outboxTarget(this.requireUser().uid, `tickets/${ticketId}/messages`))
      .filter((row) => row.state === 'failed' && writesOf(row.request).some((write) => write.path === path))
      .first()
      .then((row) => {
        const message = row && writesOf(row.request).find((write) => write.path === path);
        if (!row || !message || message.method !== 'create') throw new DomainError('not-found', 'That message was already sent.');
        // A fresh rate-limit step: the one sent with the refused attempt may be out of date.
        const now = this.now();
        const again = newMessageWrites(ticketId, messageId, messageDocSchema.parse(message.data), this.requireCounters(), now);
        return this.outbox.retry(row.seq!, again);
      });
    return this.pending(messageId, committed);
  }

  subscribeNotes(ticketId: string, onData: (notes: Note[]) => void, onError: OnError): Unsubscribe {
    return this.client.watch(
      { method: 'list', collection: `tickets/${ticketId}/notes`, where: [], limit: 500 },
      () => this.db.notes.where('[ticketId+createdAt]').between(...everyTimeOf(ticketId)).toArray(),
      (rows) => onData(rows.map((row) => ({ ...noteDocSchema.parse(row), id: row.id }))),
      onError,
    );
  }

  addNote(ticketId: string, input: MessageInput): PendingWrite {
    const { text } = parseInput(messageInputSchema, input);
    const user = this.requireUser();
    const id = autoId();
    const now = this.now();
    const note = newNoteDoc({ text }, user, now);
    return this.pending(id, this.write(newNoteWrites(ticketId, id, note, this.requireCounters(), now)));
  }

  subscribeReadMarkers(onData: (markers: ReadMarkers) => void, onError: OnError): Unsubscribe {
    const uid = this.user?.uid ?? '';
    return this.client.watch(
      { method: 'list', collection: 'reads', where: [['uid', '==', uid]], limit: 10_000 },
      () => this.db.reads.where('uid').equals(uid).toArray(),
      (rows) => onData(new Map(rows.map((row) => [row.ticketId, readMarkerSchema.parse(row).lastReadAt]))),
      onError,
    );
  }

  /**
   * One pending marker per ticket: a marker still waiting in line (offline, or behind other
   * writes) takes the newer time instead of queuing another write and another trigger run.
   */
  markRead(ticketId: string): PendingWrite {
    const uid = this.requireUser().uid;
    const request = readMarkerWrite(ticketId, uid, this.now());
    const sameMarker = (queued: WriteRequest) => queued.method === 'set' && queued.path === request.path;
    return this.pending(ticketId, this.outbox.submitOrReplace(request, uid, sameMarker));
  }

  /** Closes the database once running triggers finish (tests; a closing tab does it by itself). */
  async close() {
    this.stopWatchingUser();
    this.outbox.close();
    await this.ready;
    await this.outbox.idle();
    while (this.runningTriggers.size > 0) await Promise.all([...this.runningTriggers]);
    this.db.close();
  }
}

/** The stored counters of one user into what this tab knows of them. */
function observeCounterRows(counters: RateLimitCounters, uid: string, rows: readonly LimitRow[]): void {
  for (const kind of rateLimitKinds) {
    const row = rows.find((candidate) => candidate.id === `${uid}/${kind}`);
    const parsed = rateLimitDocSchema.safeParse(row && { windowStart: row.windowStart, count: row.count, lastPath: row.lastPath });
    counters.observe(kind, parsed.success ? parsed.data : undefined);
  }
}

function logTriggerFailure(error: unknown) {
  console.error('A local trigger failed; it runs again when the app next starts.', error);
}
