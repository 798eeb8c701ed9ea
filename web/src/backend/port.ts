import type {
  AppNotification,
  CannedReply,
  CannedReplyInput,
  PresenceActivity,
  PresenceDoc,
  ChangePasswordInput,
  AttachmentContentType,
  AttachmentSlot,
  ChatMessage,
  MessageInput,
  NewTicketInput,
  Note,
  Priority,
  QueueCursor,
  QueueFilter,
  Role,
  SatisfactionInput,
  SignInInput,
  SignUpInput,
  StatsRange,
  StatsView,
  Ticket,
  TicketEventEntry,
  TicketStatus,
  TriageInput,
  TriageSuggestion,
  UserProfile,
} from '@domain';

/**
 * SupportBackend: the one port the web app talks to. The Firebase adapter and the local
 * (in-browser) adapter both implement it and both pass the same contract scenarios.
 *
 * Subscriptions call `onData` with the full current result every time it changes and return
 * their unsubscribe. Failures arrive as DomainError (code + a sentence for people).
 */
export type Unsubscribe = () => void;
export type OnError = (error: Error) => void;

export interface Session {
  readonly uid: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  /** Whether the account has proved it owns its email (a link sent to it was followed). */
  readonly emailVerified: boolean;
}

/** An account offered by the account switcher (local backend only). */
export interface DemoAccount extends Omit<Session, 'emailVerified'> {
  readonly blurb: string;
}

/** Sign-in with another provider than email and password. */
export type SignInProvider = 'google';

/**
 * An email the local backend would have sent (it sends none): shown in its demo mailbox,
 * as the Auth emulator lists the out-of-band codes it would have mailed.
 */
export interface DemoMail {
  readonly id: string;
  readonly to: string;
  readonly kind: 'resetPassword' | 'verifyEmail';
  /** The app's own page the email's link opens: /account-action?mode=…&oobCode=… */
  readonly link: string;
  readonly sentAt: Date;
}

/**
 * A write that the UI must not await for its result: offline, Firestore never resolves the
 * promise. The id is known at once; `committed` settles when the server has the write.
 */
export interface PendingWrite {
  readonly id: string;
  readonly committed: Promise<void>;
}

export interface ListPage<T> {
  readonly items: T[];
  /** True when more items exist beyond `limit`: the UI offers "Load more". */
  readonly hasMore: boolean;
}

export interface QueueQuery {
  readonly filter: QueueFilter;
  /** Start after this ticket (null: the first page). */
  readonly cursor: QueueCursor | null;
  readonly pageSize: number;
  /**
   * The time a service-level filter's window is taken at (`slaDueRange`): with a filter other
   * than 'any', a whole minute, so the page follows the clock once a minute. Otherwise unset.
   */
  readonly slaNow?: Date;
}

export interface QueuePage {
  readonly items: Ticket[];
  /** Where the next page starts; null on the last page. */
  readonly nextCursor: QueueCursor | null;
}

/** Where a page of people starts: just after this one, in email order. */
export interface UsersCursor {
  readonly email: string;
  readonly uid: string;
}

export interface UsersQuery {
  /** Start after this person (null: the first page). */
  readonly cursor: UsersCursor | null;
  /** At most PEOPLE_QUERY_MAX - 1 (the query asks for one more, to know whether a page follows). */
  readonly pageSize: number;
}

export interface UsersPage {
  readonly items: UserProfile[];
  /** Where the next page starts; null on the last page. */
  readonly nextCursor: UsersCursor | null;
}

/** A file chosen for a new ticket, already placed in its slot by planAttachments. */
export interface AttachmentUpload {
  readonly slot: AttachmentSlot;
  readonly file: Blob & { readonly name: string };
  /** The type read from the file's first bytes, never from its name. */
  readonly contentType: AttachmentContentType;
}

/** A ticket being opened: the write, then each attachment's upload with its progress. */
export interface TicketCreation extends PendingWrite {
  /** Settles when every attachment is stored; rejects with the first failure. */
  readonly uploaded: Promise<void>;
}

export type UploadProgress = (slot: AttachmentSlot, fraction: number) => void;

/** The chat's messages, oldest first, with the newest page live. */
export interface ChatPage {
  readonly messages: ChatMessage[];
  /** True when older messages exist than the first one here. */
  readonly hasOlder: boolean;
}

/** Whether this tab reaches the backend, and whether it still has writes to send. */
export type Connectivity = 'online' | 'offline' | 'syncing';

/** Read markers of the signed-in user: ticket id -> when they last read its chat. */
export type ReadMarkers = ReadonlyMap<string, Date>;

export interface SupportBackend {
  readonly kind: 'local' | 'firebase';
  readonly demoAccounts: readonly DemoAccount[];

  subscribeSession(onChange: (session: Session | null) => void): Unsubscribe;
  signIn(input: SignInInput): Promise<void>;
  signUp(input: SignUpInput): Promise<void>;
  /** Local backend: become a demo account in this tab without a password. */
  switchAccount(uid: string): Promise<void>;
  signOut(): Promise<void>;

  // Accounts (web/src/features/auth, web/src/features/account).
  /** Providers the sign-in page offers besides email and password (none on the local backend). */
  readonly signInProviders: readonly SignInProvider[];
  /** Signs in with a provider (Firebase: a popup, or a redirect on phones); a new account gets its profile as at sign-up. */
  signInWith(provider: SignInProvider): Promise<void>;
  /**
   * Sends a password-reset link if the address has an account; resolves alike when it has
   * none (nobody learns which addresses have accounts). Throws only for a malformed address.
   */
  sendPasswordReset(email: string): Promise<void>;
  /** Sets a new password with the code of a reset link (the link's `oobCode`). */
  confirmPasswordReset(code: string, newPassword: string): Promise<void>;
  /** Confirms an email address with the code of a verification link. */
  confirmEmail(code: string): Promise<void>;
  /** Sends the signed-in account (another) link to verify its email. */
  sendEmailVerification(): Promise<void>;
  /** Looks again whether the signed-in account's email is verified (the link may have been opened elsewhere). */
  reloadAccount(): Promise<void>;
  /** The signed-in person's new name; it shows at once and their next messages carry it. */
  renameSelf(displayName: string): PendingWrite;
  /** Re-authenticates with the current password, then sets the new one. */
  changePassword(input: ChangePasswordInput): Promise<void>;
  /** Signs this account out of every device (this tab too): sessions elsewhere end within moments. */
  signOutEverywhere(): Promise<void>;
  /**
   * Why this tab was signed out without asking (its session expired or was revoked
   * elsewhere), for the sign-in page; null after a sign-out the person asked for.
   */
  sessionEndReason(): string | null;
  /** Local backend: the emails it would have sent, newest first (empty on Firebase). */
  subscribeDemoMailbox(onData: (mails: DemoMail[]) => void): Unsubscribe;

  /**
   * Opens a ticket; throws a DomainError at once for bad input (nothing is written). The
   * attachments must already be planned (domain planAttachments); they upload after the
   * ticket document exists, reporting progress per slot.
   */
  createTicket(
    input: NewTicketInput,
    attachments?: readonly AttachmentUpload[],
    onProgress?: UploadProgress,
  ): TicketCreation;
  /** An object URL that shows an attachment, its bytes read under the storage rules (never a public download URL). */
  attachmentUrl(ticketId: string, slot: AttachmentSlot): Promise<string>;
  subscribeTicket(id: string, onData: (ticket: Ticket | null) => void, onError: OnError): Unsubscribe;
  /** The signed-in customer's tickets, newest first. */
  subscribeMyTickets(
    limit: number,
    onData: (page: ListPage<Ticket>) => void,
    onError: OnError,
  ): Unsubscribe;
  /** One page of the queue, for staff, live. */
  subscribeQueue(query: QueueQuery, onData: (page: QueuePage) => void, onError: OnError): Unsubscribe;
  /** The audit trail of a ticket, oldest first. */
  subscribeTicketEvents(
    ticketId: string,
    onData: (events: TicketEventEntry[]) => void,
    onError: OnError,
  ): Unsubscribe;

  // Staff actions. Each checks the domain rules first and throws a DomainError at once for
  // an illegal move; the write itself is not awaited by the UI (offline it never resolves).
  /** open -> in_progress, assigned to the signed-in agent. */
  acceptTicket(ticketId: string): PendingWrite;
  /** -> rejected, with the reason the customer will read. */
  rejectTicket(ticketId: string, reason: string): PendingWrite;
  /** Any other legal status move (resolve, reopen, close). */
  changeStatus(ticketId: string, to: TicketStatus): PendingWrite;
  setPriority(ticketId: string, priority: Priority): PendingWrite;
  /**
   * The customer rates the help on their resolved ticket (1 to 5, an optional comment), for
   * its latest resolution; again to change it, until the ticket closes.
   */
  rateHelp(ticket: Pick<Ticket, 'id' | 'resolvedAt'>, input: SatisfactionInput): PendingWrite;
  /** Assign to an agent (or admin), or null to unassign. */
  assignTicket(ticketId: string, assigneeUid: string | null): PendingWrite;

  /** Staff (agents and admins): for the assignee picker and filter. */
  subscribeStaff(onData: (staff: UserProfile[]) => void, onError: OnError): Unsubscribe;
  /** Admins: one page of everyone, in email order, live (the users page). */
  subscribeUsers(query: UsersQuery, onData: (page: UsersPage) => void, onError: OnError): Unsubscribe;
  /** Admins: change someone else's role (mirrored into their claims by a function). */
  setUserRole(uid: string, role: Role): PendingWrite;
  setUserActive(uid: string, active: boolean): PendingWrite;

  /** The signed-in user's newest notifications. */
  subscribeNotifications(onData: (notifications: AppNotification[]) => void, onError: OnError): Unsubscribe;
  markNotificationsSeen(ids: readonly string[]): PendingWrite;

  // Canned replies (cannedReplies/{id}): staff read them, admins write them.
  /** Every canned reply of the desk, by title, live. */
  subscribeCannedReplies(onData: (replies: CannedReply[]) => void, onError: OnError): Unsubscribe;
  /** Admins: saves a new canned reply (id null) or replaces one; throws a DomainError for bad input. */
  saveCannedReply(id: string | null, input: CannedReplyInput): PendingWrite;
  /** Admins: removes a canned reply. */
  deleteCannedReply(id: string): PendingWrite;

  // Presence (presence/{ticketId}/viewers/{uid}): who of the staff is on a ticket.
  /** Staff entries on this ticket as stored, live; readers drop those past the expiry (domain livePresence). */
  subscribePresence(ticketId: string, onData: (present: PresenceDoc[]) => void, onError: OnError): Unsubscribe;
  /** Staff entries on every ticket, live (the queue's viewing marker); readers honour the expiry too. */
  subscribeAllPresence(onData: (present: PresenceDoc[]) => void, onError: OnError): Unsubscribe;
  /** The signed-in staff member's heartbeat on a ticket, with what they are doing. */
  beatPresence(ticketId: string, activity: PresenceActivity): PendingWrite;
  /** Leaves the ticket's presence at once. */
  leavePresence(ticketId: string): PendingWrite;

  // Chat.
  /** The newest `MESSAGE_PAGE_SIZE` messages live, plus `olderPages` pages before them. */
  subscribeChat(
    ticketId: string,
    olderPages: number,
    onData: (page: ChatPage) => void,
    onError: OnError,
  ): Unsubscribe;
  /** Sends at once into the chat as "sending"; throws a DomainError for bad input. */
  sendMessage(ticketId: string, input: MessageInput): PendingWrite;
  /** Sends a failed message again, under the same id (so it can never arrive twice); `committed` rejects if it is refused again. */
  retryMessage(ticketId: string, messageId: string): PendingWrite;
  /** Staff only: internal notes, never readable by the customer. */
  subscribeNotes(ticketId: string, onData: (notes: Note[]) => void, onError: OnError): Unsubscribe;
  addNote(ticketId: string, input: MessageInput): PendingWrite;
  /** One listener for all of the signed-in user's read markers. */
  subscribeReadMarkers(onData: (markers: ReadMarkers) => void, onError: OnError): Unsubscribe;
  /** Marks the ticket's chat read now (opening the chat). */
  markRead(ticketId: string): PendingWrite;
  subscribeConnectivity(onData: (state: Connectivity) => void): Unsubscribe;

  /**
   * Category and priority for a ticket as typed so far, with the customer's phrases behind
   * them and who suggested them (the model, or the offline classifier). Never rejects and
   * never waits on the network when offline: on any failure the classifier answers.
   */
  suggestTriage(input: TriageInput): Promise<TriageSuggestion>;

  /**
   * Staff: the reports' stats documents of a range, live (the desk's, the agents' rows the
   * viewer may see, the summary); never the tickets. domain reportOf turns them into figures.
   */
  subscribeStats(range: StatsRange, onData: (view: StatsView) => void, onError: OnError): Unsubscribe;
}

/** The port's subscriptions that each adapter's reads module provides. */
export type SupportReads = Pick<
  SupportBackend,
  | 'subscribeTicket'
  | 'subscribeMyTickets'
  | 'subscribeQueue'
  | 'subscribeTicketEvents'
  | 'subscribeStaff'
  | 'subscribeUsers'
  | 'subscribeNotifications'
  | 'subscribeChat'
  | 'subscribeNotes'
  | 'subscribeReadMarkers'
  | 'subscribeCannedReplies'
  | 'subscribePresence'
  | 'subscribeAllPresence'
>;
