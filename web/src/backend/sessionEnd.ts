import type { Session } from './port';

/** What the sign-in page says when a session ended without the person signing out here. */
export const SESSION_ENDED_REASON =
  'Your session ended: you were signed out on another device, or your sign-in expired. Sign in again to continue where you were.';
export const SIGNED_OUT_EVERYWHERE_REASON = 'You signed out of every device. Sign in again to continue.';

/**
 * Why a tab was last signed out. A sign-out this tab asks for is expected (with its own
 * reason, or none); any other passage from a session to none is an ended session (revoked
 * elsewhere, expired, switched off). The page the person was on stays in the address bar,
 * so signing in again returns there.
 */
export class SessionEndTracker {
  private expected: { reason: string | null } | undefined;
  private reason: string | null = null;

  /** The next sign-out is this tab's own doing. */
  expectSignOut(reason: string | null = null): void {
    this.expected = { reason };
  }

  /** A sign-out that did not happen after all (it failed). */
  cancelExpectedSignOut(): void {
    this.expected = undefined;
  }

  /** Every session the backend publishes, with the one before it. */
  observe(before: Session | null | undefined, next: Session | null): void {
    if (next) {
      this.reason = null;
      this.expected = undefined;
      return;
    }
    if (!before) return;
    this.reason = this.expected ? this.expected.reason : SESSION_ENDED_REASON;
    this.expected = undefined;
  }

  current(): string | null {
    return this.reason;
  }
}
