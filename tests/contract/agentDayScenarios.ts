import { describe, expect, it } from 'vitest';
import {
  defaultQueueFilter,
  type AppNotification,
  type CannedReply,
  type PresenceDoc,
  type Ticket,
} from '../../functions/src/domain/index.js';
import { runBulkAction } from '../../web/src/backend/bulkActions.js';
import type { QueuePage, Session, SupportBackend } from '../../web/src/backend/port.js';
import type { ContractHarness } from './harness.js';
import { nextMatching } from './scenarios.js';

const cannedRepliesOf = (tab: SupportBackend) => (onData: (replies: CannedReply[]) => void, onError: (e: Error) => void) =>
  tab.subscribeCannedReplies(onData, onError);

const ticketOf = (tab: SupportBackend, id: string) => (onData: (t: Ticket | null) => void, onError: (e: Error) => void) =>
  tab.subscribeTicket(id, onData, onError);

const messageAlertsOf = (tab: SupportBackend, ticketId: string) => async (ready: (alerts: AppNotification[]) => boolean) =>
  (
    await nextMatching<AppNotification[]>(
      (onData, onError) => tab.subscribeNotifications(onData, onError),
      (list) => ready(list.filter((n) => n.ticketId === ticketId && n.kind === 'new_message')),
    )
  ).filter((n) => n.ticketId === ticketId && n.kind === 'new_message');

async function sessionOf(tab: SupportBackend): Promise<Session> {
  return (await nextMatching<Session | null>((onData) => tab.subscribeSession(onData), (s) => s !== null))!;
}

async function numberedTicket(customer: SupportBackend, title: string): Promise<Ticket> {
  const write = customer.createTicket({ title, description: 'Bulk scenario.', category: 'general', priority: 'low' });
  await write.committed;
  return (await nextMatching(ticketOf(customer, write.id), (t) => t !== null && t.number !== null))!;
}

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

  describe('bulk actions', () => {
    it('an agent resolves several tickets at once: each is judged as alone, and the refusals say why', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const me = await sessionOf(agent);
      const working = await numberedTicket(customer, 'Bulk in progress');
      const untouched = await numberedTicket(customer, 'Bulk still open');
      await agent.acceptTicket(working.id).committed;
      const accepted = await nextMatching(ticketOf(agent, working.id), (t) => t?.status === 'in_progress');
      const open = await nextMatching(ticketOf(agent, untouched.id), (t) => t !== null);

      const run = runBulkAction(agent, me, [accepted!, open!], { kind: 'status', to: 'resolved' }, { assignee: undefined });
      expect(run.plan.go.map((t) => t.id)).toEqual([working.id]);
      const summary = await run.settled;
      expect(summary.done.map((t) => t.id)).toEqual([working.id]);
      expect(summary.refused.map((r) => [r.ticket.id, r.reason])).toEqual([
        [untouched.id, 'An agent cannot move this ticket from Open to Resolved.'],
      ]);
      await nextMatching(ticketOf(customer, working.id), (t) => t?.status === 'resolved');
      expect(await nextMatching(ticketOf(customer, untouched.id), () => true)).toMatchObject({ status: 'open' });
      await harness.dispose();
    });
  });

  describe('search in conversations', () => {
    it("staff find a ticket by a word of its chat, kept by the message trigger, not only by title and description", async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const ticket = await numberedTicket(customer, 'Printer trouble');
      await customer.sendMessage(ticket.id, { text: 'The display shows error Zebracorn-42 again.' }).committed;
      const searched = (search: string) => (onData: (page: QueuePage) => void, onError: (e: Error) => void) =>
        agent.subscribeQueue({ filter: { ...defaultQueueFilter, search }, cursor: null, pageSize: 20 }, onData, onError);
      const page = await nextMatching(searched('zebracorn'), (p) => p.items.some((t) => t.id === ticket.id));
      expect(page.items.map((t) => t.id)).toEqual([ticket.id]);
      // Every word must be held: the title's and the message's together still find it.
      await nextMatching(searched('printer zebracorn'), (p) => p.items.some((t) => t.id === ticket.id));
      await harness.dispose();
    });
  });

  describe('presence', () => {
    it("another agent sees who is on a ticket and what they do, until they leave; customers cannot", async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const admin = await harness.openTab('admin');
      const me = await sessionOf(agent);
      const ticket = await numberedTicket(customer, 'Who is here');
      const presenceOf = (tab: SupportBackend) => (onData: (p: PresenceDoc[]) => void, onError: (e: Error) => void) =>
        tab.subscribePresence(ticket.id, onData, onError);

      await agent.beatPresence(ticket.id, 'replying').committed;
      const seen = await nextMatching(presenceOf(admin), (entries) => entries.some((e) => e.uid === me.uid));
      expect(seen.find((e) => e.uid === me.uid)).toMatchObject({ activity: 'replying', displayName: me.displayName, ticketId: ticket.id });
      await nextMatching<PresenceDoc[]>((d, e) => admin.subscribeAllPresence(d, e), (entries) => entries.some((e) => e.ticketId === ticket.id));
      await agent.leavePresence(ticket.id).committed;
      await nextMatching(presenceOf(admin), (entries) => !entries.some((e) => e.uid === me.uid));
      await expect(nextMatching(presenceOf(customer), () => true)).rejects.toMatchObject({ code: 'permission-denied' });
      await harness.dispose();
    });
  });

  describe('message alerts', () => {
    it("a burst of customer messages is one alert for the assignee; a staff reply is one for the customer, a note none", async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const me = await sessionOf(agent);
      const ticket = await numberedTicket(customer, 'Alert me');
      await agent.acceptTicket(ticket.id).committed;
      await nextMatching(ticketOf(customer, ticket.id), (t) => t?.assigneeUid === me.uid);

      for (const text of ['First line', 'Second line', 'Third line']) await customer.sendMessage(ticket.id, { text }).committed;
      // Three trigger runs, the first maybe a cold start of the functions emulator.
      await nextMatching(ticketOf(agent, ticket.id), (t) => t?.lastMessagePreview === 'Third line', 20_000);
      const forAgent = await messageAlertsOf(agent, ticket.id)((alerts) => alerts.length > 0);
      expect(forAgent).toHaveLength(1);
      expect(forAgent[0]).toMatchObject({ seen: false, text: expect.stringContaining('First line') });

      await agent.addNote(ticket.id, { text: 'Secret: on the pro plan' }).committed;
      await agent.sendMessage(ticket.id, { text: 'On it.' }).committed;
      const forCustomer = await messageAlertsOf(customer, ticket.id)((alerts) => alerts.length > 0);
      expect(forCustomer).toHaveLength(1);
      expect(forCustomer[0]!.text).toContain('On it.');
      expect(forCustomer[0]!.text).not.toContain('Secret');
      // Nobody hears of their own messages: the agent's alert is still the customer's line
      // (the reply's trigger has run: the customer's alert above came from it).
      const agentsAlerts = await messageAlertsOf(agent, ticket.id)(() => true);
      expect(agentsAlerts).toHaveLength(1);
      expect(agentsAlerts[0]!.text).toContain('First line');
      expect(await messageAlertsOf(customer, ticket.id)(() => true)).toHaveLength(1);
      await harness.dispose();
    });
  });
}
