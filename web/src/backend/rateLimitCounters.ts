import {
  DomainError,
  afterRateLimitStep,
  latestCounter,
  rateLimitMessage,
  rateLimitPath,
  rateLimitStep,
  rateLimits,
  type RateLimitDoc,
  type RateLimitKind,
  type RateLimits,
} from '@domain';
import { increment, serverTime, type DocumentWrite } from './clientRequest';

/**
 * What this client knows of its writer's rate-limit counters (`users/{uid}/limits/{kind}`):
 * the newest of what a listener last saw and what this client itself wrote since, so that
 * messages sent in a row (or offline) each take the next step. Both adapters keep one per
 * session; the server's rules are the judge, this only picks the step and refuses early.
 */
export class RateLimitCounters {
  private readonly known = new Map<RateLimitKind, RateLimitDoc | undefined>();

  constructor(
    readonly uid: string,
    private readonly limits: RateLimits = rateLimits,
  ) {}

  /** A listener's view of one counter (undefined: none stored yet). */
  observe(kind: RateLimitKind, counter: RateLimitDoc | undefined): void {
    this.known.set(kind, latestCounter(this.known.get(kind), counter));
  }

  /**
   * The counter as the server holds it, read after the rules refused a step taken from this
   * client's view: it replaces that view, which was wrong (or ahead by the refused step).
   */
  learn(kind: RateLimitKind, stored: RateLimitDoc | undefined): void {
    this.known.set(kind, stored);
  }

  /**
   * The counter write that goes with a new document at `path`, in the same batch; throws a
   * DomainError that says when to try again while the window is full (nothing is written).
   */
  step(kind: RateLimitKind, path: string, now: Date): DocumentWrite {
    const current = this.known.get(kind);
    const step = rateLimitStep(kind, current, now, this.limits);
    if (step.kind === 'full') throw new DomainError('resource-exhausted', rateLimitMessage(kind, step.retryInMs, this.limits));
    const next = afterRateLimitStep(current, step, path, now);
    this.known.set(kind, next);
    const counterPath = rateLimitPath(this.uid, kind);
    return step.kind === 'new-window'
      ? { method: 'set', path: counterPath, data: next, transforms: { windowStart: serverTime } }
      : { method: 'update', path: counterPath, data: { count: next.count, lastPath: path }, transforms: { count: increment(1) } };
  }
}
