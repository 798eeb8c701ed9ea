import {
  DomainError,
  checkNewTicketDoc,
  cannedReplyInputSchema,
  messageDocSchema,
  messageInputSchema,
  newMessageDoc,
  newNoteDoc,
  newTicketDoc,
  newTicketInputSchema,
  parseInput,
  rejectionReasonSchema,
  satisfactionChange,
  renameInputSchema,
  type AttachmentSlot,
  type CannedReplyInput,
  type PresenceActivity,
  type ChangePasswordInput,
  type MessageInput,
  type NewTicketInput,
  type Priority,
  type RateLimits,
  type SatisfactionInput,
  type Ticket,
  type Role,
  type SignInInput,
  type SignUpInput,
  type TicketStatus,
  type TriageInput,
  type TriageSuggestion,
} from '@domain';
import type {
  AttachmentUpload,
  Connectivity,
  DemoMail,
  PendingWrite,
  Session,
  SupportBackend,
  TicketCreation,
  Unsubscribe,
  UploadProgress,
} from '../port';
import { demoAccounts } from '../demoAccounts';
import { autoId } from './autoId';
import type { WriteRequest } from '../clientRequest';
import { seedDemoAccounts } from './demoSeed';
import { attachmentObjectUrl, storeAttachment } from './localAttachments';
import { LocalClient } from './localClient';
import { isEmailVerified } from './localAccounts';
import {
  attachmentRefsOf,
  cannedReplyRemoval,
  cannedReplyWrite,
  newMessageWrites,
  presenceRemoval,
  presenceWrite,
  newNoteWrites,
  newTicketWrites,
  notificationsSeenWrites,
  profileChangeWrite,
  readMarkerWrite,
  renameSelfWrite,
  ticketChangeWrite,
  type TicketChange,
} from '../writes';
import { LocalDatabase } from './localDatabase';
import { localReads, type LocalReads, type ReadStats } from './localReads';
import { rebuildLocalStats, watchLocalStats } from './localStats';
import { LocalSession } from './localSession';
import { localTriggers } from './localTriggers';
import { Outbox } from './outbox';
import { suggestTriageLocally } from './localTriage';
import { RunningTriggers, logTriggerFailure } from './runningTriggers';
import type { SessionSlot } from './sessionSlot';
import { tabClock } from './tabClock';
import { LocalSchedule } from './localSchedule';

const LOCAL_SCHEDULE_EVERY_MS = 30_000;
import { failedMessage } from './unsentWrites';

export interface LocalBackendOptions {
  readonly databaseName: string;
  readonly sessionSlot: SessionSlot;
  /** Follow the browser's online/offline events (default: true where `window` exists). */
  readonly followBrowserConnectivity?: boolean;
  /** The bench build raises the rate limits, to measure the pipeline rather than the cap. */
  readonly rateLimits?: RateLimits;
  /** How often the scheduled functions' handlers run (default: every 30 seconds; tests go faster). */
  readonly scheduleEveryMs?: number;
}

/**
 * The local backend: the whole product in the browser, persisted in IndexedDB and shared by
 * the tabs of one browser. It enforces the same rules as firestore.rules (LocalClient), runs
 * the same handlers as the Cloud Functions (localTriggers), and models the network (Outbox)
 * so that offline behaviour is testable without Google's emulators.
 *
 * This class holds the commands: each turns into the request writes.ts builds and goes
 * through the outbox. The session (localSession.ts), the subscriptions (localReads.ts, with
 * the display of unsent writes from unsentWrites.ts) and the demo seeding (demoSeed.ts) are
 * their own modules.
 */
export class LocalBackend implements SupportBackend {
  readonly kind = 'local';
  readonly demoAccounts = demoAccounts;
  readonly db: LocalDatabase;
  private readonly client: LocalClient;
  private readonly triggers: ReturnType<typeof localTriggers>;
  private readonly outbox: Outbox;
  private readonly runningTriggers = new RunningTriggers();
  private readonly session: LocalSession;
  private readonly reads: LocalReads;
  private readonly now = tabClock();
  private readonly schedule: LocalSchedule;
  /** Documents read, as Firestore would bill them: what `npm run bench` reports. */
  readonly stats: ReadStats = { messageDocsRead: 0, ticketDocsRead: 0, statsDocsRead: 0, chatWindow: 0 };
  /** Settles once the stored session (if any) is loaded. */
  readonly ready: Promise<void>;

  constructor(options: LocalBackendOptions) {
    this.db = new LocalDatabase(options.databaseName);
    seedDemoAccounts(this.db);
    this.session = new LocalSession({
      db: this.db,
      sessionSlot: options.sessionSlot,
      rateLimits: options.rateLimits,
      now: this.now,
      onUserChanged: () => this.outbox.resume(),
    });
    this.client = new LocalClient(this.db, () => this.session.actor(), options.rateLimits);
    this.triggers = localTriggers(this.db);
    const browser = typeof window !== 'undefined' && (options.followBrowserConnectivity ?? true);
    this.outbox = new Outbox(
      this.db,
      this.client,
      async (uid) => {
        const user = await this.db.users.get(uid);
        return user && user.active ? { uid, role: user.role, emailVerified: await isEmailVerified(this.db, uid) } : null;
      },
      () => this.session.uid(),
      (delivered, actorUid) => this.runningTriggers.track(this.triggers.afterDeliveries(delivered, actorUid)),
      this.now,
      browser ? navigator.onLine : true,
    );
    this.reads = localReads(this.db, this.client, () => this.session.uid(), this.stats);
    if (browser) {
      window.addEventListener('online', () => this.setOnline(true));
      window.addEventListener('offline', () => this.setOnline(false));
    }
    this.schedule = new LocalSchedule(
      () => this.runningTriggers.track(this.triggers.scheduled()),
      options.scheduleEveryMs ?? LOCAL_SCHEDULE_EVERY_MS,
    );
    this.ready = this.session.become(options.sessionSlot.read()).then(() => {
      this.schedule.start();
      return this.triggers.catchUp().catch(logTriggerFailure);
    });
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

  suggestTriage(input: TriageInput): Promise<TriageSuggestion> {
    return suggestTriageLocally(input);
  }

  /**
   * A client write, through the outbox: delivered at once when online, kept (across reloads)
   * and delivered in order when back online. Transforms resolve on delivery.
   */
  private write(request: WriteRequest): Promise<void> {
    return this.outbox.submit(request, this.session.requireUser().uid);
  }

  private pending(id: string, committed: Promise<void>): PendingWrite {
    committed.catch(() => {}); // the caller decides whether to listen; never unhandled
    return { id, committed };
  }

  // ---- session (localSession.ts) ----

  subscribeSession = (onChange: (session: Session | null) => void): Unsubscribe => this.session.subscribe(onChange, this.ready);
  signIn = (input: SignInInput): Promise<void> => this.session.signIn(input);
  signUp = (input: SignUpInput): Promise<void> => this.session.signUp(input);
  switchAccount = (uid: string): Promise<void> => this.session.switchAccount(uid);
  signOut = (): Promise<void> => this.session.signOut();

  // ---- accounts (localAccounts.ts) ----

  readonly signInProviders = [] as const;
  signInWith(): Promise<void> {
    const why = 'Sign-in with Google needs the Firebase backend. Here, use a demo account or an email and password.';
    return Promise.reject(new DomainError('failed-precondition', why));
  }
  sendPasswordReset = (email: string) => this.session.accounts.sendPasswordReset(email);
  confirmPasswordReset = (code: string, password: string) => this.session.accounts.confirmPasswordReset(code, password);
  confirmEmail = (code: string) => this.session.accounts.confirmEmail(code);
  sendEmailVerification = () => this.session.accounts.sendEmailVerification(this.session.requireUser().uid);
  /** The account row is followed live: nothing to fetch. */
  reloadAccount = () => Promise.resolve();
  changePassword = (input: ChangePasswordInput) => this.session.accounts.changePassword(this.session.requireUser().uid, input);
  sessionEndReason = () => this.session.endReason();
  subscribeDemoMailbox = (onData: (mails: DemoMail[]) => void) => this.session.accounts.subscribeDemoMailbox(onData);
  signOutEverywhere = () => this.session.signOutEverywhere();
  renameSelf(displayName: string): PendingWrite {
    const input = parseInput(renameInputSchema, { displayName });
    const uid = this.session.requireUser().uid;
    return this.pending(uid, this.write(renameSelfWrite(uid, input.displayName)));
  }

  // ---- subscriptions (localReads.ts) ----

  subscribeTicket: LocalReads['subscribeTicket'] = (...args) => this.reads.subscribeTicket(...args);
  subscribeMyTickets: LocalReads['subscribeMyTickets'] = (...args) => this.reads.subscribeMyTickets(...args);
  subscribeQueue: LocalReads['subscribeQueue'] = (...args) => this.reads.subscribeQueue(...args);
  subscribeTicketEvents: LocalReads['subscribeTicketEvents'] = (...args) => this.reads.subscribeTicketEvents(...args);
  subscribeStaff: LocalReads['subscribeStaff'] = (...args) => this.reads.subscribeStaff(...args);
  subscribeUsers: LocalReads['subscribeUsers'] = (...args) => this.reads.subscribeUsers(...args);
  subscribeNotifications: LocalReads['subscribeNotifications'] = (...args) => this.reads.subscribeNotifications(...args);
  subscribeChat: LocalReads['subscribeChat'] = (...args) => this.reads.subscribeChat(...args);
  subscribeNotes: LocalReads['subscribeNotes'] = (...args) => this.reads.subscribeNotes(...args);
  subscribeReadMarkers: LocalReads['subscribeReadMarkers'] = (...args) => this.reads.subscribeReadMarkers(...args);
  subscribeCannedReplies: LocalReads['subscribeCannedReplies'] = (...args) => this.reads.subscribeCannedReplies(...args);
  subscribePresence: LocalReads['subscribePresence'] = (...args) => this.reads.subscribePresence(...args);
  subscribeAllPresence: LocalReads['subscribeAllPresence'] = (...args) => this.reads.subscribeAllPresence(...args);
  subscribeStats: SupportBackend['subscribeStats'] = (range, onData, onError) =>
    watchLocalStats(this.client, this.db, this.session.actor(), range, onData, onError, (n) => (this.stats.statsDocsRead += n));
  /** Admins: recompute the reports' stats from the tickets (the rebuildStats callable, locally; localStats.ts). */
  rebuildStats = () => rebuildLocalStats(this.db, this.session.actor());

  // ---- tickets ----

  createTicket(
    input: NewTicketInput,
    attachments: readonly AttachmentUpload[] = [],
    onProgress: UploadProgress = () => {},
  ): TicketCreation {
    const parsed = parseInput(newTicketInputSchema, input);
    const user = this.session.requireUser();
    const id = autoId();
    const now = this.now();
    const doc = newTicketDoc(parsed, user, now, attachmentRefsOf(attachments));
    // Refused at once, before anything is queued: what the rules would refuse later anyway.
    const decision = checkNewTicketDoc({ uid: user.uid, role: user.role }, doc);
    if (!decision.allowed) throw new DomainError('permission-denied', decision.reason);
    const committed = this.write(newTicketWrites(id, doc, this.session.requireCounters(), now));
    const uploaded = committed.then(async () => {
      for (const upload of attachments) {
        await storeAttachment(this.db, user.uid, id, upload, (fraction) => onProgress(upload.slot, fraction));
      }
    });
    uploaded.catch(() => {});
    return { ...this.pending(id, committed), uploaded };
  }

  attachmentUrl(ticketId: string, slot: AttachmentSlot): Promise<string> {
    return attachmentObjectUrl(this.db, this.session.actor(), ticketId, slot);
  }

  // ---- staff actions ----

  /**
   * A client update of a ticket; the update trigger then audits, stamps and notifies. Every
   * client change says who made it (updatedBy), as the rules require.
   */
  private changeTicket(ticketId: string, change: TicketChange): PendingWrite {
    return this.pending(ticketId, this.write(ticketChangeWrite(ticketId, change, this.session.requireUser().uid, this.now())));
  }

  acceptTicket(ticketId: string): PendingWrite {
    return this.changeTicket(ticketId, { status: 'in_progress', assigneeUid: this.session.requireUser().uid });
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

  rateHelp(ticket: Pick<Ticket, 'id' | 'resolvedAt'>, input: SatisfactionInput): PendingWrite {
    return this.changeTicket(ticket.id, satisfactionChange(ticket, input));
  }

  assignTicket(ticketId: string, assigneeUid: string | null): PendingWrite {
    return this.changeTicket(ticketId, { assigneeUid });
  }

  // ---- people ----

  setUserRole(uid: string, role: Role): PendingWrite {
    return this.pending(uid, this.write(profileChangeWrite(uid, { role })));
  }

  setUserActive(uid: string, active: boolean): PendingWrite {
    return this.pending(uid, this.write(profileChangeWrite(uid, { active })));
  }

  markNotificationsSeen(ids: readonly string[]): PendingWrite {
    const uid = this.session.requireUser().uid;
    return this.pending(uid, this.write(notificationsSeenWrites(uid, ids)));
  }

  // ---- canned replies ----

  saveCannedReply(id: string | null, input: CannedReplyInput): PendingWrite {
    const reply = parseInput(cannedReplyInputSchema, input);
    this.session.requireUser();
    const replyId = id ?? autoId();
    return this.pending(replyId, this.write(cannedReplyWrite(replyId, reply)));
  }

  deleteCannedReply(id: string): PendingWrite {
    this.session.requireUser();
    return this.pending(id, this.write(cannedReplyRemoval(id)));
  }

  // ---- presence ----

  beatPresence(ticketId: string, activity: PresenceActivity): PendingWrite {
    const user = this.session.requireUser();
    const beat = { uid: user.uid, ticketId, displayName: user.displayName, activity, heartbeatAt: this.now() };
    // One heartbeat in line per ticket: a newer one replaces a queued one (offline, a queue of them would be noise).
    const request = presenceWrite(beat);
    return this.pending(ticketId, this.outbox.submitOrReplace(request, user.uid, (queued) => queued.method === 'set' && queued.path === request.path));
  }

  leavePresence(ticketId: string): PendingWrite {
    const uid = this.session.requireUser().uid;
    return this.pending(ticketId, this.write(presenceRemoval(ticketId, uid)));
  }

  // ---- chat ----

  sendMessage(ticketId: string, input: MessageInput): PendingWrite {
    const { text } = parseInput(messageInputSchema, input);
    const user = this.session.requireUser();
    const id = autoId();
    // createdAt here is the estimate the chat shows while sending; delivery stamps the real one.
    const now = this.now();
    const message = newMessageDoc({ text }, user, now);
    return this.pending(id, this.write(newMessageWrites(ticketId, id, message, this.session.requireCounters(), now)));
  }

  retryMessage(ticketId: string, messageId: string): PendingWrite {
    const writerUid = this.session.requireUser().uid;
    const committed = failedMessage(this.db, writerUid, ticketId, messageId).then((failed) => {
      if (!failed) throw new DomainError('not-found', 'That message was already sent.');
      // A fresh rate-limit step: the one sent with the refused attempt may be out of date.
      const now = this.now();
      const message = messageDocSchema.parse(failed.data);
      return this.outbox.retry(failed.seq, newMessageWrites(ticketId, messageId, message, this.session.requireCounters(), now));
    });
    return this.pending(messageId, committed);
  }

  addNote(ticketId: string, input: MessageInput): PendingWrite {
    const { text } = parseInput(messageInputSchema, input);
    const user = this.session.requireUser();
    const id = autoId();
    const now = this.now();
    const note = newNoteDoc({ text }, user, now);
    return this.pending(id, this.write(newNoteWrites(ticketId, id, note, this.session.requireCounters(), now)));
  }

  /**
   * One pending marker per ticket: a marker still waiting in line (offline, or behind other
   * writes) takes the newer time instead of queuing another write and another trigger run.
   */
  markRead(ticketId: string): PendingWrite {
    const uid = this.session.requireUser().uid;
    const request = readMarkerWrite(ticketId, uid, this.now());
    const sameMarker = (queued: WriteRequest) => queued.method === 'set' && queued.path === request.path;
    return this.pending(ticketId, this.outbox.submitOrReplace(request, uid, sameMarker));
  }

  /** Closes the database once running triggers finish (tests; a closing tab does it by itself). */
  async close() {
    this.schedule.stop();
    this.session.close();
    this.outbox.close();
    await this.ready;
    await this.outbox.idle();
    await this.runningTriggers.idle();
    this.db.close();
  }
}
