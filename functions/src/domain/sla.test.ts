import { describe, expect, it } from 'vitest';
import {
  HOUR_MS,
  defaultSlaPolicy,
  metSla,
  newTicketDoc,
  nextSlaDeadline,
  reportOf,
  slaPolicyFrom,
  statsDocsOf,
  ticketCells,
  deskMonthDocSchema,
  agentMonthDocSchema,
  type TicketDoc,
  type TicketHistory,
} from './index.js';

const noHistory: TicketHistory = { reopens: [], submittedPriority: null };

const opened = new Date('2024-05-01T10:00:00Z');
const at = (hours: number) => new Date(opened.getTime() + hours * HOUR_MS);
const ticket = (fields: Partial<TicketDoc>): TicketDoc => ({
  ...newTicketDoc(
    { title: 'Printer on fire', description: 'It smells of toast.', category: 'technical', priority: 'high' },
    { uid: 'cust-1', displayName: 'Cora' },
    opened,
  ),
  firstResponseDueAt: at(4),
  resolutionDueAt: at(24),
  ...fields,
});

describe('the service-level policy', () => {
  it('fills what config/sla leaves out with the defaults', () => {
    expect(slaPolicyFrom(undefined)).toEqual(defaultSlaPolicy);
    expect(slaPolicyFrom({ resolutionHours: { low: 200 } }).resolutionHours).toEqual({ critical: 8, high: 24, medium: 72, low: 200 });
    expect(slaPolicyFrom({ autoCloseDays: 0 })).toEqual(defaultSlaPolicy);
  });
});

describe('the next deadline a badge shows', () => {
  it('is the first reply until staff respond, breached exactly at the target', () => {
    const open = ticket({});
    expect(nextSlaDeadline(open, at(3.5))).toMatchObject({ clock: 'firstResponse', standing: 'due_soon', remainingMs: HOUR_MS / 2 });
    expect(nextSlaDeadline(open, at(1))).toMatchObject({ standing: 'on_track' });
    expect(nextSlaDeadline(open, at(4))).toMatchObject({ standing: 'breached', remainingMs: 0 });
    const answered = ticket({ status: 'in_progress', firstResponseAt: at(1) });
    expect(nextSlaDeadline(answered, at(26))).toMatchObject({ clock: 'resolution', standing: 'breached', remainingMs: -2 * HOUR_MS });
  });

  it('is none while resolved, closed or rejected', () => {
    for (const status of ['resolved', 'closed', 'rejected'] as const) expect(nextSlaDeadline(ticket({ status }), at(1))).toBeNull();
  });
});

describe('within service levels, in the reports', () => {
  it('counts a resolution that kept both targets as met, on the day of the resolution, for the desk and the agent', () => {
    const kept = ticket({ status: 'resolved', firstResponseAt: at(1), resolvedAt: at(20), assigneeUid: 'agent-a' });
    const lateReply = ticket({ status: 'closed', firstResponseAt: at(4), resolvedAt: at(5), closedAt: at(6), assigneeUid: 'agent-a' });
    expect(metSla(kept)).toBe(true);
    expect(metSla(lateReply)).toBe(false);
    expect(metSla(ticket({ status: 'in_progress' }))).toBeNull();

    const cells = ticketCells(kept, noHistory);
    for (const [key, n] of ticketCells(lateReply, noHistory)) cells.set(key, (cells.get(key) ?? 0) + n);
    const docs = statsDocsOf(cells);
    const desk = Object.values(docs).filter((doc) => doc.scope === 'desk').map((doc) => deskMonthDocSchema.parse(doc));
    const agents = Object.values(docs).filter((doc) => doc.scope === 'agent').map((doc) => agentMonthDocSchema.parse(doc));
    const report = reportOf({ desk, agents, summary: null }, '7d', at(30));
    expect(report.withinSla).toEqual({ met: 1, missed: 1, share: 0.5 });
    expect(report.withinSlaByPriority.high).toEqual({ met: 1, missed: 1, share: 0.5 });
    expect(report.withinSlaByPriority.low).toEqual({ met: 0, missed: 0, share: null });
    expect(report.agents.find((row) => row.agentUid === 'agent-a')?.withinSla).toEqual({ met: 1, missed: 1, share: 0.5 });
  });
});
