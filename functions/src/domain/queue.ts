import { z } from './zod.js';
import { DUE_SOON_MS } from './sla.js';
import { categorySchema, prioritySchema, ticketStatusSchema } from './ticketFields.js';

/**
 * What the queue can be narrowed to. Every filter is an equality the server evaluates
 * (with a composite index per filter and sort in firestore.indexes.json), so a desk of
 * 10,000 tickets opens reading one page.
 */
export const QUEUE_PAGE_SIZE = 25;
/** The longest search text the queue takes (the search box stops there). */
export const QUEUE_SEARCH_MAX = 100;
export const QUEUE_PAGE_MAX = 100;

export const queueSorts = ['newest', 'oldest', 'updated', 'deadline'] as const;
export const queueSortSchema = z.enum(queueSorts);
export type QueueSort = z.infer<typeof queueSortSchema>;

export const queueSortLabels: Record<QueueSort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  updated: 'Recently updated',
  deadline: 'Next deadline first',
};

/** The field and direction each sort orders by (ties broken by document id). */
export type QueueSortField = 'createdAt' | 'updatedAt' | 'slaDueAt';
export const queueSortOrder: Record<QueueSort, { field: QueueSortField; direction: 'asc' | 'desc' }> = {
  newest: { field: 'createdAt', direction: 'desc' },
  oldest: { field: 'createdAt', direction: 'asc' },
  updated: { field: 'updatedAt', direction: 'desc' },
  /** Tickets with a running service-level clock, the one that runs out first at the top. */
  deadline: { field: 'slaDueAt', direction: 'asc' },
};

/** The queue by service levels: every ticket, those due within the hour, those past a deadline. */
export const queueSlaFilters = ['any', 'breaching', 'breached'] as const;
export const queueSlaFilterSchema = z.enum(queueSlaFilters);
export type QueueSlaFilter = z.infer<typeof queueSlaFilterSchema>;
export const queueSlaFilterLabels: Record<QueueSlaFilter, string> = {
  any: 'Any',
  breaching: 'Breaching within 1 h',
  breached: 'Breached',
};

/** "anyone", "unassigned", "mine", or one agent's uid. */
export const assigneeFilterSchema = z.union([
  z.literal('anyone'),
  z.literal('unassigned'),
  z.literal('mine'),
  z.string().check(z.minLength(1)),
]);
export type AssigneeFilter = z.infer<typeof assigneeFilterSchema>;

export const queueFilterSchema = z.object({
  status: z._default(z.nullable(ticketStatusSchema), null),
  priority: z._default(z.nullable(prioritySchema), null),
  category: z._default(z.nullable(categorySchema), null),
  assignee: z._default(assigneeFilterSchema, 'anyone'),
  search: z._default(z.string().check(z.trim(), z.maxLength(QUEUE_SEARCH_MAX)), ''),
  sort: z._default(queueSortSchema, 'newest'),
  sla: z._default(queueSlaFilterSchema, 'any'),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;
export const defaultQueueFilter: QueueFilter = queueFilterSchema.parse({});

/** The sort a filter pages by: a service-level filter is a range of deadlines, so it orders by them. */
export function effectiveQueueSort(filter: Pick<QueueFilter, 'sort' | 'sla'>): QueueSort {
  return filter.sla === 'any' ? filter.sort : 'deadline';
}

/**
 * The deadlines (`slaDueAt`) a queue ordered by them takes at `now`: later than `after`, up
 * to `upTo` (null: no end). Tickets without a running clock have no deadline and never show.
 * Breached means the deadline has come (exactly at the target, too); breaching, it comes
 * within DUE_SOON_MS.
 */
export function slaDueRange(sla: QueueSlaFilter, now: Date): { after: Date; upTo: Date | null } {
  if (sla === 'breached') return { after: new Date(0), upTo: now };
  if (sla === 'breaching') return { after: now, upTo: new Date(now.getTime() + DUE_SOON_MS) };
  return { after: new Date(0), upTo: null };
}

/** Where a page starts: just after the last ticket of the page before, in sort order. */
export const queueCursorSchema = z.object({ at: z.date(), id: z.string().check(z.minLength(1)) });
export type QueueCursor = z.infer<typeof queueCursorSchema>;

/** The assignee uid a filter means for this viewer: undefined for no filter, null for unassigned. */
export function assigneeConstraint(filter: AssigneeFilter, viewerUid: string): string | null | undefined {
  if (filter === 'anyone') return undefined;
  if (filter === 'unassigned') return null;
  if (filter === 'mine') return viewerUid;
  return filter;
}
