import { categories, priorities, ticketStatuses } from '../ticketFields.js';
import { splitCellKey } from './contribution.js';
import { summaryDocSchema, type SummaryDoc } from './statsDocs.js';

const DAY_MS = 86_400_000;

/** Days from the first day to the last, both counted. */
export function daysSpanned(firstDay: string, lastDay: string): number {
  return Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / DAY_MS) + 1;
}

export function emptySummary(): SummaryDoc {
  return summaryDocSchema.parse({ scope: 'summary' });
}

/**
 * The summary after a change: the desk's cells added (the summary keeps only what the
 * console's figures need), and the ticket's opening day widening the span of days.
 */
export function summaryWith(
  summary: SummaryDoc,
  delta: ReadonlyMap<string, number>,
  openedDay: string | null,
): SummaryDoc {
  const next: SummaryDoc = structuredClone(summary);
  for (const [key, n] of delta) {
    const { docId, field } = splitCellKey(key);
    if (!docId.startsWith('desk_')) continue;
    const [, , what, value] = field.split('.');
    if (what === 'opened') next.total_tickets += n;
    if (what === 'status' && (ticketStatuses as readonly string[]).includes(value!)) {
      next.status_breakdown[value as (typeof ticketStatuses)[number]] += n;
    }
    if (what === 'priority' && (priorities as readonly string[]).includes(value!)) {
      next.priority_breakdown[value as (typeof priorities)[number]] += n;
    }
    if (what === 'category' && (categories as readonly string[]).includes(value!)) {
      next.category_breakdown[value as (typeof categories)[number]] += n;
    }
  }
  if (openedDay !== null) {
    if (next.first_day === null || openedDay < next.first_day) next.first_day = openedDay;
    if (next.last_day === null || openedDay > next.last_day) next.last_day = openedDay;
  }
  next.open_tickets = next.status_breakdown.open + next.status_breakdown.in_progress;
  const days = next.first_day && next.last_day ? daysSpanned(next.first_day, next.last_day) : 0;
  next.avg_tickets_per_day = days > 0 ? Math.round((next.total_tickets / days) * 100) / 100 : 0;
  return next;
}
