import {
  assigneeConstraint,
  effectiveQueueSort,
  matchesSearch,
  queueSortOrder,
  slaDueRange,
  type QueueCursor,
  type QueueFilter,
  type QueueSortField,
} from '@domain';
import Dexie from 'dexie';
import type { LocalDatabase, TicketRow } from './localDatabase';

type TicketWalk = ReturnType<LocalDatabase['tickets']['toCollection']>;
type Equality = readonly [field: 'status' | 'assigneeUid' | 'priority' | 'category', value: string];

/**
 * The equality filter an index can serve together with the sort (creation time only, as
 * the composite indexes are); null (unassigned) cannot be an IndexedDB key, so it is filtered.
 */
function indexedEquality(filter: QueueFilter, assignee: string | null | undefined, sortField: string): Equality | null {
  if (sortField !== 'createdAt') return null;
  if (typeof assignee === 'string') return ['assigneeUid', assignee];
  if (filter.status) return ['status', filter.status];
  if (filter.priority) return ['priority', filter.priority];
  if (filter.category) return ['category', filter.category];
  return null;
}

/** Tickets in sort order from the cursor on (inclusive: ties are settled by id afterwards). */
function walkFrom(
  db: LocalDatabase,
  field: QueueSortField,
  equality: Equality | null,
  cursor: QueueCursor | null,
  descending: boolean,
): TicketWalk {
  if (equality) {
    const [name, value] = equality;
    const low = cursor && !descending ? cursor.at : Dexie.minKey;
    const high = cursor && descending ? cursor.at : Dexie.maxKey;
    return db.tickets.where(`[${name}+${field}]`).between([value, low], [value, high], true, true);
  }
  if (!cursor) return db.tickets.orderBy(field);
  return descending ? db.tickets.where(field).belowOrEqual(cursor.at) : db.tickets.where(field).aboveOrEqual(cursor.at);
}

/**
 * One page of the queue from IndexedDB: walks the sort index from the cursor and stops after
 * one page that passes the filters, as a Firestore query with a cursor and a limit does.
 */
export async function readQueuePage(
  db: LocalDatabase,
  filter: QueueFilter,
  viewerUid: string,
  cursor: QueueCursor | null,
  pageSize: number,
  /** Called for each ticket examined: the documents the page cost. */
  onRead: () => void = () => {},
  slaNow: Date = new Date(),
): Promise<{ rows: TicketRow[]; nextCursor: QueueCursor | null }> {
  const { field, direction } = queueSortOrder[effectiveQueueSort(filter)];
  // Ordered by deadline: only tickets with a running clock (IndexedDB leaves null out of the index), in the filter's window.
  const due = field === 'slaDueAt' ? slaDueRange(filter.sla, slaNow) : null;
  const inWindow = (row: TicketRow) =>
    due === null ||
    (row.slaDueAt !== null && row.slaDueAt > due.after && (due.upTo === null || row.slaDueAt <= due.upTo));
  const descending = direction === 'desc';
  const assignee = assigneeConstraint(filter.assignee, viewerUid);
  let walk = walkFrom(db, field, indexedEquality(filter, assignee, field), cursor, descending);
  if (descending) walk = walk.reverse();

  // Within equal sort values IndexedDB orders by id, so (value, id) places every ticket exactly.
  const afterCursor = (row: TicketRow) => {
    if (!cursor) return true;
    const value = row[field]?.getTime() ?? 0;
    const at = cursor.at.getTime();
    if (value !== at) return descending ? value < at : value > at;
    return descending ? row.id < cursor.id : row.id > cursor.id;
  };
  const passes = (row: TicketRow) => {
    onRead();
    return matches(row);
  };
  const matches = (row: TicketRow) =>
    afterCursor(row) &&
    inWindow(row) &&
    (filter.status === null || row.status === filter.status) &&
    (filter.priority === null || row.priority === filter.priority) &&
    (filter.category === null || row.category === filter.category) &&
    (assignee === undefined || row.assigneeUid === assignee) &&
    matchesSearch(row.searchTokens, filter.search);

  const rows = await walk.filter(passes).limit(pageSize + 1).toArray();
  const last = rows.length > pageSize ? rows[pageSize - 1] : undefined;
  const lastAt = last?.[field];
  return {
    rows: rows.slice(0, pageSize),
    nextCursor: last && lastAt ? { at: lastAt, id: last.id } : null,
  };
}
