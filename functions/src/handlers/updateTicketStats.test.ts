import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categories,
  movesFrom,
  priorities,
  reportOf,
  statsDocSchema,
  ticketDocSchema,
  type AgentMonthDoc,
  type DeskMonthDoc,
  type SummaryDoc,
  type TicketDoc,
} from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { rebuildStatsInStore } from './rebuildStats.js';
import { DeskSimulation, heldStats, rebuiltStats } from './statsSimulation.js';
import { givenTicket, givenUser } from './testSupport.js';

const START = new Date('2024-05-01T10:00:00Z');
const HOUR = 3_600_000;

function desk() {
  const store = new MemoryStore();
  givenUser(store, 'agent-1', 'agent', { displayName: 'Alex Agent' });
  givenUser(store, 'agent-2', 'agent', { displayName: 'Bo Agent' });
  givenUser(store, 'admin-1', 'admin', { displayName: 'Ada Admin' });
  givenUser(store, 'cust-1', 'customer', { displayName: 'Cora Customer' });
  return { store, sim: new DeskSimulation(store, START) };
}

function newTicket(store: MemoryStore, id: string, at: Date, overrides: Partial<TicketDoc> = {}): TicketDoc {
  // givenTicket writes it; the simulation writes it again as the customer's create.
  const doc = givenTicket(store, id, { createdAt: at, updatedAt: at, ...overrides });
  store.write(`tickets/${id}`, {});
  return doc;
}

const read = (store: MemoryStore, id: string) => statsDocSchema.parse(store.read(`stats/${id}`));
const day = (store: MemoryStore, month: string, dd: string) => (read(store, `desk_${month}`) as DeskMonthDoc).days[dd]!;
const summary = (store: MemoryStore) => read(store, 'summary') as SummaryDoc;
const report = (store: MemoryStore, today: Date) =>
  reportOf(
    {
      desk: store.list('stats').map(({ data }) => statsDocSchema.parse(data)).filter((doc): doc is DeskMonthDoc => doc.scope === 'desk'),
      agents: store.list('stats').map(({ data }) => statsDocSchema.parse(data)).filter((doc): doc is AgentMonthDoc => doc.scope === 'agent'),
      summary: summary(store),
    },
    '7d',
    today,
  );

describe('updateTicketStats', () => {
  it('counts a new ticket on its day, by status, priority and category, and in the summary the console shows', async () => {
    const { store, sim } = desk();
    await sim.create('t1', newTicket(store, 't1', START, { priority: 'high', category: 'billing' }));

    expect(day(store, '2024-05', '01')).toMatchObject({ opened: 1, status: { open: 1 }, priority: { high: 1 }, category: { billing: 1 } });
    expect(summary(store)).toMatchObject({
      total_tickets: 1,
      open_tickets: 1,
      avg_tickets_per_day: 1,
      priority_breakdown: { high: 1, low: 0 },
      category_breakdown: { billing: 1 },
    });
  });

  it('a reopen undoes the resolve: the resolution leaves the counts and the reopen is counted for the assignee', async () => {
    const { store, sim } = desk();
    await sim.create('t1', newTicket(store, 't1', START));
    sim.now = new Date(START.getTime() + 2 * HOUR);
    await sim.edit('t1', { status: 'in_progress', assigneeUid: 'agent-1' }, 'agent-1');
    sim.now = new Date(START.getTime() + 5 * HOUR);
    await sim.edit('t1', { status: 'resolved' }, 'agent-1');
    expect(day(store, '2024-05', '01')).toMatchObject({ resolved: 1, left: 1, resolution: { h6: 1 }, firstResponse: { h3: 1 } });
    expect(report(store, START).agents).toEqual([
      expect.objectContaining({ agentUid: 'agent-1', assigned: 1, resolved: 1, reopened: 0, medianResolution: expect.any(Number) }),
    ]);

    sim.now = new Date(START.getTime() + 30 * HOUR);
    await sim.edit('t1', { status: 'in_progress' }, 'cust-1');
    expect(day(store, '2024-05', '01')).toMatchObject({ resolved: 0, left: 0, resolution: { h6: 0 }, status: { in_progress: 1, resolved: 0 } });
    expect(day(store, '2024-05', '02')).toMatchObject({ reopened: 1 });
    expect(report(store, new Date(START.getTime() + 30 * HOUR)).agents).toEqual([
      expect.objectContaining({ agentUid: 'agent-1', resolved: 0, reopened: 1, medianResolution: null }),
    ]);
    expect(heldStats(store)).toEqual(rebuiltStats(store));
  });

  it('moves the count when a counted ticket changes priority or category, and never counts a retried event twice', async () => {
    const { store, sim } = desk();
    await sim.create('t1', newTicket(store, 't1', START, { priority: 'low' }));
    sim.now = new Date(START.getTime() + HOUR);
    await sim.edit('t1', { priority: 'critical' }, 'agent-1');
    await sim.edit('t1', { category: 'account' }, null);
    for (let i = 0; i < sim.delivered.length; i++) await sim.redeliver(i);

    expect(day(store, '2024-05', '01')).toMatchObject({ opened: 1, priority: { low: 0, critical: 1 }, category: { technical: 0, account: 1 } });
    expect(summary(store)).toMatchObject({ total_tickets: 1, priority_breakdown: { low: 0, critical: 1 } });
  });

  it('counts the tickets opened with a triage suggestion, and whether the customer or staff changed it', async () => {
    const { store, sim } = desk();
    const suggested = { suggestedCategory: 'billing', suggestedPriority: 'high', suggestionSource: 'rules' } as const;
    await sim.create('kept', newTicket(store, 'kept', START, { category: 'billing', priority: 'high', ...suggested }));
    await sim.create('customer', newTicket(store, 'customer', START, { category: 'billing', priority: 'low', ...suggested }));
    await sim.create('staff', newTicket(store, 'staff', START, { category: 'billing', priority: 'high', ...suggested }));
    await sim.create('none', newTicket(store, 'none', START, { category: 'billing', priority: 'high' }));
    sim.now = new Date(START.getTime() + HOUR);
    await sim.edit('staff', { priority: 'critical' }, 'agent-1');
    sim.now = new Date(START.getTime() + 2 * HOUR);
    await sim.edit('customer', { priority: 'medium' }, 'agent-1');
    for (let i = 0; i < sim.delivered.length; i++) await sim.redeliver(i);

    expect(day(store, '2024-05', '01').triage).toEqual({ suggested: 3, changedByCustomer: 1, changedByStaff: 2 });
    expect(report(store, new Date(START.getTime() + 3 * HOUR)).triage).toEqual({ suggested: 3, changedByCustomer: 1, changedByStaff: 2 });
    expect(heldStats(store)).toEqual(rebuiltStats(store));

    // Staff put the priority back to what the customer chose: no longer changed by staff.
    sim.now = new Date(START.getTime() + 4 * HOUR);
    await sim.edit('staff', { priority: 'high' }, 'agent-2');
    expect(day(store, '2024-05', '01').triage).toEqual({ suggested: 3, changedByCustomer: 1, changedByStaff: 1 });
    expect(heldStats(store)).toEqual(rebuiltStats(store));
  });

  it('a new priority in an illegal console move is recorded and counted as changed by staff, by the triggers and the rebuild alike', async () => {
    const { store, sim } = desk();
    const suggested = { suggestedCategory: 'billing', suggestedPriority: 'high', suggestionSource: 'rules' } as const;
    await sim.create('t1', newTicket(store, 't1', START, { category: 'billing', priority: 'high', ...suggested }));
    sim.now = new Date(START.getTime() + HOUR);
    await sim.edit('t1', { status: 'closed', priority: 'low' }, null);

    expect(ticketDocSchema.parse(store.read('tickets/t1'))).toMatchObject({ status: 'open', priority: 'low' });
    expect(day(store, '2024-05', '01').triage).toEqual({ suggested: 1, changedByCustomer: 0, changedByStaff: 1 });
    expect(heldStats(store)).toEqual(rebuiltStats(store));
  });

  it('a console edit that broke the ticket, put back by the repair, leaves the counts as they were', async () => {
    const { store, sim } = desk();
    await sim.create('t1', newTicket(store, 't1', START));
    const counted = heldStats(store);
    await sim.edit('t1', { priority: 'urgent', status: 'closed' }, null);

    expect(ticketDocSchema.parse(store.read('tickets/t1')).priority).toBe('medium');
    expect(heldStats(store)).toEqual(counted);
  });

  it('an illegal move in the console, put back by the review, leaves the counts as they were', async () => {
    const { store, sim } = desk();
    await sim.create('t1', newTicket(store, 't1', START));
    const counted = heldStats(store);
    await sim.edit('t1', { status: 'closed' }, null);

    expect(ticketDocSchema.parse(store.read('tickets/t1')).status).toBe('open');
    expect(heldStats(store)).toEqual(counted);
  });
});

const STAFF = ['agent-1', 'agent-2', 'admin-1'] as const;
type Step =
  | { kind: 'create'; priority: (typeof priorities)[number]; category: (typeof categories)[number]; suggestion?: Suggestion | null }
  | { kind: 'move'; ticket: number; choice: number; actor: number }
  | { kind: 'priority'; ticket: number; priority: (typeof priorities)[number] }
  | { kind: 'category'; ticket: number; category: (typeof categories)[number] }
  | { kind: 'assign'; ticket: number; actor: number }
  | { kind: 'consoleStatus'; ticket: number; status: TicketDoc['status']; priority?: (typeof priorities)[number] | null }
  | { kind: 'brokenEdit'; ticket: number }
  | { kind: 'retry'; event: number }
  | { kind: 'wait'; hours: number };

type Suggestion = { suggestedCategory: (typeof categories)[number]; suggestedPriority: (typeof priorities)[number] };
const suggestion: fc.Arbitrary<Suggestion | null> = fc.option(
  fc.record({ suggestedCategory: fc.constantFrom(...categories), suggestedPriority: fc.constantFrom(...priorities) }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), priority: fc.constantFrom(...priorities), category: fc.constantFrom(...categories), suggestion }),
  fc.record({ kind: fc.constant('move' as const), ticket: fc.nat(), choice: fc.nat(), actor: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), ticket: fc.nat(), choice: fc.nat(), actor: fc.nat() }),
  fc.record({ kind: fc.constant('priority' as const), ticket: fc.nat(), priority: fc.constantFrom(...priorities) }),
  fc.record({ kind: fc.constant('category' as const), ticket: fc.nat(), category: fc.constantFrom(...categories) }),
  fc.record({ kind: fc.constant('assign' as const), ticket: fc.nat(), actor: fc.nat() }),
  fc.record({
    kind: fc.constant('consoleStatus' as const),
    ticket: fc.nat(),
    status: fc.constantFrom('open', 'in_progress', 'resolved', 'closed', 'rejected' as const),
    // A console write may change the priority with the status, a legal move or not.
    priority: fc.option(fc.constantFrom(...priorities)),
  }),
  fc.record({ kind: fc.constant('brokenEdit' as const), ticket: fc.nat() }),
  fc.record({ kind: fc.constant('retry' as const), event: fc.nat() }),
  fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 0, max: 60 }) }),
);

async function play(steps: readonly Step[]): Promise<MemoryStore> {
  const { store, sim } = desk();
  const ids: string[] = [];
  const pick = (n: number) => ids[n % ids.length];
  for (const s of steps) {
    sim.now = new Date(sim.now.getTime() + 60_000);
    if (s.kind === 'create') {
      const id = `t${ids.length + 1}`;
      ids.push(id);
      const suggested = s.suggestion ? { ...s.suggestion, suggestionSource: 'rules' as const } : {};
      await sim.create(id, newTicket(store, id, sim.now, { priority: s.priority, category: s.category, ...suggested }));
      continue;
    }
    if (s.kind === 'wait') {
      sim.now = new Date(sim.now.getTime() + s.hours * HOUR);
      continue;
    }
    if (s.kind === 'retry') {
      await sim.redeliver(s.event);
      continue;
    }
    const id = pick(s.ticket);
    if (id === undefined) continue;
    const ticket = ticketDocSchema.parse(store.read(`tickets/${id}`));
    if (s.kind === 'move') {
      const actor = STAFF[s.actor % STAFF.length]!;
      const moves = movesFrom('agent', ticket.status);
      const to = moves[s.choice % Math.max(1, moves.length)];
      if (to === undefined) continue;
      const assign = ticket.status === 'open' && to === 'in_progress' ? { assigneeUid: actor } : {};
      await sim.edit(id, { status: to, rejectionReason: to === 'rejected' ? 'Not ours' : ticket.rejectionReason, ...assign }, actor);
    } else if (s.kind === 'priority') await sim.edit(id, { priority: s.priority }, 'agent-1');
    else if (s.kind === 'category') await sim.edit(id, { category: s.category }, null);
    else if (s.kind === 'assign') await sim.edit(id, { assigneeUid: STAFF[s.actor % STAFF.length]! }, 'admin-1');
    else if (s.kind === 'consoleStatus') await sim.edit(id, { status: s.status, ...(s.priority ? { priority: s.priority } : {}) }, null);
    else await sim.edit(id, { priority: 'urgent' }, null);
  }
  return store;
}

describe('stats kept by the triggers', () => {
  it('equal the stats rebuilt from the tickets, after any sequence of lifecycle events, retries included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const store = await play([{ kind: 'create', priority: 'low', category: 'general' }, ...steps]);
        expect(heldStats(store)).toEqual(rebuiltStats(store));
      }),
      { numRuns: 30 },
    );
  }, 180_000);

  it('the rebuild in the store writes what the triggers keep, and the triggers carry on from it', async () => {
    const store = await play([
      { kind: 'create', priority: 'low', category: 'general', suggestion: { suggestedCategory: 'general', suggestedPriority: 'high' } },
      { kind: 'priority', ticket: 0, priority: 'critical' },
      { kind: 'move', ticket: 0, choice: 0, actor: 0 },
      { kind: 'wait', hours: 3 },
      { kind: 'move', ticket: 0, choice: 0, actor: 0 },
      { kind: 'create', priority: 'high', category: 'billing' },
    ]);
    const kept = heldStats(store);
    for (const { id } of store.list('stats')) store.write(`stats/${id}`, { scope: 'summary' });
    for (const { id } of store.list('statsLedger')) store.write(`statsLedger/${id}`, {});

    expect(await rebuildStatsInStore(store)).toMatchObject({ tickets: 2, skipped: 0 });
    expect(heldStats(store)).toEqual(kept);
    expect(report(store, new Date(START.getTime() + 10 * HOUR)).triage).toEqual({ suggested: 1, changedByCustomer: 1, changedByStaff: 1 });

    const sim = new DeskSimulation(store, new Date(START.getTime() + 10 * HOUR));
    sim.idPrefix = 'later';
    await sim.edit('t1', { status: 'in_progress' }, 'cust-1');
    expect(heldStats(store)).toEqual(rebuiltStats(store));
  });
});
