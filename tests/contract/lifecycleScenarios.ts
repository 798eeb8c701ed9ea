import { describe, expect, it } from 'vitest';
import {
  defaultQueueFilter,
  type AppNotification,
  type Note,
  type QueueFilter,
  type Ticket,
  type TicketEventEntry,
} from '../../functions/src/domain/index.js';
import type { ChatPage, QueuePage, ReadMarkers, Session, SupportBackend } from '../../web/src/backend/port.js';
import type { ContractHarness } from './harness.js';
import { nextMatching } from './scenarios.js';

const input = (title: string, description = 'Something is wrong with my account.') => ({
  title,
  description,
  category: 'account' as const,
  priority: 'low' as const,
});

export const ticketOf = (tab: SupportBackend, id: string) => (onData: (t: Ticket | null) => void, onError: (e: Error) => void) =>
  tab.subscribeTicket(id, onData, onError);
export const queueOf =
  (tab: SupportBackend, filter: Partial<QueueFilter>, pageSize = 20, cursor: QueuePage['nextCursor'] = null, slaNow?: Date) =>
  (onData: (p: QueuePage) => void, onError: (e: Error) => void) =>
    tab.subscribeQueue({ filter: { ...defaultQueueFilter, ...filter }, cursor, pageSize, ...(slaNow ? { slaNow } : {}) }, onData, onError);
const chatOf = (tab: SupportBackend, id: string) => (onData: (p: ChatPage) => void, onError: (e: Error) => void) =>
  tab.subscribeChat(id, 0, onData, onError);

async function uidOf(tab: SupportBackend): Promise<string> {
  const session = await nextMatching<Session | null>((onData) => tab.subscribeSession(onData), (s) => s !== null);
  return session!.uid;
}

/** A numbered ticket opened by the harness's customer. */
async function openedTicket(customer: SupportBackend, title: string, description?: string) {
  const write = customer.createTicket(input(title, description));
  await write.committed;
  return nextMatching(ticketOf(customer, write.id), (t) => t !== null && t.number !== null) as Promise<Ticket>;
}

/** The lifecycle and chat promises of every SupportBackend. */
export function runLifecycleScenarios(makeHarness: () => Promise<ContractHarness>) {
  describe('ticket lifecycle', () => {
    it('an agent accepts a ticket: in progress, assigned to them, seen live by the customer, audited', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const ticket = await openedTicket(customer, 'Locked out');
      const agentUid = await uidOf(agent);
      await agent.acceptTicket(ticket.id).committed;
      // The function stamps the first response just after the move: wait for both.
      const seen = await nextMatching(
        ticketOf(customer, ticket.id),
        (t) => t?.status === 'in_progress' && t.firstResponseAt !== null,
      );
      expect(seen).toMatchObject({ status: 'in_progress', assigneeUid: agentUid });
      const events = await nextMatching<TicketEventEntry[]>(
        (d, e) => customer.subscribeTicketEvents(ticket.id, d, e),
        (list) => list.some((event) => event.kind === 'status'),
      );
      expect(events.find((event) => event.kind === 'status')).toMatchObject({ from: 'open', to: 'in_progress', actorUid: agentUid });
      await harness.dispose();
    });

    it('an illegal move is refused with a reason and changes nothing', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const ticket = await openedTicket(customer, 'Wrong move');
      await expect(agent.changeStatus(ticket.id, 'closed').committed).rejects.toMatchObject({ code: 'permission-denied' });
      await expect(customer.changeStatus(ticket.id, 'in_progress').committed).rejects.toMatchObject({ code: 'permission-denied' });
      await expect(customer.setPriority(ticket.id, 'critical').committed).rejects.toMatchObject({ code: 'permission-denied' });
      const after = await nextMatching(ticketOf(agent, ticket.id), () => true);
      expect(after).toMatchObject({ status: 'open', priority: 'low' });
      await harness.dispose();
    });

    it('rejecting needs a reason; a rejected ticket locks its chat and says why', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const ticket = await openedTicket(customer, 'Please refund my neighbour');
      expect(() => agent.rejectTicket(ticket.id, '   ')).toThrow(/reason/);
      await agent.rejectTicket(ticket.id, 'We can only discuss your own account.').committed;
      const rejected = await nextMatching(ticketOf(customer, ticket.id), (t) => t?.chatLocked === true);
      expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'We can only discuss your own account.' });
      const chat = await nextMatching(chatOf(customer, ticket.id), (p) => p.messages.some((m) => m.kind === 'system'));
      expect(chat.messages.at(-1)?.text).toMatch(/rejected this ticket: We can only discuss your own account\./);
      await harness.dispose();
    });

    it('priority and assignee changes reach the customer live', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const admin = await harness.openTab('admin');
      const ticket = await openedTicket(customer, 'Slow dashboard');
      const adminUid = await uidOf(admin);
      await agent.setPriority(ticket.id, 'high').committed;
      await agent.assignTicket(ticket.id, adminUid).committed;
      const seen = await nextMatching(ticketOf(customer, ticket.id), (t) => t?.assigneeUid === adminUid && t?.priority === 'high');
      expect(seen).toMatchObject({ priority: 'high', assigneeUid: adminUid });
      await harness.dispose();
    });

    it('new tickets are assigned by round robin over the agents', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const first = await openedTicket(customer, 'First of three');
      const second = await openedTicket(customer, 'Second of three');
      const assigned = async (id: string) =>
        (await nextMatching(ticketOf(customer, id), (t) => t?.assigneeUid !== null))!.assigneeUid;
      const [a, b] = [await assigned(first.id), await assigned(second.id)];
      expect(a).not.toBeNull();
      expect(b).not.toBe(a);
      await harness.dispose();
    });

    it('agents are notified of each new ticket; the customer of each status change', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const ticket = await openedTicket(customer, 'Notify me');
      const forAgent = await nextMatching<AppNotification[]>(
        (d, e) => agent.subscribeNotifications(d, e),
        (list) => list.some((n) => n.ticketId === ticket.id && n.kind === 'new_ticket'),
      );
      expect(forAgent.find((n) => n.ticketId === ticket.id)?.seen).toBe(false);
      await agent.acceptTicket(ticket.id).committed;
      const forCustomer = await nextMatching<AppNotification[]>(
        (d, e) => customer.subscribeNotifications(d, e),
        (list) => list.some((n) => n.ticketId === ticket.id && n.kind === 'status_changed'),
      );
      const notification = forCustomer.find((n) => n.kind === 'status_changed')!;
      await customer.markNotificationsSeen([notification.id]).committed;
      const after = await nextMatching<AppNotification[]>(
        (d, e) => customer.subscribeNotifications(d, e),
        (list) => list.find((n) => n.id === notification.id)?.seen === true,
      );
      expect(after.find((n) => n.id === notification.id)?.seen).toBe(true);
      await harness.dispose();
    });
  });

  describe('the queue', () => {
    it('filters by status, assignee and search, and pages with cursors', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const printer = await openedTicket(customer, 'Printer jams', 'The office printer jams on page two.');
      await openedTicket(customer, 'Invoice missing', 'No invoice for March.');
      const third = await openedTicket(customer, 'Printer offline', 'Printer shows offline since Monday.');
      await agent.acceptTicket(third.id).committed;

      const inProgress = await nextMatching(queueOf(agent, { status: 'in_progress' }), (p) => p.items.length > 0);
      expect(inProgress.items.map((t) => t.id)).toEqual([third.id]);
      const mine = await nextMatching(queueOf(agent, { assignee: 'mine', status: 'in_progress' }), () => true);
      expect(mine.items.map((t) => t.id)).toEqual([third.id]);
      const search = await nextMatching(queueOf(agent, { search: 'printer page' }), () => true);
      expect(search.items.map((t) => t.id)).toEqual([printer.id]);

      const first = await nextMatching(queueOf(agent, {}, 2), (p) => p.items.length === 2);
      expect(first.nextCursor).not.toBeNull();
      const next = await nextMatching(queueOf(agent, {}, 2, first.nextCursor), () => true);
      const seen = [...first.items, ...next.items].map((t) => t.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toContain(printer.id);
      await harness.dispose();
    });
  });

  describe('chat', () => {
    it('messages go both ways live, oldest first, each author named', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const ticket = await openedTicket(customer, 'Chat both ways');
      await customer.sendMessage(ticket.id, { text: 'Hi, can you help?' }).committed;
      await agent.sendMessage(ticket.id, { text: 'Of course.' }).committed;
      const page = await nextMatching(chatOf(customer, ticket.id), (p) => p.messages.filter((m) => m.kind === 'user').length === 2);
      const users = page.messages.filter((m) => m.kind === 'user');
      expect(users.map((m) => [m.text, m.authorRole, m.delivery])).toEqual([
        ['Hi, can you help?', 'customer', 'sent'],
        ['Of course.', 'agent', 'sent'],
      ]);
      // The function records each message just after it is stored: wait for the second one.
      const ticketNow = await nextMatching(
        ticketOf(customer, ticket.id),
        (t) => t?.lastMessageBy === users[1]!.authorUid,
      );
      expect(ticketNow!.lastMessageAt!.getTime()).toBe(users[1]!.createdAt.getTime());
      await harness.dispose();
    });

    it('a message is shown as sending at once; bad input is refused before anything is sent', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const ticket = await openedTicket(customer, 'Instant echo');
      const write = customer.sendMessage(ticket.id, { text: '<b>not bold</b>' });
      const page = await nextMatching(chatOf(customer, ticket.id), (p) => p.messages.some((m) => m.id === write.id));
      expect(page.messages.find((m) => m.id === write.id)?.text).toBe('<b>not bold</b>');
      await write.committed;
      expect(() => customer.sendMessage(ticket.id, { text: '   ' })).toThrow(/Write a message/);
      expect(() => customer.sendMessage(ticket.id, { text: 'x'.repeat(4001) })).toThrow(/4000 characters/);
      await harness.dispose();
    });

    it('internal notes are for staff; a customer can never read them', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const ticket = await openedTicket(customer, 'Note this');
      await agent.addNote(ticket.id, { text: 'Refund approved by finance.' }).committed;
      const notes = await nextMatching<Note[]>((d, e) => agent.subscribeNotes(ticket.id, d, e), (n) => n.length === 1);
      expect(notes[0]!.text).toBe('Refund approved by finance.');
      await expect(nextMatching<Note[]>((d, e) => customer.subscribeNotes(ticket.id, d, e), () => true)).rejects.toMatchObject({
        code: 'permission-denied',
      });
      expect(() => customer.addNote(ticket.id, { text: 'sneaky' })).not.toThrow();
      await expect(customer.addNote(ticket.id, { text: 'sneaky' }).committed).rejects.toMatchObject({ code: 'permission-denied' });
      await harness.dispose();
    });

    it('closing locks the chat: a system message says so and new messages are refused', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const ticket = await openedTicket(customer, 'Close me');
      await agent.acceptTicket(ticket.id).committed;
      await agent.changeStatus(ticket.id, 'resolved').committed;
      await agent.changeStatus(ticket.id, 'closed').committed;
      await nextMatching(ticketOf(customer, ticket.id), (t) => t?.chatLocked === true);
      const write = customer.sendMessage(ticket.id, { text: 'One more thing' });
      await expect(write.committed).rejects.toMatchObject({ code: 'permission-denied' });
      // The close's system message comes from the update trigger, which may run after an
      // earlier change's review has already locked the chat (by the status it found): wait for it.
      const page = await nextMatching(
        chatOf(customer, ticket.id),
        (p) =>
          p.messages.some((m) => m.id === write.id) &&
          p.messages.some((m) => m.kind === 'system' && /closed this ticket/.test(m.text)),
      );
      expect(page.messages.find((m) => m.id === write.id)?.delivery).toBe('failed');
      await harness.dispose();
    });

    it('unread: a message from the other side raises the dot; reading clears it; own messages never raise it', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const ticket = await openedTicket(customer, 'Unread dots');
      await customer.sendMessage(ticket.id, { text: 'Ping' }).committed;
      const withMessage = await nextMatching(ticketOf(agent, ticket.id), (t) => t?.lastMessageAt !== null);
      const { isUnread } = await import('../../functions/src/domain/index.js');
      const markersOf = (tab: SupportBackend) => (d: (m: ReadMarkers) => void, e: (err: Error) => void) => tab.subscribeReadMarkers(d, e);
      const agentUid = await uidOf(agent);
      const customerUid = withMessage!.customerUid;
      const before = await nextMatching(markersOf(agent), () => true);
      expect(isUnread(withMessage!, agentUid, before.get(ticket.id))).toBe(true);
      expect(isUnread(withMessage!, customerUid, undefined)).toBe(false);
      await agent.markRead(ticket.id).committed;
      const after = await nextMatching(markersOf(agent), (m) => m.has(ticket.id));
      expect(isUnread(withMessage!, agentUid, after.get(ticket.id))).toBe(false);
      const seen = await nextMatching(ticketOf(customer, ticket.id), (t) => t?.staffLastReadAt !== null);
      expect(seen!.staffLastReadAt!.getTime()).toBeGreaterThanOrEqual(withMessage!.lastMessageAt!.getTime());
      await harness.dispose();
    });
  });
}
