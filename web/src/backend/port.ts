import type {
  NewTicketInput,
  Role,
  SignInInput,
  SignUpInput,
  Ticket,
  TicketStatus,
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
}

/** An account offered by the account switcher (local backend only). */
export interface DemoAccount extends Session {
  readonly blurb: string;
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
  readonly statuses?: readonly TicketStatus[];
  readonly limit: number;
}

export interface SupportBackend {
  readonly kind: 'local' | 'firebase';
  readonly demoAccounts: readonly DemoAccount[];

  subscribeSession(onChange: (session: Session | null) => void): Unsubscribe;
  signIn(input: SignInInput): Promise<void>;
  signUp(input: SignUpInput): Promise<void>;
  /** Local backend: become a demo account in this tab without a password. */
  switchAccount(uid: string): Promise<void>;
  signOut(): Promise<void>;

  createTicket(input: NewTicketInput): PendingWrite;
  subscribeTicket(id: string, onData: (ticket: Ticket | null) => void, onError: OnError): Unsubscribe;
  /** The signed-in customer's tickets, newest first. */
  subscribeMyTickets(
    limit: number,
    onData: (page: ListPage<Ticket>) => void,
    onError: OnError,
  ): Unsubscribe;
  /** Every ticket, for staff, newest first. */
  subscribeQueue(
    query: QueueQuery,
    onData: (page: ListPage<Ticket>) => void,
    onError: OnError,
  ): Unsubscribe;
}
