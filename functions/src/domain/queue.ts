import { z } from 'zod';
import { categorySchema, prioritySchema, ticketStatusSchema } from './ticketFields.js';

/**
 * What the queue can be narrowed to. Every filter is an equality the server evaluates
 * (with a composite index per filter and sort in firestore.indexes.json), so a desk of
 * 10,000 tickets opens reading one page.
 */
export const QUEUE_PAGE_SIZE = 25;
export const QUEUE_PAGE_MAX = 100;

export const queueSorts = ['newest', 'oldest', 'updated'] as const;
export const queueSortSchema = z.enum(queueSorts);
export type QueueSort = z.infer<typeof queueSortSchema>;

export const queueSortLabels: Record<QueueSort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  updated: 'Recently updated',
};

/** The field and direction each sort orders by (ties broken by document id). */
export const queueSortOrder: Record<QueueSort, { field: 'createdAt' | 'updatedAt'; direction: 'asc' | 'desc' }> = {
  newest: { field: 'createdAt', direction: 'desc' },
  oldest: { field: 'createdAt', direction: 'asc' },
  updated: { field: 'updatedAt', direction: 'desc' },
};

/** "anyone", "unassigned", "mine", or one agent's uid. */
export const assigneeFilterSchema = z.union([
  z.literal('anyone'),
  z.literal('unassigned'),
  z.literal('mine'),
  z.string().min(1),
]);
export type AssigneeFilter = z.infer<typeof assigneeFilterSchema>;

export const queueFilterSchema = z.object({
  status: ticketStatusSchema.nullable().default(null),
  priority: prioritySchema.nullable().default(null),
  category: categorySchema.nullable().default(null),
  assignee: assigneeFilterSchema.default('anyone'),
  search: z.string().trim().max(100).default(''),
  sort: queueSortSchema.default('newest'),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;
export const defaultQueueFilter: QueueFilter = queueFilterSchema.parse({});

/** Where a page starts: just after the last ticket of the page before, in sort order. */
export const queueCursorSchema = z.object({ at: z.date(), id: z.string().min(1) });
export type QueueCursor = z.infer<typeof queueCursorSchema>;

/** The assignee uid a filter means for this viewer: undefined for no filter, null for unassigned. */
export function assigneeConstraint(filter: AssigneeFilter, viewerUid: string): string | null | undefined {
  if (filter === 'anyone') return undefined;
  if (filter === 'unassigned') return null;
  if (filter === 'mine') return viewerUid;
  return filter;
}
