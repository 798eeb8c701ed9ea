import { describe, expect, it } from 'vitest';
import type { CannedReply } from '../../functions/src/domain/index.js';
import type { SupportBackend } from '../../web/src/backend/port.js';
import type { ContractHarness } from './harness.js';
import { nextMatching } from './scenarios.js';

const cannedRepliesOf = (tab: SupportBackend) => (onData: (replies: CannedReply[]) => void, onError: (e: Error) => void) =>
  tab.subscribeCannedReplies(onData, onError);

/** What makes an agent fast (issue 13): canned replies, bulk actions, search in conversations. */
export function runAgentDayScenarios(makeHarness: () => Promise<ContractHarness>) {
  describe('canned replies', () => {
    it('an admin saves, edits and removes a canned reply; an agent sees each change live; customers cannot read them', async () => {
      const harness = await makeHarness();
      const admin = await harness.openTab('admin');
      const agent = await harness.openTab('agent');
      const customer = await harness.openTab('customer');
      const saved = admin.saveCannedReply(null, { title: 'Refund sent', body: 'Hi {{customer.name}}, the refund is on its way.', category: 'Billing' });
      await saved.committed;
      const seen = await nextMatching(cannedRepliesOf(agent), (replies) => replies.some((r) => r.id === saved.id));
      expect(seen.find((r) => r.id === saved.id)).toMatchObject({ title: 'Refund sent', category: 'Billing' });

      await admin.saveCannedReply(saved.id, { title: 'Refund sent', body: 'The refund is on its way.' }).committed;
      await nextMatching(cannedRepliesOf(agent), (replies) =>
        replies.some((r) => r.id === saved.id && r.body === 'The refund is on its way.' && r.category === null),
      );
      await admin.deleteCannedReply(saved.id).committed;
      await nextMatching(cannedRepliesOf(agent), (replies) => !replies.some((r) => r.id === saved.id));

      await expect(nextMatching(cannedRepliesOf(customer), () => true)).rejects.toMatchObject({ code: 'permission-denied' });
      await harness.dispose();
    });

    it('an agent may not write canned replies, and bad input is refused at once', async () => {
      const harness = await makeHarness();
      const agent = await harness.openTab('agent');
      await expect(agent.saveCannedReply(null, { title: 'Mine', body: 'Hello.' }).committed).rejects.toMatchObject({
        code: 'permission-denied',
      });
      expect(() => agent.saveCannedReply(null, { title: ' ', body: 'Hello.' })).toThrow('Give the canned reply a title.');
      await harness.dispose();
    });
  });
}
