import {
  DomainError,
  parseInput,
  roleSchema,
  signInInputSchema,
  signUpInputSchema,
  type RateLimits,
  type Role,
  type SignInInput,
  type SignUpInput,
} from '@domain';
import {
  createUserWithEmailAndPassword,
  onIdTokenChanged,
  signInWithEmailAndPassword,
  signOut,
  updateProfile,
  type Auth,
  type User,
} from 'firebase/auth';
import type { Firestore } from 'firebase/firestore';
import type { OnError, Session, Unsubscribe } from '../port';
import type { RateLimitCounters } from '../rateLimitCounters';
import { newProfileWrite } from '../writes';
import { watchAccount, type AccountWatch } from './accountWatch';
import { commitRequest } from './commitRequest';
import { toDomainError } from './errors';

function sameSession(a: Session | null | undefined, b: Session | null): boolean {
  if (a === undefined) return false;
  if (a === null || b === null) return a === b;
  return a.uid === b.uid && a.email === b.email && a.displayName === b.displayName && a.role === b.role;
}

export interface AuthSessionOptions {
  readonly auth: Auth;
  readonly db: Firestore;
  /** The bench build raises the rate limits (see createBackend). */
  readonly limits: RateLimits | undefined;
  /** Every client write goes through here (connectivity's pending count). */
  readonly track: <T>(write: Promise<T>) => Promise<T>;
  /** Another person in this tab: nothing of the previous one's may show. */
  readonly onPersonChanged: () => void;
}

/**
 * The session on Firebase Auth: who is signed in, with the role their ID token claims, the
 * name their profile has, and the claims refresh when an admin changes their role (see
 * watchAccount). Sign-in, sign-up (with the new profile's write) and sign-out settle once the
 * session they lead to is published.
 */
export class AuthSession {
  /** undefined until Auth has reported (restoring a persisted sign-in takes a moment). */
  private session: Session | null | undefined;
  private readonly listeners = new Set<(session: Session | null) => void>();
  /** Each token change bumps this; a slower, older computation must not overwrite a newer one. */
  private tokenGeneration = 0;
  private tokenIssuedAtMs: number | undefined;
  /** Between creating an account and naming it, the session already carries the typed name. */
  private pendingSignUp: { email: string; displayName: string } | undefined;
  /**
   * The signed-in user's name as users/{uid} has it: what their messages, notes and tickets
   * are written under (the rules compare them).
   */
  private profileName: { uid: string; displayName: string } | undefined;
  private account: AccountWatch | undefined;

  constructor(private readonly options: AuthSessionOptions) {
    onIdTokenChanged(options.auth, (user) => void this.refresh(user));
  }

  /** The published session; undefined until Auth has reported. */
  get current(): Session | null | undefined {
    return this.session;
  }

  subscribe(onChange: (session: Session | null) => void): Unsubscribe {
    this.listeners.add(onChange);
    if (this.session !== undefined) onChange(this.session);
    return () => void this.listeners.delete(onChange);
  }

  /** The signed-in session, for a write: refused at once without one. */
  require(): Session {
    if (!this.session) throw new DomainError('unauthenticated', 'Sign in first.');
    return this.session;
  }

  /** The signed-in user's rate-limit counters, for a write that takes a step. */
  counters(): RateLimitCounters {
    if (!this.account) throw new DomainError('unauthenticated', 'Sign in first.');
    return this.account.counters;
  }

  /**
   * Starts a listener once the session is known; refuses without one. Errors arrive
   * asynchronously, as Firestore's own do.
   */
  withSession(onError: OnError, signedOutMessage: string, start: (session: Session) => Unsubscribe): Unsubscribe {
    let stop: Unsubscribe | undefined;
    let cancelled = false;
    const begin = (known: Session | null) => {
      if (cancelled) return;
      if (known) stop = start(known);
      else onError(new DomainError('unauthenticated', signedOutMessage));
    };
    if (this.session !== undefined) {
      const known = this.session;
      if (known) stop = start(known);
      else queueMicrotask(() => begin(null));
    } else {
      void this.settled(() => true).then(() => begin(this.session ?? null));
    }
    return () => {
      cancelled = true;
      stop?.();
    };
  }

  async signIn(input: SignInInput): Promise<void> {
    const { email, password } = parseInput(signInInputSchema, input);
    try {
      const credential = await signInWithEmailAndPassword(this.options.auth, email, password);
      await this.settled(this.signedInAs(credential.user.uid));
    } catch (error) {
      throw toDomainError(error);
    }
  }

  async signUp(input: SignUpInput): Promise<void> {
    const { auth, db, track } = this.options;
    const { displayName, email, password } = parseInput(signUpInputSchema, input);
    this.pendingSignUp = { email: email.toLowerCase(), displayName };
    try {
      const { user } = await createUserWithEmailAndPassword(auth, email, password);
      try {
        await updateProfile(user, { displayName });
      } catch (error) {
        // The account exists and users/{uid} carries the name; the session shows the typed name.
        console.warn('Could not save the display name on the account.', error);
      }
      // Not awaited: offline, a Firestore write never settles, and the account already exists.
      track(commitRequest(db, newProfileWrite(user.uid, { email: user.email ?? email, displayName }, new Date()))).catch(
        (error: unknown) => console.error('Could not save the new profile in users/{uid}.', error),
      );
      // updateProfile notifies listeners only if the token changed: publish the name anyway.
      await this.refresh(auth.currentUser);
      await this.settled(this.signedInAs(user.uid));
    } catch (error) {
      throw toDomainError(error);
    } finally {
      this.pendingSignUp = undefined;
    }
  }

  async signOut(): Promise<void> {
    const { auth } = this.options;
    try {
      await signOut(auth);
      await this.settled((next) => next === null || auth.currentUser !== null);
    } catch (error) {
      throw toDomainError(error);
    }
  }

  private publish(next: Session | null) {
    if (sameSession(this.session, next)) return;
    if (this.session?.uid !== next?.uid) this.options.onPersonChanged();
    this.session = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  private async sessionFor(user: User): Promise<Session> {
    let role: Role = 'customer';
    try {
      const token = await user.getIdTokenResult();
      const claim = roleSchema.safeParse(token.claims.role);
      role = claim.success ? claim.data : 'customer';
      this.tokenIssuedAtMs = Date.parse(token.issuedAtTime);
    } catch (error) {
      // Offline with an expired token: keep the role shown so far rather than demote staff.
      if (this.session?.uid === user.uid) role = this.session.role;
      console.warn('Could not read the role from the ID token; it will update when online.', error);
    }
    const email = user.email ?? '';
    const typedName = this.pendingSignUp?.email === email.toLowerCase() ? this.pendingSignUp.displayName : undefined;
    const stored = this.profileName?.uid === user.uid ? this.profileName.displayName : undefined;
    return { uid: user.uid, email, displayName: stored || typedName || user.displayName || email, role };
  }

  private async refresh(user: User | null): Promise<void> {
    const generation = ++this.tokenGeneration;
    this.follow(user?.uid ?? null);
    const next = user ? await this.sessionFor(user) : null;
    if (generation === this.tokenGeneration) this.publish(next);
  }

  /** Follows the signed-in account (name, counters, claims refresh); stops following the previous one. */
  private follow(uid: string | null) {
    if (this.account?.uid === uid) return;
    this.account?.stop();
    this.account = undefined;
    if (uid === null) return;
    this.account = watchAccount(this.options.auth, this.options.db, uid, this.options.limits, {
      tokenIssuedAtMs: () => this.tokenIssuedAtMs,
      onDisplayName: (displayName) => {
        this.profileName = { uid, displayName };
        if (this.session?.uid === uid) this.publish({ ...this.session, displayName });
      },
    });
  }

  /** Resolves once the published session satisfies `accept` (sign-in settles into a session). */
  private settled(accept: (session: Session | null) => boolean): Promise<void> {
    if (this.session !== undefined && accept(this.session)) return Promise.resolve();
    return new Promise((resolve) => {
      const listener = (next: Session | null) => {
        if (!accept(next)) return;
        this.listeners.delete(listener);
        resolve();
      };
      this.listeners.add(listener);
    });
  }

  private signedInAs(uid: string) {
    // Also settle if someone else signed in meanwhile: that session is the answer then.
    return (next: Session | null) => next?.uid === uid || this.options.auth.currentUser?.uid !== uid;
  }
}
