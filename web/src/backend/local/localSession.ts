import { liveQuery } from 'dexie';
import {
  DomainError,
  newUserDoc,
  parseInput,
  rateLimitDocSchema,
  rateLimitKinds,
  signInInputSchema,
  signUpInputSchema,
  type Actor,
  type RateLimits,
  type SignInInput,
  type SignUpInput,
} from '@domain';
import type { Session, Unsubscribe } from '../port';
import { RateLimitCounters } from '../rateLimitCounters';
import { autoId } from './autoId';
import type { LimitRow, LocalDatabase, UserRow } from './localDatabase';
import type { SessionSlot } from './sessionSlot';

const toSession = (user: UserRow): Session => ({
  uid: user.uid,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
});

export interface LocalSessionOptions {
  readonly db: LocalDatabase;
  /** Where the tab keeps who is signed in (it survives a reload). */
  readonly sessionSlot: SessionSlot;
  readonly rateLimits: RateLimits | undefined;
  readonly now: () => Date;
  /** Someone else (or nobody) is signed in now: the outbox looks at their writes. */
  readonly onUserChanged: () => void;
}

/**
 * Who is signed in to this tab of the local backend: demo accounts and local sign-up, the
 * signed-in user's row followed live (so a role change or deactivation shows at once), and
 * their rate-limit counters.
 */
export class LocalSession {
  private user: UserRow | null = null;
  private readonly listeners = new Set<(session: Session | null) => void>();
  private stopWatchingUser: Unsubscribe = () => {};
  /** The signed-in user's rate-limit counters, as this tab knows them. */
  private counters: RateLimitCounters | null = null;

  constructor(private readonly options: LocalSessionOptions) {}

  /** The signed-in user's uid, or null. */
  uid(): string | null {
    return this.user?.uid ?? null;
  }

  /** Who the rules see: nobody once the account is switched off. */
  actor(): Actor | null {
    return this.user && this.user.active ? { uid: this.user.uid, role: this.user.role } : null;
  }

  requireUser(): UserRow {
    if (!this.user) throw new DomainError('unauthenticated', 'Sign in first.');
    return this.user;
  }

  requireCounters(): RateLimitCounters {
    if (!this.counters) throw new DomainError('unauthenticated', 'Sign in first.');
    return this.counters;
  }

  /** Tells `onChange` the session now (once `ready` settles) and on every change. */
  subscribe(onChange: (session: Session | null) => void, ready: Promise<void>): Unsubscribe {
    this.listeners.add(onChange);
    void ready.then(() => {
      if (this.listeners.has(onChange)) onChange(this.user ? toSession(this.user) : null);
    });
    return () => void this.listeners.delete(onChange);
  }

  async signIn(input: SignInInput): Promise<void> {
    const { db } = this.options;
    const { email, password } = parseInput(signInInputSchema, input);
    const account = await db.accounts.where('email').equals(email.toLowerCase()).first();
    if (!account || account.password !== password) {
      throw new DomainError('unauthenticated', 'That email and password do not match an account.');
    }
    await this.become(account.uid);
  }

  async signUp(input: SignUpInput): Promise<void> {
    const { db, now } = this.options;
    const { displayName, email, password } = parseInput(signUpInputSchema, input);
    const normalized = email.toLowerCase();
    if (await db.accounts.where('email').equals(normalized).count()) {
      throw new DomainError('invalid-argument', `There is already an account for ${normalized}; sign in instead.`);
    }
    const uid = autoId();
    await db.transaction('rw', db.accounts, db.users, async () => {
      await db.accounts.add({ uid, email: normalized, password });
      await db.users.add({ ...newUserDoc({ email: normalized, displayName }, now()), uid });
    });
    await this.become(uid);
  }

  async switchAccount(uid: string): Promise<void> {
    if (!(await this.options.db.users.get(uid))) throw new DomainError('not-found', 'No such demo account.');
    await this.become(uid);
  }

  async signOut(): Promise<void> {
    await this.become(null);
  }

  /** Signs this tab in as `uid` (or out) and follows that user's row, so role changes show live. */
  async become(uid: string | null): Promise<void> {
    const { db, sessionSlot } = this.options;
    this.stopWatchingUser();
    this.counters = null;
    sessionSlot.write(uid);
    this.user = uid ? ((await db.users.get(uid)) ?? null) : null;
    if (uid && !this.user) sessionSlot.write(null);
    this.emit();
    this.options.onUserChanged();
    if (!uid || !this.user) return;
    const subscription = liveQuery(() => db.users.get(uid)).subscribe({
      next: (row) => {
        this.user = row ?? null;
        this.emit();
      },
    });
    const counters = new RateLimitCounters(uid, this.options.rateLimits);
    this.counters = counters;
    // Known before the first write of this tab (a tab opened after another sent already
    // continues that window), then followed.
    const counterQuery = () => db.limits.where('id').startsWith(`${uid}/`).toArray();
    observeCounterRows(counters, uid, await counterQuery());
    const counterRows = liveQuery(counterQuery).subscribe({ next: (rows) => observeCounterRows(counters, uid, rows) });
    this.stopWatchingUser = () => {
      subscription.unsubscribe();
      counterRows.unsubscribe();
    };
  }

  /** Stops following the signed-in user (the backend is closing). */
  close(): void {
    this.stopWatchingUser();
  }

  private emit() {
    const session = this.user ? toSession(this.user) : null;
    for (const listener of this.listeners) listener(session);
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
