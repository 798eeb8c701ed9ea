import { z } from '../zod.js';
import { categories, priorities, ticketStatuses, type Category, type Priority, type TicketStatus } from '../ticketFields.js';
import {
  addHistograms,
  emptyHistogram,
  histogramQuantile,
  shownDistribution,
  type Histogram,
} from './durations.js';
import { SATISFIED_FROM } from '../satisfaction.js';
import { daysSpanned } from './summary.js';
import {
  dayCountsSchema,
  dayKeyOf,
  monthKeyOf,
  type AgentAllDoc,
  type AgentMonthDoc,
  type DayCounts,
  type DeskMonthDoc,
  type SummaryDoc,
  type TriageCount,
} from './statsDocs.js';

export const statsRanges = ['7d', '30d', '90d', 'all'] as const;
export const statsRangeSchema = z.enum(statsRanges);
export type StatsRange = z.infer<typeof statsRangeSchema>;
export const statsRangeLabels: Record<StatsRange, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  all: 'All time',
};
const rangeDays: Record<Exclude<StatsRange, 'all'>, number> = { '7d': 7, '30d': 30, '90d': 90 };
const DAY_MS = 86_400_000;

/** The stats documents a report of a range reads (what a subscription delivers). */
export interface StatsView {
  readonly desk: readonly DeskMonthDoc[];
  /** Month documents for a range of days; the all-time documents for 'all'. */
  readonly agents: readonly (AgentMonthDoc | AgentAllDoc)[];
  readonly summary: SummaryDoc | null;
}

/**
 * The months whose documents a range needs, from the first (null: every month). The reads
 * are bounded: 90 days touch at most four months per desk or agent.
 */
export function firstMonthOfRange(range: StatsRange, today: Date): string | null {
  if (range === 'all') return null;
  return monthKeyOf(dayKeyOf(new Date(today.getTime() - (rangeDays[range] - 1) * DAY_MS)));
}

/** The days of a range, oldest first (all time: from the first ticket's day). */
export function daysOfRange(range: StatsRange, today: Date, firstDay: string | null): string[] {
  const last = Date.parse(`${dayKeyOf(today)}T00:00:00Z`);
  const count = range === 'all' ? (firstDay ? daysSpanned(firstDay, dayKeyOf(today)) : 1) : rangeDays[range];
  return Array.from({ length: Math.max(1, count) }, (_, i) => dayKeyOf(new Date(last - (count - 1 - i) * DAY_MS)));
}

function addCounts(a: DayCounts, b: DayCounts): DayCounts {
  const sum = <K extends string>(x: Record<K, number>, y: Record<K, number>) =>
    Object.fromEntries(Object.keys(x).map((k) => [k, x[k as K] + y[k as K]])) as Record<K, number>;
  return {
    opened: a.opened + b.opened,
    left: a.left + b.left,
    resolved: a.resolved + b.resolved,
    closed: a.closed + b.closed,
    rejected: a.rejected + b.rejected,
    reopened: a.reopened + b.reopened,
    status: sum(a.status, b.status),
    priority: sum(a.priority, b.priority),
    category: sum(a.category, b.category),
    firstResponse: addHistograms(a.firstResponse, b.firstResponse),
    resolution: addHistograms(a.resolution, b.resolution),
    slaMet: sum(a.slaMet, b.slaMet),
    slaMissed: sum(a.slaMissed, b.slaMissed),
    satisfaction: sum(a.satisfaction, b.satisfaction),
    triage: sum(a.triage, b.triage),
  };
}
const emptyCounts = (): DayCounts => dayCountsSchema.parse({});

/** Day -> counts, from month documents. */
function countsByDay(docs: readonly { month: string; days: Record<string, DayCounts> }[]): Map<string, DayCounts> {
  const byDay = new Map<string, DayCounts>();
  for (const doc of docs) {
    for (const [dd, counts] of Object.entries(doc.days)) {
      const day = `${doc.month}-${dd}`;
      byDay.set(day, addCounts(byDay.get(day) ?? emptyCounts(), counts));
    }
  }
  return byDay;
}

export interface DurationFigures {
  readonly median: number | null;
  readonly p90: number | null;
  readonly count: number;
  readonly distribution: { id: string; label: string; count: number }[];
}
function durationFigures(histogram: Histogram): DurationFigures {
  const distribution = shownDistribution(histogram);
  return {
    median: histogramQuantile(histogram, 0.5),
    p90: histogramQuantile(histogram, 0.9),
    count: distribution.reduce((sum, bucket) => sum + bucket.count, 0),
    distribution,
  };
}

export interface ReportPoint {
  /** A day (`YYYY-MM-DD`), or a month (`YYYY-MM`) for all time. */
  readonly period: string;
  readonly opened: number;
  readonly resolved: number;
  readonly closed: number;
  /** Tickets open or in progress at the end of the period. */
  readonly backlog: number;
}

/** Resolutions that kept both service-level targets, of those that had targets. */
export interface SlaFigures {
  readonly met: number;
  readonly missed: number;
  /** met / (met + missed), as a fraction; null with nothing counted. */
  readonly share: number | null;
}
export function slaFigures(met: number, missed: number): SlaFigures {
  return { met, missed, share: met + missed === 0 ? null : met / (met + missed) };
}
const sumOf = (tallies: Record<Priority, number>) => priorities.reduce((sum, priority) => sum + tallies[priority], 0);

/** The customers' ratings of the resolutions in the range. */
export interface SatisfactionFigures {
  readonly answers: number;
  /** Answers of 4 and 5. */
  readonly satisfied: number;
  /** satisfied / answers, as a fraction; null without answers. */
  readonly share: number | null;
  /** answers / resolutions counted, as a fraction; null without resolutions. */
  readonly responseRate: number | null;
}
function satisfactionFigures(counts: DayCounts): SatisfactionFigures {
  const scores = Object.entries(counts.satisfaction);
  const answers = scores.reduce((sum, [, n]) => sum + n, 0);
  const satisfied = scores.filter(([score]) => Number(score) >= SATISFIED_FROM).reduce((sum, [, n]) => sum + n, 0);
  return {
    answers,
    satisfied,
    share: answers === 0 ? null : satisfied / answers,
    responseRate: counts.resolved === 0 ? null : answers / counts.resolved,
  };
}

export interface AgentRow {
  readonly agentUid: string;
  readonly assigned: number;
  readonly resolved: number;
  readonly reopened: number;
  readonly withinSla: SlaFigures;
  readonly satisfaction: SatisfactionFigures;
  readonly medianFirstResponse: number | null;
  readonly medianResolution: number | null;
}

export interface Report {
  readonly range: StatsRange;
  /** Tickets opened in the range. */
  readonly total: number;
  /** Open or in progress now, whenever opened. */
  readonly openNow: number;
  readonly averagePerDay: number;
  /** Of the tickets opened in the range: how many are in each status, priority, category now. */
  readonly byStatus: Record<TicketStatus, number>;
  readonly byPriority: Record<Priority, number>;
  readonly byCategory: Record<Category, number>;
  readonly series: ReportPoint[];
  readonly firstResponse: DurationFigures;
  readonly resolution: DurationFigures;
  /** Resolutions in the range within their service levels: the desk's, and per priority. */
  readonly withinSla: SlaFigures;
  readonly satisfaction: SatisfactionFigures;
  readonly withinSlaByPriority: Record<Priority, SlaFigures>;
  /** Of the tickets opened in the range with a triage suggestion: how many, and how many had it changed, by whom. */
  readonly triage: Record<TriageCount, number>;
  readonly agents: AgentRow[];
}

/** The report of a range from the stats documents: sums of counts, nothing read from tickets. */
export function reportOf(view: StatsView, range: StatsRange, today: Date): Report {
  const byDay = countsByDay(view.desk);
  const days = daysOfRange(range, today, view.summary?.first_day ?? null);
  const inRange = days.map((day) => byDay.get(day) ?? emptyCounts());
  const totals = inRange.reduce(addCounts, emptyCounts());
  const openNow = view.summary?.open_tickets ?? 0;

  // Backlog at the end of each day: now, less what each later day added to it.
  const todayKey = dayKeyOf(today);
  let later = 0;
  for (const [day, counts] of byDay) if (day > todayKey) later += counts.opened - counts.left;
  const backlogs = new Array<number>(days.length);
  let backlog = openNow - later;
  for (let i = days.length - 1; i >= 0; i--) {
    backlogs[i] = backlog;
    backlog -= inRange[i]!.opened - inRange[i]!.left;
  }
  const daily: ReportPoint[] = days.map((day, i) => ({
    period: day,
    opened: inRange[i]!.opened,
    resolved: inRange[i]!.resolved,
    closed: inRange[i]!.closed,
    backlog: backlogs[i]!,
  }));

  const agents: AgentRow[] = [];
  const agentCounts = new Map<string, DayCounts>();
  const daySet = new Set(days);
  for (const doc of view.agents) {
    let counts = agentCounts.get(doc.agentUid) ?? emptyCounts();
    if (doc.scope === 'agent_all') counts = addCounts(counts, doc.counts);
    else {
      for (const [dd, dayCounts] of Object.entries(doc.days)) {
        if (daySet.has(`${doc.month}-${dd}`)) counts = addCounts(counts, dayCounts);
      }
    }
    agentCounts.set(doc.agentUid, counts);
  }
  for (const [agentUid, counts] of agentCounts) {
    agents.push({
      agentUid,
      assigned: counts.opened,
      resolved: counts.resolved,
      reopened: counts.reopened,
      withinSla: slaFigures(sumOf(counts.slaMet), sumOf(counts.slaMissed)),
      satisfaction: satisfactionFigures(counts),
      medianFirstResponse: histogramQuantile(counts.firstResponse, 0.5),
      medianResolution: histogramQuantile(counts.resolution, 0.5),
    });
  }

  return {
    range,
    total: totals.opened,
    openNow,
    averagePerDay: Math.round((totals.opened / days.length) * 100) / 100,
    byStatus: totals.status,
    byPriority: totals.priority,
    byCategory: totals.category,
    series: range === 'all' ? byMonth(daily) : daily,
    firstResponse: durationFigures(totals.firstResponse ?? emptyHistogram()),
    resolution: durationFigures(totals.resolution ?? emptyHistogram()),
    withinSla: slaFigures(sumOf(totals.slaMet), sumOf(totals.slaMissed)),
    withinSlaByPriority: Object.fromEntries(
      priorities.map((priority) => [priority, slaFigures(totals.slaMet[priority], totals.slaMissed[priority])]),
    ) as Record<Priority, SlaFigures>,
    satisfaction: satisfactionFigures(totals),
    triage: totals.triage,
    agents,
  };
}

/** All time in months: sums per month, the backlog at each month's end. */
function byMonth(daily: readonly ReportPoint[]): ReportPoint[] {
  const months = new Map<string, ReportPoint>();
  for (const point of daily) {
    const month = point.period.slice(0, 7);
    const seen = months.get(month);
    months.set(month, {
      period: month,
      opened: (seen?.opened ?? 0) + point.opened,
      resolved: (seen?.resolved ?? 0) + point.resolved,
      closed: (seen?.closed ?? 0) + point.closed,
      backlog: point.backlog,
    });
  }
  return [...months.values()];
}

export { ticketStatuses as reportStatuses, priorities as reportPriorities, categories as reportCategories };
