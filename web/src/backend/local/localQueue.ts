import {
  assigneeConstraint,
  matchesSearch,
  queueSortOrder,
  type QueueCursor,
  type QueueFilter,
} from '@domain';
import type { LocalDatabase, TicketRow } from './localDatabase';

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
): Promise<{ rows: TicketRow[]; nextCursor: QueueCursor | null }> {
  const { field, direction } = queueSortOrder[filter.sort];
  const descending = direction === 'desc';
  let walk = cursor
    ? descending
      ? db.tickets.where(field).belowOrEqual(cursor.at)
      : db.tickets.where(field).aboveOrEqual(cursor.at)
    : db.tickets.orderBy(field);
  if (descending) walk = walk.reverse();
  const assignee = assigneeConstraint(filter.assignee, viewerUid);

  // Within equal sort values IndexedDB orders by id, so (value, id) places every ticket exactly.
  const afterCursor = (row: TicketRow) => {
    if (!cursor) return true;
    const value = row[field].getTime();
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
    (filter.status === null || row.status === filter.status) &&
    (filter.priority === null || row.priority === filter.priority) &&
    (filter.category === null || row.category === filter.category) &&
    (assignee === undefined || row.assigneeUid === assignee) &&
    matchesSearch(row.searchTokens, filter.search);

  const rows = await walk.filter(passes).limit(pageSize + 1).toArray();
  const last = rows.length > pageSize ? rows[pageSize - 1] : undefined;
  return {
    rows: rows.slice(0, pageSize),
    nextCursor: last ? { at: last[field], id: last.id } : null,
  };
}
