import { describe, expect, it } from 'vitest';
import { bulkDoneSentence, bulkRefusalLine, planBulkAction } from './bulk.js';
import { newTicketDoc, type Ticket } from './ticket.js';

const now = new Date('2024-05-01T10:00:00Z');
const agent = { uid: 'agent-a', role: 'agent' as const };
const ticket = (id: string, number: number, overrides: Partial<Ticket> = {}): Ticket => ({
  ...newTicketDoc({ title: `Ticket ${number}`, description: 'Broken.', category: 'general', priority: 'low' }, { uid: 'cust', displayName: 'Maya Chen' }, now),
  number,
  id,
  ...overrides,
});
const activeAgent = { assignee: { role: 'agent' as const, active: true } };

describe('bulk actions', () => {
  it('resolves only the tickets that may be resolved, and says why each other one may not', () => {
    const tickets = [ticket('a', 1, { status: 'in_progress' }), ticket('b', 2), ticket('c', 3, { status: 'in_progress' })];
    const plan = planBulkAction(agent, tickets, { kind: 'status', to: 'resolved' }, { assignee: undefined }, now);
    expect(plan.go.map((t) => t.id)).toEqual(['a', 'c']);
    expect(plan.refused.map(bulkRefusalLine)).toEqual(['#2 Ticket 2: An agent cannot move this ticket from Open to Resolved.']);
    expect(bulkDoneSentence({ kind: 'status', to: 'resolved' }, 2)).toBe('Resolved 2 tickets.');
  });

  it('assigns as one at a time would: a ticket already theirs changes nothing, and is refused', () => {
    const tickets = [ticket('a', 1), ticket('b', 2, { assigneeUid: 'agent-b' })];
    const plan = planBulkAction(agent, tickets, { kind: 'assign', assigneeUid: 'agent-b' }, activeAgent, now);
    expect(plan.go.map((t) => t.id)).toEqual(['a']);
    expect(plan.refused[0]?.reason).toBe('That change changes nothing.');
    const nobody = planBulkAction(agent, tickets, { kind: 'assign', assigneeUid: 'gone' }, { assignee: { role: 'agent', active: false } }, now);
    expect(nobody.go).toEqual([]);
  });

  it('refuses a customer everything', () => {
    const plan = planBulkAction({ uid: 'cust', role: 'customer' }, [ticket('a', 1)], { kind: 'priority', priority: 'high' }, { assignee: undefined }, now);
    expect(plan.go).toEqual([]);
  });
});
