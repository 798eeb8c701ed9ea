import { describe, expect, it } from 'vitest';
import { defaultQueueFilter, formatTicketNumber, type Ticket } from '../../functions/src/domain/index.js';
import type { ListPage, QueuePage, SupportBackend } from '../../web/src/backend/port.js';
import type { ContractHarness } from './harness.js';

/** Resolves with the first value a subscription delivers that satisfies `accept`. */
export function nextMatching<T>(
  subscribe: (onData: (value: T) => void, onError: (error: Error) => void) => () => void,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (action: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // Deferred: a subscription may deliver before `subscribe` has returned its unsubscribe.
      queueMicrotask(() => unsubscribe());
      action();
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`No matching value within ${timeoutMs} ms.`))),
      timeoutMs,
    );
    const unsubscribe = subscribe(
      (value) => {
        if (accept(value)) finish(() => resolve(value));
      },
      (error) => finish(() => reject(error)),
    );
  });
}

const myTickets = (tab: SupportBackend, limit = 20) => (onData: (p: ListPage<Ticket>) => void, onError: (e: Error) => void) =>
  tab.subscribeMyTickets(limit, onData, onError);
const queue = (tab: SupportBackend, pageSize = 20) => (onData: (p: QueuePage) => void, onError: (e: Error) => void) =>
  tab.subscribeQueue({ filter: defaultQueueFilter, cursor: null, pageSize }, onData, onError);

const input = (title: string) => ({
  title,
  description: 'The invoice for March is missing.',
  category: 'billing' as const,
  priority: 'medium' as const,
});

/**
 * The scenarios every SupportBackend must pass. They speak only the port, so a failure
 * means the backend breaks a promise the UI relies on.
 */
export function runContractScenarios(makeHarness: () => Promise<ContractHarness>) {
  describe('ticket slice', () => {
    it('a customer creates a ticket and sees it in My tickets, open, at once', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const write = customer.createTicket(input('Missing invoice'));
      expect(write.id).toMatch(/.+/);
      const page = await nextMatching(myTickets(customer), (p) =>
        p.items.some((t) => t.id === write.id),
      );
      const ticket = page.items.find((t) => t.id === write.id)!;
      expect(ticket).toMatchObject({ title: 'Missing invoice', status: 'open', category: 'billing', priority: 'medium' });
      await write.committed;
      await harness.dispose();
    });

    it('an agent in another tab sees the new ticket appear in the queue, numbered', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const agent = await harness.openTab('agent');
      const before = await nextMatching(queue(agent), () => true);
      const write = customer.createTicket(input('Cannot log in'));
      const page = await nextMatching(queue(agent), (p) =>
        p.items.some((t) => t.id === write.id && t.number !== null),
      );
      const ticket = page.items.find((t) => t.id === write.id)!;
      const highest = Math.max(0, ...before.items.map((t) => t.number ?? 0));
      expect(ticket.number).toBe(highest + 1);
      expect(formatTicketNumber(ticket.number)).toBe(`#${highest + 1}`);
      expect(page.items[0]!.id).toBe(write.id);
      await harness.dispose();
    });

    it('tickets get consecutive numbers, none skipped or shared', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const other = await harness.openTab('otherCustomer');
      const first = customer.createTicket(input('First'));
      await first.committed;
      const second = other.createTicket(input('Second'));
      await second.committed;
      const agent = await harness.openTab('agent');
      const page = await nextMatching(queue(agent), (p) =>
        [first.id, second.id].every((id) => p.items.some((t) => t.id === id && t.number !== null)),
      );
      const numbers = [first.id, second.id].map((id) => page.items.find((t) => t.id === id)!.number!);
      const [low, high] = numbers.sort((a, b) => a - b);
      expect(high).toBe(low! + 1);
      await harness.dispose();
    });

    it("a customer's My tickets never shows another customer's ticket", async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const other = await harness.openTab('otherCustomer');
      const theirs = other.createTicket(input('Not yours'));
      await theirs.committed;
      const mine = customer.createTicket(input('Yours'));
      const page = await nextMatching(myTickets(customer), (p) => p.items.some((t) => t.id === mine.id));
      expect(page.items.map((t) => t.id)).not.toContain(theirs.id);
      await expect(
        nextMatching<Ticket | null>((onData, onError) => customer.subscribeTicket(theirs.id, onData, onError), () => true),
      ).rejects.toMatchObject({ code: 'permission-denied' });
      await harness.dispose();
    });

    it('a customer cannot open the queue', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      await expect(nextMatching(queue(customer), () => true)).rejects.toMatchObject({
        code: 'permission-denied',
      });
      await harness.dispose();
    });

    it('a bad ticket is refused with a reason and nothing is written', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      expect(() => customer.createTicket({ ...input(''), title: '   ' })).toThrow(/title/i);
      expect(() => customer.createTicket(input('x'.repeat(201)))).toThrow(/200 characters/);
      const page = await nextMatching(myTickets(customer), () => true);
      expect(page.items).toHaveLength(0);
      await harness.dispose();
    });

    it('My tickets pages: newest first, limited, and says when there is more', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      for (const title of ['One', 'Two', 'Three']) await customer.createTicket(input(title)).committed;
      const page = await nextMatching(myTickets(customer, 2), (p) => p.items.length === 2);
      expect(page.items.map((t) => t.title)).toEqual(['Three', 'Two']);
      expect(page.hasMore).toBe(true);
      const all = await nextMatching(myTickets(customer, 3), (p) => p.items.length === 3);
      expect(all.hasMore).toBe(false);
      await harness.dispose();
    });

    it('a session reports who is signed in, with their role', async () => {
      const harness = await makeHarness();
      const agent = await harness.openTab('agent');
      const session = await nextMatching((onData) => agent.subscribeSession(onData), (s) => s !== null);
      expect(session).toMatchObject({ role: 'agent' });
      await harness.dispose();
    });
  });
}
