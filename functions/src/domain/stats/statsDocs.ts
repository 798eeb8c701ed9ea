import { z } from '../zod.js';
import { docIdSchema } from '../ids.js';
import { categories, priorities, prioritySchema, ticketStatuses, type Category, type Priority, type TicketStatus } from '../ticketFields.js';
import { histogramSchema } from './durations.js';

/**
 * The stats documents, all in the collection `stats`, written only by the functions:
 *
 * - `desk_{YYYY-MM}`: the desk's counts of each day of one month (UTC), under `days.{DD}`;
 * - `agent_{uid}_{YYYY-MM}`: the same counts of one agent's tickets (by current assignee);
 * - `agent_{uid}_all`: that agent's counts of all time (the report's "all time" row);
 * - `summary`: the desk at a glance, in the shape the console reads (snake_case).
 *
 * A day's counts of tickets are by the day each was opened (a cohort): how many were opened,
 * and how many of those are now in each status, priority and category (so a later change
 * moves the count within that day). Events are by the day they happened: resolved, closed,
 * rejected, reopened, left the backlog, and the durations ending that day.
 * Month documents keep the report's reads small: 90 days are at most four documents per
 * desk or agent, where day documents would be 90.
 */
export const STATS_COLLECTION = 'stats';
/** What each ticket counts now, so a change adds only its difference (functions only). */
export const STATS_LEDGER_COLLECTION = 'statsLedger';
/** One marker per trigger event counted: a retried event is recognised and counts nothing. */
export const STATS_MARKER_COLLECTION = 'statsEvents';

const counter = z._default(z.int(), 0);
function tally<const K extends string>(keys: readonly K[]) {
  return z.prefault(z.object(Object.fromEntries(keys.map((key) => [key, counter])) as Record<K, typeof counter>), {} as never);
}

/**
 * suggested: tickets opened with a suggestion; changedByCustomer: the customer submitted
 * another category or priority than suggested; changedByStaff: the priority now is not the
 * one the customer submitted (staff, or the console, changed it; the category is the
 * customer's: only the console can change it).
 */
export const triageCounts = ['suggested', 'changedByCustomer', 'changedByStaff'] as const;
export type TriageCount = (typeof triageCounts)[number];

export const dayCountsSchema = z.prefault(
  z.object({
    /** Tickets opened this day (in an agent's documents: of those, now assigned to the agent). */
    opened: counter,
    /** Tickets that left the backlog (open + in progress) this day, by their latest exit. */
    left: counter,
    /** Tickets resolved this day and not reopened since (resolved or closed after it). */
    resolved: counter,
    closed: counter,
    rejected: counter,
    /** Moves from resolved back to in progress this day. */
    reopened: counter,
    /** Of the tickets opened this day: how many are in each status, priority, category now. */
    status: tally<TicketStatus>(ticketStatuses),
    priority: tally<Priority>(priorities),
    category: tally<Category>(categories),
    /** First responses given this day, by how long after opening. */
    firstResponse: histogramSchema,
    /** Resolutions counted this day (see resolved), by how long after opening. */
    resolution: histogramSchema,
    /** Of the resolutions counted this day: those that kept both service-level targets, and those that missed one, by priority. */
    slaMet: tally<Priority>(priorities),
    slaMissed: tally<Priority>(priorities),
    /** Of the resolutions counted this day: the customers' ratings of the help, by score. */
    satisfaction: tally(['1', '2', '3', '4', '5']),
    /** Of the tickets opened this day with a triage suggestion: how many, and whose choice differed from it. */
    triage: tally(triageCounts),
  }),
  {},
);
export type DayCounts = z.infer<typeof dayCountsSchema>;

export const monthKeySchema = z.string().check(z.regex(/^\d{4}-\d{2}$/, 'A month is written YYYY-MM.'));
export const dayKeySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is written YYYY-MM-DD.'));

export const deskMonthDocSchema = z.object({
  scope: z.literal('desk'),
  month: monthKeySchema,
  days: z._default(z.record(z.string().check(z.regex(/^\d{2}$/)), dayCountsSchema), {}),
});
export type DeskMonthDoc = z.infer<typeof deskMonthDocSchema>;

export const agentMonthDocSchema = z.object({
  scope: z.literal('agent'),
  agentUid: docIdSchema,
  month: monthKeySchema,
  days: z._default(z.record(z.string().check(z.regex(/^\d{2}$/)), dayCountsSchema), {}),
});
export type AgentMonthDoc = z.infer<typeof agentMonthDocSchema>;

export const agentAllDocSchema = z.object({
  scope: z.literal('agent_all'),
  agentUid: docIdSchema,
  counts: dayCountsSchema,
});
export type AgentAllDoc = z.infer<typeof agentAllDocSchema>;

const breakdown = <K extends string>(keys: readonly K[]) => tally(keys);

/**
 * `stats/summary`: the seed's figures as one document an admin reads in the console.
 * avg_tickets_per_day is over the days from the first ticket's day to the last one's.
 */
export const summaryDocSchema = z.object({
  scope: z.literal('summary'),
  total_tickets: counter,
  open_tickets: counter,
  avg_tickets_per_day: z._default(z.number(), 0),
  status_breakdown: breakdown(ticketStatuses),
  priority_breakdown: breakdown(priorities),
  category_breakdown: breakdown(categories),
  first_day: z._default(z.nullable(dayKeySchema), null),
  last_day: z._default(z.nullable(dayKeySchema), null),
});
export type SummaryDoc = z.infer<typeof summaryDocSchema>;

export const statsDocSchema = z.discriminatedUnion('scope', [deskMonthDocSchema, agentMonthDocSchema, agentAllDocSchema, summaryDocSchema]);
export type StatsDoc = z.infer<typeof statsDocSchema>;

export const statsDocIds = {
  deskMonth: (month: string) => `desk_${month}`,
  agentMonth: (agentUid: string, month: string) => `agent_${agentUid}_${month}`,
  agentAll: (agentUid: string) => `agent_${agentUid}_all`,
  summary: 'summary',
} as const;

/** `statsLedger/{ticketId}`: the cells a ticket counts now, and the reopens seen of it. */
export const statsLedgerDocSchema = z.object({
  /** `"{stats doc id} {field path}"` -> how much this ticket adds there. */
  counted: z._default(z.record(z.string(), z.int()), {}),
  /** Trigger event id -> when the ticket was reopened. */
  reopens: z._default(z.record(z.string(), z.date()), {}),
  /** The priority the customer submitted (null: not seen yet; the ticket's priority then counts as it). */
  submittedPriority: z._default(z.nullable(prioritySchema), null),
});
export type StatsLedgerDoc = z.infer<typeof statsLedgerDocSchema>;

/** The UTC day of a time, `YYYY-MM-DD`: the desk's days are UTC days. */
export function dayKeyOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
export function monthKeyOf(day: string): string {
  return day.slice(0, 7);
}
