import { liveQuery } from 'dexie';
import {
  DomainError,
  changePasswordInputSchema,
  newPasswordInputSchema,
  parseInput,
  passwordResetInputSchema,
  type ChangePasswordInput,
} from '@domain';
import type { DemoMail, Unsubscribe } from '../port';
import { autoId } from './autoId';
import type { LocalDatabase, MailRow } from './localDatabase';

/** How long a link works, as Firebase Auth's: a reset link an hour, a verification link three days. */
const LINK_LIFETIME_MS: Record<MailRow['kind'], number> = {
  resetPassword: 60 * 60 * 1000,
  verifyEmail: 3 * 24 * 60 * 60 * 1000,
};

/** The app's page a link opens, with the parameters Firebase's action links carry. */
export function accountActionLink(kind: MailRow['kind'], code: string): string {
  return `/account-action?${new URLSearchParams({ mode: kind, oobCode: code }).toString()}`;
}

/** Whether the account's email is verified (an account from before verification existed reads as verified). */
export async function isEmailVerified(db: LocalDatabase, uid: string): Promise<boolean> {
  return (await db.accounts.get(uid))?.emailVerified !== false;
}

/**
 * The accounts side of the local backend: password reset and email verification through
 * one-time codes in a demo mailbox (nothing is sent; the mailbox page shows the links, as the
 * Auth emulator lists its codes), password changes, and sign-out everywhere (the account's
 * session epoch, which every tab signed in to it follows).
 */
export class LocalAccounts {
  constructor(
    private readonly db: LocalDatabase,
    private readonly now: () => Date,
  ) {}

  private async mail(uid: string, to: string, kind: MailRow['kind']): Promise<void> {
    await this.db.mail.add({ code: autoId(), uid, to, kind, sentAt: this.now(), usedAt: null });
  }

  /** The same answer whether or not the address has an account. */
  async sendPasswordReset(email: string): Promise<void> {
    const input = parseInput(passwordResetInputSchema, { email });
    const address = input.email.toLowerCase();
    const account = await this.db.accounts.where('email').equals(address).first();
    if (account) await this.mail(account.uid, address, 'resetPassword');
  }

  async sendEmailVerification(uid: string): Promise<void> {
    const account = await this.db.accounts.get(uid);
    if (!account) throw new DomainError('unauthenticated', 'Sign in first.');
    await this.mail(uid, account.email, 'verifyEmail');
  }

  /** Uses a link's code once, within its lifetime, and does what it is for. */
  private async redeem(code: string, kind: MailRow['kind'], apply: (uid: string) => Promise<unknown>): Promise<void> {
    await this.db.transaction('rw', this.db.mail, this.db.accounts, async () => {
      const row = await this.db.mail.get(code);
      if (!row || row.kind !== kind || row.usedAt !== null) {
        throw new DomainError('failed-precondition', 'This link has already been used or is not valid. Ask for a new one.');
      }
      const now = this.now();
      if (now.getTime() - row.sentAt.getTime() > LINK_LIFETIME_MS[kind]) {
        throw new DomainError('failed-precondition', 'This link has expired. Ask for a new one: links work once, for a limited time.');
      }
      await apply(row.uid);
      await this.db.mail.update(code, { usedAt: now });
    });
  }

  async confirmPasswordReset(code: string, newPassword: string): Promise<void> {
    const { password } = parseInput(newPasswordInputSchema, { password: newPassword });
    // Following the link proves the address too, as with Firebase Auth.
    await this.redeem(code, 'resetPassword', (uid) => this.db.accounts.update(uid, { password, emailVerified: true }));
  }

  async confirmEmail(code: string): Promise<void> {
    await this.redeem(code, 'verifyEmail', (uid) => this.db.accounts.update(uid, { emailVerified: true }));
  }

  async changePassword(uid: string, input: ChangePasswordInput): Promise<void> {
    const { currentPassword, newPassword } = parseInput(changePasswordInputSchema, input);
    await this.db.transaction('rw', this.db.accounts, async () => {
      const account = await this.db.accounts.get(uid);
      if (!account) throw new DomainError('unauthenticated', 'Sign in first.');
      if (account.password !== currentPassword) {
        throw new DomainError('unauthenticated', 'That is not your current password. Your password is unchanged.');
      }
      await this.db.accounts.update(uid, { password: newPassword });
    });
  }

  /** Every tab signed in to the account (this one too) sees the epoch move and signs out. */
  async signOutEverywhere(uid: string): Promise<void> {
    await this.db.transaction('rw', this.db.accounts, async () => {
      const account = await this.db.accounts.get(uid);
      if (account) await this.db.accounts.update(uid, { sessionEpoch: (account.sessionEpoch ?? 0) + 1 });
    });
  }

  subscribeDemoMailbox(onData: (mails: DemoMail[]) => void): Unsubscribe {
    const subscription = liveQuery(() => this.db.mail.orderBy('sentAt').reverse().limit(50).toArray()).subscribe({
      next: (rows) =>
        onData(rows.map((row) => ({ id: row.code, to: row.to, kind: row.kind, link: accountActionLink(row.kind, row.code), sentAt: row.sentAt }))),
      error: (error: unknown) => console.error('The demo mailbox could not be read.', error),
    });
    return () => subscription.unsubscribe();
  }
}
