import { z } from './zod.js';

/**
 * How much one account may write: tickets per hour, chat messages and notes per minute.
 * Enforced where no client can bypass it: firestore.rules (and the local rules) accept a new
 * ticket, message or note only together with a step of the writer's counter document
 * `users/{uid}/limits/{kind}` that names it, and a step only within the limit. One step names
 * one document, so a batch of 500 messages is refused like 500 single writes.
 */
export const rateLimits = {
  tickets: { max: 20, windowMs: 60 * 60 * 1000 },
  messages: { max: 30, windowMs: 60 * 1000 },
} as const;
export type RateLimitKind = keyof typeof rateLimits;

/**
 * How often one account may ask the model to triage (the form asks as the customer types,
 * debounced). Counted by the callable itself in `triageLimits/{uid}`, a document only the
 * functions write; past it the callable answers with the offline classifier instead.
 */
export const triageRateLimit = { max: 60, windowMs: 10 * 60 * 1000 } as const;
export const triageLimitPath = (uid: string): string => `triageLimits/${uid}`;
/** The limits in force: the desk's, or (the bench build only, to measure the pipeline rather than the cap) raised ones. */
export type RateLimits = Readonly<Record<RateLimitKind, { readonly max: number; readonly windowMs: number }>>;
export const rateLimitKinds = Object.keys(rateLimits) as RateLimitKind[];

/** The longest document path a counter names (firestore.rules checks the same bound). */
export const RATE_LIMIT_PATH_MAX = 400;

/**
 * `users/{uid}/limits/{kind}`: the current window's start (server time), how many documents
 * it counted, and the path of the last one (so that each counted step names one document).
 */
export const rateLimitDocSchema = z.strictObject({
  windowStart: z.date(),
  count: z.int().check(z.positive()),
  lastPath: z.string().check(z.minLength(1), z.maxLength(RATE_LIMIT_PATH_MAX)),
});
export type RateLimitDoc = z.infer<typeof rateLimitDocSchema>;

/** Where a writer's counter of one kind lives. */
export function rateLimitPath(uid: string, kind: RateLimitKind): string {
  return `users/${uid}/limits/${kind}`;
}

/**
 * The counter step a client writes with its next document, from what it last saw of the
 * counter: one more in the current window while it has room, even once that window is over
 * (the rules accept it: the count only limits the writer more); a new window (starting at
 * server time, counting one) when there is none, or the last one is full and over; else a
 * refusal until it ends. A new window is opened only when it must be: a client whose clock or
 * view of the window's start is off, or whose writes wait offline and arrive later, would
 * otherwise open one the server still has open, and the rules' refusal would let the writes
 * queued after it land first. The server's rules check the step: a client with a stale view
 * is refused and retries.
 */
export type RateLimitStep =
  | { readonly kind: 'new-window' }
  | { readonly kind: 'same-window' }
  | { readonly kind: 'full'; readonly retryInMs: number };

export function rateLimitStep(
  kind: RateLimitKind,
  current: RateLimitDoc | undefined,
  now: Date,
  limits: RateLimits = rateLimits,
): RateLimitStep {
  if (current && current.count < limits[kind].max) return { kind: 'same-window' };
  return windowStep(limits[kind], current, now);
}

/** The step of any fixed-window counter: a new window, one more in this one, or full until it ends. */
export function windowStep(
  { max, windowMs }: { readonly max: number; readonly windowMs: number },
  current: RateLimitDoc | undefined,
  now: Date,
): RateLimitStep {
  if (!current) return { kind: 'new-window' };
  const endsAt = current.windowStart.getTime() + windowMs;
  if (now.getTime() >= endsAt) return { kind: 'new-window' };
  if (current.count < max) return { kind: 'same-window' };
  return { kind: 'full', retryInMs: endsAt - now.getTime() };
}

/** The counter as the client expects it after the step (server time estimated by `now`). */
export function afterRateLimitStep(
  current: RateLimitDoc | undefined,
  step: Exclude<RateLimitStep, { kind: 'full' }>,
  lastPath: string,
  now: Date,
): RateLimitDoc {
  if (step.kind === 'new-window' || !current) return { windowStart: now, count: 1, lastPath };
  return { windowStart: current.windowStart, count: current.count + 1, lastPath };
}

/** What the UI says when a limit is reached: plainly, and when to try again. */
export function rateLimitMessage(kind: RateLimitKind, retryInMs: number, limits: RateLimits = rateLimits): string {
  if (kind === 'messages') {
    const seconds = Math.max(1, Math.ceil(retryInMs / 1000));
    return `You are sending messages quickly; wait ${seconds} second${seconds === 1 ? '' : 's'} and send again. Your message is kept.`;
  }
  const minutes = Math.max(1, Math.ceil(retryInMs / 60_000));
  return `You have opened ${limits.tickets.max} tickets in the last hour; you can open another in ${minutes} minute${minutes === 1 ? '' : 's'}. What you typed is kept.`;
}

/**
 * Whether a counter write is a legal step: the server (rules) view. `before` is the stored
 * counter, `after` the one written, `now` the server time of the request.
 */
export function isRateLimitStep(
  kind: RateLimitKind,
  before: RateLimitDoc | undefined,
  after: RateLimitDoc,
  now: Date,
  limits: RateLimits = rateLimits,
): boolean {
  const { max, windowMs } = limits[kind];
  if (before && after.lastPath === before.lastPath) return false;
  const newWindow =
    after.windowStart.getTime() === now.getTime() &&
    after.count === 1 &&
    (!before || now.getTime() >= before.windowStart.getTime() + windowMs);
  const sameWindow =
    before !== undefined &&
    after.windowStart.getTime() === before.windowStart.getTime() &&
    after.count === before.count + 1 &&
    after.count <= max;
  return newWindow || sameWindow;
}

/**
 * The newer of two views of one counter (what a listener last saw, what this client last
 * wrote): counters only move forward, to a later window or a higher count in the same one.
 */
export function latestCounter(a: RateLimitDoc | undefined, b: RateLimitDoc | undefined): RateLimitDoc | undefined {
  if (!a || !b) return a ?? b;
  const [startA, startB] = [a.windowStart.getTime(), b.windowStart.getTime()];
  if (startA !== startB) return startA > startB ? a : b;
  return a.count >= b.count ? a : b;
}
