import { describe, expect, it } from 'vitest';
import { HOUR_MS, nextSlaDeadline, type Ticket } from '../../functions/src/domain/index.js';
import type { SupportBackend } from '../../web/src/backend/port.js';
import type { ContractHarness } from './harness.js';
import { queueOf, ticketOf } from './lifecycleScenarios.js';
import { nextMatching } from './scenarios.js';

async function openedTicket(customer: SupportBackend, title: string, priority: Ticket['priority']) {
  const write = customer.createTicket({ title, description: 'The export stops half way.', category: 'technical', priority });
  await write.committed;
  return nextMatching(ticketOf(customer, write.id), (t) => t !== null && t.firstResponseDueAt !== null) as Promise<Ticket>;
}

/** Service levels through the port: the deadlines the functions stamp, and the queue by deadline. */
export function runServiceLevelScenarios(makeHarness: () => Promise<ContractHarness>) {
  describe('service levels', () => {
    it('a new ticket gets its first-reply and resolution deadlines from its priority', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const ticket = await openedTicket(customer, 'Export stops', 'high');
      expect(ticket.firstResponseDueAt!.getTime() - ticket.createdAt.getTime()).toBe(4 * HOUR_MS);
      expect(ticket.resolutionDueAt!.getTime() - ticket.createdAt.getTime()).toBe(24 * HOUR_MS);
      expect(nextSlaDeadline(ticket, ticket.createdAt)).toMatchObject({ clock: 'firstResponse', standing: 'on_track' });
      await harness.dispose();
    });

    it('the queue sorts by next deadline and filters what breaches within the hour and what has breached', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const critical = await openedTicket(customer, 'Everything is down', 'critical');
      const low = await openedTicket(customer, 'A typo on the invoice', 'low');

      const byDeadline = await nextMatching(queueOf(agent, { sort: 'deadline' }, 25), (p) =>
        [critical.id, low.id].every((id) => p.items.some((t) => t.id === id)),
      );
      const order = byDeadline.items.map((t) => t.id).filter((id) => id === critical.id || id === low.id);
      expect(order).toEqual([critical.id, low.id]);

      const now = new Date(critical.createdAt.getTime() + 1000);
      const breaching = await nextMatching(queueOf(agent, { sla: 'breaching' }, 25, null, now), (p) => p.items.some((t) => t.id === critical.id));
      expect(breaching.items.map((t) => t.id)).not.toContain(low.id);

      const later = new Date(critical.createdAt.getTime() + 2 * HOUR_MS);
      const breached = await nextMatching(queueOf(agent, { sla: 'breached' }, 25, null, later), (p) => p.items.some((t) => t.id === critical.id));
      expect(breached.items.map((t) => t.id)).not.toContain(low.id);
      await harness.dispose();
    });
  });
}
