import { describe, expect, it } from 'vitest';
import {
  agentMonthDocSchema,
  currentSatisfaction,
  deskMonthDocSchema,
  newTicketDoc,
  reportOf,
  satisfactionChange,
  statsDocsOf,
  ticketCells,
  addCells,
  type TicketDoc,
  type TicketHistory,
} from './index.js';

const noHistory: TicketHistory = { reopens: [], submittedPriority: null };

const resolvedAt = new Date('2024-05-02T12:00:00Z');
const resolved = (fields: Partial<TicketDoc>): TicketDoc => ({
  ...newTicketDoc(
    { title: 'Refund missing', description: 'The refund never came.', category: 'billing', priority: 'medium' },
    { uid: 'cust-1', displayName: 'Cora' },
    new Date('2024-05-01T10:00:00Z'),
  ),
  status: 'resolved',
  assigneeUid: 'agent-a',
  firstResponseAt: new Date('2024-05-01T11:00:00Z'),
  resolvedAt,
  ...fields,
});

describe('satisfaction', () => {
  it('answers the latest resolution only: a reopen and a new resolve ask again', () => {
    const rated = resolved(satisfactionChange({ resolvedAt }, { score: 4, comment: ' Thanks! ' }));
    expect(currentSatisfaction(rated)).toEqual({ score: 4, comment: 'Thanks!' });
    expect(currentSatisfaction({ ...rated, resolvedAt: new Date('2024-05-03T09:00:00Z') })).toBeNull();
    expect(() => satisfactionChange({ resolvedAt }, { score: 6 })).toThrow(/5/);
  });

  it('reports the share of 4 and 5 among answers and the share of resolutions answered, for the desk and per agent', () => {
    const cells = ticketCells(resolved(satisfactionChange({ resolvedAt }, { score: 5 })), noHistory);
    addCells(cells, ticketCells(resolved(satisfactionChange({ resolvedAt }, { score: 2 })), noHistory));
    addCells(cells, ticketCells(resolved({}), noHistory));
    addCells(cells, ticketCells(resolved({ assigneeUid: 'agent-b', ...satisfactionChange({ resolvedAt }, { score: 4 }) }), noHistory));
    const docs = Object.values(statsDocsOf(cells));
    const desk = docs.filter((doc) => doc.scope === 'desk').map((doc) => deskMonthDocSchema.parse(doc));
    const agents = docs.filter((doc) => doc.scope === 'agent').map((doc) => agentMonthDocSchema.parse(doc));
    const report = reportOf({ desk, agents, summary: null }, '7d', new Date('2024-05-04T00:00:00Z'));
    expect(report.satisfaction).toEqual({ answers: 3, satisfied: 2, share: 2 / 3, responseRate: 3 / 4 });
    expect(report.agents.find((row) => row.agentUid === 'agent-a')?.satisfaction).toEqual({
      answers: 2,
      satisfied: 1,
      share: 0.5,
      responseRate: 2 / 3,
    });
  });
});
