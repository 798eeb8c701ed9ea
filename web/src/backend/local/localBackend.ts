import { liveQuery } from 'dexie';
import {
  DomainError,
  newTicketDoc,
  newTicketInputSchema,
  newUserDoc,
  parseInput,
  signInInputSchema,
  signUpInputSchema,
  ticketDocSchema,
  type Actor,
} from '@domain';
import type {
  ListPage,
  OnError,
  PendingWrite,
  QueueQuery,
  Session,
  SupportBackend,
  Unsubscribe,
} from '../port';
import { autoId } from './autoId';
import type { WhereEquals } from './clientRequest';
import { DEMO_PASSWORD, demoAccounts } from '../demoAccounts';
import { LocalClient } from './localClient';
import { LocalDatabase, type TicketRow, type UserRow } from './localDatabase';
import { localTriggers } from './localTriggers';
import type { SessionSlot } from './sessionSlot';

export interface LocalBackendOptions {
  readonly databaseName: string;
  readonly sessionSlot: SessionSlot;
}

function toTicket(row: TicketRow) {
  return { ...ticketDocSchema.parse(row), id: row.id };
}

function toPage(rows: TicketRow[], limit: number): ListPage<ReturnType<typeof toTicket>> {
  return { items: rows.slice(0, limit).map(toTicket), hasMore: rows.length > limit };
}

function toSession(user: UserRow): Session {
  return { uid: user.uid, email: user.email, displayName: user.displayName, role: user.role };
}

/** Seeds the demo accounts into a new database. */
function seedDemoAccounts(db: LocalDatabase) {
  db.on('populate', async (tx) => {
    const now = new Date();
    for (const account of demoAccounts) {
      await tx.table('accounts').add({ uid: account.uid, email: account.email, password: DEMO_PASSWORD });
      await tx.table('users').add({ ...newUserDoc(account, now), role: account.role, uid: account.uid });
    }
  });
}

/**
 * The local backend: the whole product in the browser, persisted in IndexedDB and shared by
 * the tabs of one browser. It enforces the same rules as firestore.rules (LocalClient) and
 * runs the same handlers as the Cloud Functions (localTriggers).
 */
export class LocalBackend implements SupportBackend {
  readonly kind = 'local';
  readonly demoAccounts = demoAccounts;
  readonly db: LocalDatabase;
  private readonly client: LocalClient;
  private readonly triggers: ReturnType<typeof localTriggers>;
  private user: UserRow | null = null;
  private readonly sessionListeners = new Set<(session: Session | null) => void>();
  private stopWatchingUser: Unsubscribe = () => {};
  private lastTime = 0;
  /** Settles once the stored session (if any) is loaded. */
  readonly ready: Promise<void>;

  constructor(private readonly options: LocalBackendOptions) {
    this.db = new LocalDatabase(options.databaseName);
    seedDemoAccounts(this.db);
    this.client = new LocalClient(this.db, () => this.actor());
    this.triggers = localTriggers(this.db);
    this.ready = this.becomeUser(options.sessionSlot.read()).then(() =>
      this.triggers.catchUp().catch(logTriggerFailure),
    );
  }

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

  private emitSession() {
    const session = this.user ? toSession(this.user) : null;
    for (const listener of this.sessionListeners) listener(session);
  }

  /** Signs this tab in as `uid` (or out) and follows that user's row, so role changes show live. */
  private async becomeUser(uid: string | null): Promise<void> {
    this.stopWatchingUser();
    this.options.sessionSlot.write(uid);
    this.user = uid ? ((await this.db.users.get(uid)) ?? null) : null;
    if (uid && !this.user) this.options.sessionSlot.write(null);
    this.emitSession();
    if (!this.user) return;
    const subscription = liveQuery(() => this.db.users.get(uid!)).subscribe({
      next: (row) => {
        this.user = row ?? null;
        this.emitSession();
      },
    });
    this.stopWatchingUser = () => subscription.unsubscribe();
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

  createTicket(input: Parameters<SupportBackend['createTicket']>[0]): PendingWrite {
    const parsed = parseInput(newTicketInputSchema, input);
    const user = this.requireUser();
    const id = autoId();
    const doc = newTicketDoc(parsed, user, this.now());
    const committed = this.client
      .execute({ method: 'create', path: `tickets/${id}`, data: doc })
      .then(() => {
        // Like an onDocumentCreated trigger: after the write, not part of it.
        this.triggers.ticketCreated(id).catch(logTriggerFailure);
      });
    return { id, committed };
  }

  subscribeTicket(id: string, onData: (ticket: ReturnType<typeof toTicket> | null) => void, onError: OnError): Unsubscribe {
    return this.client.watch(
      { method: 'get', path: `tickets/${id}` },
      () => this.db.tickets.get(id),
      (row) => onData(row ? toTicket(row) : null),
      onError,
    );
  }

  subscribeMyTickets(limit: number, onData: (page: ListPage<ReturnType<typeof toTicket>>) => void, onError: OnError): Unsubscribe {
    const uid = this.user?.uid ?? '';
    return this.watchTickets([['customerUid', '==', uid]], limit, onData, onError);
  }

  subscribeQueue(query: QueueQuery, onData: (page: ListPage<ReturnType<typeof toTicket>>) => void, onError: OnError): Unsubscribe {
    const statuses = query.statuses ?? [];
    const where: WhereEquals[] = statuses.length === 1 ? [['status', '==', statuses[0]]] : [];
    const keep = (row: TicketRow) => statuses.length <= 1 || statuses.includes(row.status);
    return this.watchTickets(where, query.limit, onData, onError, keep);
  }

  private watchTickets(
    where: WhereEquals[],
    limit: number,
    onData: (page: ListPage<ReturnType<typeof toTicket>>) => void,
    onError: OnError,
    keep: (row: TicketRow) => boolean = () => true,
  ): Unsubscribe {
    return this.client.watch(
      { method: 'list', collection: 'tickets', where, limit: limit + 1 },
      () => this.client.listTickets(where, limit + 1, keep),
      (rows) => onData(toPage(rows, limit)),
      onError,
    );
  }

  /** Closes the database (tests; a tab closing does it by itself). */
  close() {
    this.stopWatchingUser();
    this.db.close();
  }
}

function logTriggerFailure(error: unknown) {
  console.error('A local trigger failed; it runs again when the app next starts.', error);
}
