import { defaultQueueFilter, queueFilterSchema, type QueueFilter } from '@domain';

/**
 * The queue's filter in the URL, so a filtered queue can be bookmarked, shared and reloaded.
 * Only fields that differ from the default appear; each field parses on its own through the
 * domain's schema, so one bad value (an old bookmark) falls back to its default alone.
 */
export const queueParamNames = {
  status: 'status',
  priority: 'priority',
  category: 'category',
  assignee: 'assignee',
  search: 'q',
  sort: 'sort',
  sla: 'sla',
} as const satisfies Record<keyof QueueFilter, string>;

type FilterField = keyof QueueFilter;

function parseField<K extends FilterField>(key: K, raw: string | null): QueueFilter[K] {
  const field = queueFilterSchema.shape[key];
  const parsed = field.safeParse(raw === null || raw === '' ? undefined : raw);
  return (parsed.success ? parsed.data : defaultQueueFilter[key]) as QueueFilter[K];
}

export function filterFromParams(params: URLSearchParams): QueueFilter {
  return queueFilterSchema.parse({
    status: parseField('status', params.get(queueParamNames.status)),
    priority: parseField('priority', params.get(queueParamNames.priority)),
    category: parseField('category', params.get(queueParamNames.category)),
    assignee: parseField('assignee', params.get(queueParamNames.assignee)),
    search: parseField('search', params.get(queueParamNames.search)),
    sort: parseField('sort', params.get(queueParamNames.sort)),
    sla: parseField('sla', params.get(queueParamNames.sla)),
  });
}

/** A copy of `params` with one filter field set; the default value removes it from the URL. */
export function withFilterParam(
  params: URLSearchParams,
  key: FilterField,
  value: string | null,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const name = queueParamNames[key];
  const fallback = defaultQueueFilter[key];
  if (value === null || value === '' || value === fallback) next.delete(name);
  else next.set(name, value);
  return next;
}

/** The filters chosen from lists (status, priority, category, assignee, service levels); the search box is apart. */
const listFilters = ['status', 'priority', 'category', 'assignee', 'sla'] as const;

/** How many of the list filters narrow the queue: the count on the phone's "Filters" button. */
export function activeFilterCount(filter: QueueFilter): number {
  return listFilters.filter((key) => filter[key] !== defaultQueueFilter[key]).length;
}

/** Whether anything narrows the queue (the sort alone does not). */
export function isFiltered(filter: QueueFilter): boolean {
  return activeFilterCount(filter) > 0 || filter.search !== defaultQueueFilter.search;
}

/** The URL without any filter, keeping the sort and anything else in it. */
export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of [...listFilters, 'search'] as const) {
    next.delete(queueParamNames[key]);
  }
  return next;
}
