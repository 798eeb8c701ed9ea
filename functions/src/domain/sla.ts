import { z } from './zod.js';
import { priorities, type Priority, type TicketStatus } from './ticketFields.js';

/**
 * Service levels. `config/sla`, edited by admins in the console: a first-response and a
 * resolution target per priority, in calendar hours, and how many days a resolved ticket
 * waits before it is closed for good. Every field may be left out (the default stands).
 */
export const SLA_HOURS_MAX = 8760;
export const AUTO_CLOSE_DAYS_MAX = 365;
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export type HoursByPriority = Record<Priority, number>;

export const defaultFirstResponseHours: HoursByPriority = { critical: 1, high: 4, medium: 8, low: 24 };
export const defaultResolutionHours: HoursByPriority = { critical: 8, high: 24, medium: 72, low: 120 };
export const DEFAULT_AUTO_CLOSE_DAYS = 4;

const targetHoursSchema = z.number().check(z.positive(), z.lte(SLA_HOURS_MAX));
/** Strict, as firestore.rules: a priority the desk does not know is a typo. */
const hoursByPrioritySchema = z.strictObject(
  Object.fromEntries(priorities.map((priority) => [priority, z.optional(targetHoursSchema)])) as Record<Priority, z.ZodMiniOptional<typeof targetHoursSchema>>,
);

export const slaConfigSchema = z.strictObject({
  firstResponseHours: z.optional(hoursByPrioritySchema),
  resolutionHours: z.optional(hoursByPrioritySchema),
  autoCloseDays: z.optional(z.int().check(z.gte(1), z.lte(AUTO_CLOSE_DAYS_MAX))),
});

/** The policy in force: every target given, defaults filled in. */
export interface SlaPolicy {
  readonly firstResponseHours: HoursByPriority;
  readonly resolutionHours: HoursByPriority;
  readonly autoCloseDays: number;
}
export const defaultSlaPolicy: SlaPolicy = {
  firstResponseHours: defaultFirstResponseHours,
  resolutionHours: defaultResolutionHours,
  autoCloseDays: DEFAULT_AUTO_CLOSE_DAYS,
};

/**
 * The policy an admin left in the console (missing: the defaults). A document that does not
 * parse keeps the defaults: a typo must not switch the service levels off.
 */
export function slaPolicyFrom(data: unknown): SlaPolicy {
  const parsed = slaConfigSchema.safeParse(data ?? {});
  if (!parsed.success) return defaultSlaPolicy;
  const { firstResponseHours = {}, resolutionHours = {}, autoCloseDays = DEFAULT_AUTO_CLOSE_DAYS } = parsed.data;
  const merged = (defaults: HoursByPriority, given: Partial<HoursByPriority>) =>
    Object.fromEntries(priorities.map((priority) => [priority, given[priority] ?? defaults[priority]])) as HoursByPriority;
  return {
    firstResponseHours: merged(defaultFirstResponseHours, firstResponseHours),
    resolutionHours: merged(defaultResolutionHours, resolutionHours),
    autoCloseDays,
  };
}

export const slaClocks = ['firstResponse', 'resolution'] as const;
export type SlaClock = (typeof slaClocks)[number];

/** The ticket facts the clocks are computed from. */
export interface SlaTicket {
  readonly status: TicketStatus;
  readonly priority: Priority;
  readonly createdAt: Date;
  readonly firstResponseAt: Date | null;
  /** Time the resolution clock stood still while the ticket was resolved, before its last reopen. */
  readonly resolutionPausedMs: number;
  readonly firstResponseBreachedAt: Date | null;
  readonly resolutionBreachedAt: Date | null;
}

/** The ticket fields the functions keep for the service levels. */
export interface SlaFields {
  readonly firstResponseDueAt: Date;
  readonly resolutionDueAt: Date;
  /** The earliest deadline of a running clock (the queue sorts and filters by it), or null. */
  readonly slaDueAt: Date | null;
  /** The earliest deadline of a running clock whose breach is not recorded yet (the breach watch), or null. */
  readonly slaWatchAt: Date | null;
}

const working = (status: TicketStatus) => status === 'open' || status === 'in_progress';

/** Whether a clock runs: first response until staff respond, resolution while the ticket is worked on. */
export function isClockRunning(ticket: SlaTicket, clock: SlaClock): boolean {
  if (!working(ticket.status)) return false;
  return clock === 'resolution' || ticket.firstResponseAt === null;
}

/**
 * The deadlines from the policy and the ticket: calendar hours from the ticket's creation,
 * at its priority now (a priority change re-targets them), the resolution deadline moved on
 * by the time the ticket spent resolved before a reopen.
 */
export function slaDeadlines(ticket: SlaTicket, policy: SlaPolicy): Pick<SlaFields, 'firstResponseDueAt' | 'resolutionDueAt'> {
  const created = ticket.createdAt.getTime();
  return {
    firstResponseDueAt: new Date(created + policy.firstResponseHours[ticket.priority] * HOUR_MS),
    resolutionDueAt: new Date(created + policy.resolutionHours[ticket.priority] * HOUR_MS + ticket.resolutionPausedMs),
  };
}

/**
 * A breach counts as recorded when it was recorded at or after the deadline the clock has
 * now: a priority change that moves the deadline later makes a new breach possible.
 */
function breachRecorded(breachedAt: Date | null, dueAt: Date): boolean {
  return breachedAt !== null && breachedAt.getTime() >= dueAt.getTime();
}

export const breachedAtField = {
  firstResponse: 'firstResponseBreachedAt',
  resolution: 'resolutionBreachedAt',
} as const satisfies Record<SlaClock, keyof SlaTicket>;

export function slaFieldsOf(ticket: SlaTicket, policy: SlaPolicy): SlaFields {
  const deadlines = slaDeadlines(ticket, policy);
  const due: Record<SlaClock, Date> = { firstResponse: deadlines.firstResponseDueAt, resolution: deadlines.resolutionDueAt };
  const running = slaClocks.filter((clock) => isClockRunning(ticket, clock));
  const earliest = (clocks: readonly SlaClock[]) =>
    clocks.length === 0 ? null : new Date(Math.min(...clocks.map((clock) => due[clock].getTime())));
  return {
    ...deadlines,
    slaDueAt: earliest(running),
    slaWatchAt: earliest(running.filter((clock) => !breachRecorded(ticket[breachedAtField[clock]], due[clock]))),
  };
}

/** The clocks whose deadline has come by `now` and whose breach is not recorded: what the watch records. */
export function breachesDue(ticket: SlaTicket, policy: SlaPolicy, now: Date): { clock: SlaClock; dueAt: Date }[] {
  const deadlines = slaDeadlines(ticket, policy);
  const due: Record<SlaClock, Date> = { firstResponse: deadlines.firstResponseDueAt, resolution: deadlines.resolutionDueAt };
  return slaClocks
    .filter((clock) => isClockRunning(ticket, clock))
    .filter((clock) => due[clock].getTime() <= now.getTime() && !breachRecorded(ticket[breachedAtField[clock]], due[clock]))
    .map((clock) => ({ clock, dueAt: due[clock] }));
}

/** How long a resolution stood still: from the resolve to the reopen. */
export function pausedWhileResolved(resolvedAt: Date | null, reopenedAt: Date): number {
  return resolvedAt === null ? 0 : Math.max(0, reopenedAt.getTime() - resolvedAt.getTime());
}

/** A ticket's next deadline as the badge shows it: which clock, when, and how it stands at `now`. */
export interface SlaDeadline {
  readonly clock: SlaClock;
  readonly dueAt: Date;
  readonly standing: SlaStanding;
  /** Milliseconds to the deadline (negative once breached). */
  readonly remainingMs: number;
}
export const slaStandings = ['on_track', 'due_soon', 'breached'] as const;
export type SlaStanding = (typeof slaStandings)[number];

/** "Breaching within 1 h": the queue's filter and the badge's warning colour. */
export const DUE_SOON_MS = HOUR_MS;

export type DeadlineFacts = Pick<SlaTicket, 'status' | 'firstResponseAt'> & {
  readonly firstResponseDueAt: Date | null;
  readonly resolutionDueAt: Date | null;
};

/**
 * The running clock that runs out first, from the deadlines the functions stored. A deadline
 * is breached exactly at its target (remaining 0). Null when no clock runs (resolved, closed,
 * rejected) or the ticket has no deadlines yet.
 */
export function nextSlaDeadline(ticket: DeadlineFacts, now: Date): SlaDeadline | null {
  if (!working(ticket.status)) return null;
  const candidates: { clock: SlaClock; dueAt: Date }[] = [];
  if (ticket.firstResponseAt === null && ticket.firstResponseDueAt !== null) {
    candidates.push({ clock: 'firstResponse', dueAt: ticket.firstResponseDueAt });
  }
  if (ticket.resolutionDueAt !== null) candidates.push({ clock: 'resolution', dueAt: ticket.resolutionDueAt });
  const first = candidates.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  if (!first) return null;
  const remainingMs = first.dueAt.getTime() - now.getTime();
  const standing: SlaStanding = remainingMs <= 0 ? 'breached' : remainingMs <= DUE_SOON_MS ? 'due_soon' : 'on_track';
  return { ...first, standing, remainingMs };
}

export const slaClockLabels: Record<SlaClock, string> = {
  firstResponse: 'First reply',
  resolution: 'Resolution',
};

/** Whether a resolved ticket kept both promises (for the reports), or null when it has no deadlines. */
export function metSla(
  ticket: Pick<DeadlineFacts, 'firstResponseAt' | 'firstResponseDueAt' | 'resolutionDueAt'> & { resolvedAt: Date | null },
): boolean | null {
  if (ticket.resolvedAt === null || ticket.firstResponseDueAt === null || ticket.resolutionDueAt === null) return null;
  const firstReply = ticket.firstResponseAt ?? ticket.resolvedAt;
  return firstReply.getTime() < ticket.firstResponseDueAt.getTime() && ticket.resolvedAt.getTime() < ticket.resolutionDueAt.getTime();
}

/** The breach's words: the event note and the assignee's notification. */
export function breachText(clock: SlaClock, ticketName: string): string {
  return clock === 'firstResponse'
    ? `The first reply to ${ticketName} is overdue: its target has passed.`
    : `The resolution of ${ticketName} is overdue: its target has passed.`;
}

/** Whether a resolved ticket has waited its days and closes now (at exactly N days, too). */
export function isDueToAutoClose(ticket: { status: TicketStatus; resolvedAt: Date | null }, policy: SlaPolicy, now: Date): boolean {
  return ticket.status === 'resolved' && ticket.resolvedAt !== null && now.getTime() - ticket.resolvedAt.getTime() >= policy.autoCloseDays * DAY_MS;
}

/** The system message of an automatic close. */
export function autoCloseText(days: number): string {
  return `This ticket was closed automatically ${days} ${days === 1 ? 'day' : 'days'} after it was resolved. The chat is closed; open a follow-up ticket if you need more help.`;
}
