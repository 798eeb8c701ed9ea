import { describe, expect, it } from 'vitest';
import { currentSatisfaction } from '../../functions/src/domain/index.js';
import type { ContractHarness } from './harness.js';
import { ticketOf } from './lifecycleScenarios.js';
import { nextMatching } from './scenarios.js';

/** The customer's rating of the help, through the port: asked on resolve, changeable until closed. */
export function runSatisfactionScenarios(makeHarness: () => Promise<ContractHarness>) {
  describe('satisfaction', () => {
    it('the customer rates a resolved ticket, changes the rating, staff see it, and a closed ticket takes no more', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const created = customer.createTicket({ title: 'Refund missing', description: 'The refund never came.', category: 'billing', priority: 'medium' });
      await created.committed;
      await nextMatching(ticketOf(agent, created.id), (t) => t?.number != null);
      await agent.acceptTicket(created.id).committed;
      await agent.changeStatus(created.id, 'resolved').committed;
      const resolved = (await nextMatching(ticketOf(customer, created.id), (t) => t?.status === 'resolved' && t.resolvedAt !== null))!;

      await customer.rateHelp(resolved, { score: 2, comment: 'Slow.' }).committed;
      await customer.rateHelp(resolved, { score: 5, comment: '  ' }).committed;
      const seen = await nextMatching(ticketOf(agent, created.id), (t) => t !== null && currentSatisfaction(t)?.score === 5);
      expect(currentSatisfaction(seen!)).toEqual({ score: 5, comment: null });

      await expect(async () => customer.rateHelp(resolved, { score: 0 }).committed).rejects.toMatchObject({ code: 'invalid-argument' });
      await expect(agent.rateHelp(resolved, { score: 1 }).committed).rejects.toMatchObject({ code: 'permission-denied' });

      await customer.changeStatus(created.id, 'closed').committed;
      await nextMatching(ticketOf(customer, created.id), (t) => t?.status === 'closed');
      await expect(customer.rateHelp(resolved, { score: 1 }).committed).rejects.toMatchObject({ code: 'permission-denied' });
      await harness.dispose();
    });
  });
}
