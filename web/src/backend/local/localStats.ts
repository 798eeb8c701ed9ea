import Dexie from 'dexie';
import {
  DomainError,
  agentAllDocSchema,
  agentMonthDocSchema,
  deskMonthDocSchema,
  firstMonthOfRange,
  isAdmin,
  isCountedEvent,
  mayRebuildStats,
  summaryDocSchema,
  ticketEventSchema,
  type Actor,
  type StatsRange,
  type StatsView,
} from '@domain';
import { rebuildStatsInStore, type RebuildOutcome } from '@functions/handlers/rebuildStats';
import type { OnError, Unsubscribe } from '../port';
import { localStore } from './localStore';
import { statsViewAssembler } from '../statsView';
import type { LocalClient } from './localClient';
import type { LocalDatabase, StatsRow } from './localDatabase';

const parseAll = <T,>(rows: StatsRow[], parse: (row: unknown) => T): T[] => rows.map(parse);

/**
 * The reports' stats of a range on the local backend: the same documents the Firebase
 * adapter listens to (the desk's months of the range, the agents' rows the viewer may see,
 * the summary), read by index under the local rules, never the tickets. `onRead` hears how
 * many documents each read returned (the bench counts them).
 */
export function watchLocalStats(
  client: LocalClient,
  db: LocalDatabase,
  viewer: Actor | null,
  range: StatsRange,
  onData: (view: StatsView) => void,
  onError: OnError,
  onRead: (documents: number) => void = () => {},
): Unsubscribe {
  const first = firstMonthOfRange(range, new Date()) ?? '';
  const uid = viewer?.uid ?? '';
  const everyAgent = viewer !== null && isAdmin(viewer.role);
  const view = statsViewAssembler(onData);
  const counted = async (rows: Promise<StatsRow[]>) => {
    const read = await rows;
    onRead(read.length);
    return read;
  };

  const agentRows = (): Promise<StatsRow[]> => {
    if (range === 'all') {
      return everyAgent
        ? db.stats.where('[scope+agentUid]').between(['agent_all', Dexie.minKey], ['agent_all', Dexie.maxKey]).toArray()
        : db.stats.where('[scope+agentUid]').equals(['agent_all', uid]).toArray();
    }
    return everyAgent
      ? db.stats.where('[scope+month]').between(['agent', first], ['agent', Dexie.maxKey]).toArray()
      : db.stats.where('[scope+agentUid+month]').between(['agent', uid, first], ['agent', uid, Dexie.maxKey]).toArray();
  };

  const stops = [
    client.watch(
      { method: 'list', collection: 'stats', where: [['scope', '==', 'desk']], limit: 100 },
      () => counted(db.stats.where('[scope+month]').between(['desk', first], ['desk', Dexie.maxKey]).toArray()),
      (rows) => view.desk(parseAll(rows, (row) => deskMonthDocSchema.parse(row))),
      onError,
    ),
    client.watch(
      {
        method: 'list',
        collection: 'stats',
        where: [['scope', '==', range === 'all' ? 'agent_all' : 'agent'], ...(everyAgent ? [] : [['agentUid', '==', uid] as const])],
        limit: 100,
      },
      () => counted(agentRows()),
      (rows) =>
        view.agents(parseAll(rows, (row) => (range === 'all' ? agentAllDocSchema.parse(row) : agentMonthDocSchema.parse(row)))),
      onError,
    ),
    client.watch(
      { method: 'get', path: 'stats/summary' },
      async () => {
        const row = await db.stats.get('summary');
        onRead(row ? 1 : 0);
        return row;
      },
      (row) => view.summary(row ? summaryDocSchema.parse(row) : null),
      onError,
    ),
  ];
  return () => stops.forEach((stop) => stop());
}

/**
 * Admins: the local counterpart of the rebuildStats callable (the same handler), reading
 * the audit trails' counted events (reopens, priority changes) in one pass over the events table.
 */
export async function rebuildLocalStats(db: LocalDatabase, viewer: Actor | null): Promise<RebuildOutcome> {
  const decision = mayRebuildStats(viewer);
  if (!decision.allowed) throw new DomainError('permission-denied', decision.reason);
  return rebuildStatsInStore(localStore(db), async () => {
    const rows = await db.events.filter((row) => isCountedEvent(row)).toArray();
    return rows.map((row) => ({ ticketId: row.ticketId, id: row.id, event: ticketEventSchema.parse(row) }));
  });
}
