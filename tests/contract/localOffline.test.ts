import { describe, expect, it } from 'vitest';
import { formatTicketNumber, type Ticket, type TicketEventEntry } from '../../functions/src/domain/index.js';
import type { LocalBackend } from '../../web/src/backend/local/localBackend.js';
import type { ChatPage, Connectivity, ListPage, ReadMarkers } from '../../web/src/backend/port.js';
import { localHarness } from './localHarness.js';
import { nextMatching } from './scenarios.js';

/**
 * Offline behaviour, on the local backend's model of the network (the Firebase backend gets
 * the same from Firestore's persistent cache, which needs a browser to exercise).
 */
const chatOf = (tab: LocalBackend, id: string) => (onData: (p: ChatPage) => void, onError: (e: Error) => void) =>
  tab.subscribeChat(id, 0, onData, onError);
const userTexts = (page: ChatPage) => page.messages.filter((m) => m.kind === 'user').map((m) => [m.text, m.delivery]);

async function openTicket(customer: LocalBackend): Promise<Ticket> {
  const write = customer.createTicket({ title: 'Offline chat', description: 'Train tunnel.', category: 'general', priority: 'low' });
  await write.committed;
  return (await nextMatching<Ticket | null>((d, e) => customer.subscribeTicket(write.id, d, e), (t) => t?.number != null))!;
}

describe('offline on the local backend', () => {
  it('messages sent offline show as sending, then arrive once each, in order, stamped when delivered', async () => {
    const harness = await localHarness();
    const customer = (await harness.openTab('customer')) as LocalBackend;
    const agent = (await harness.openTab('agent')) as LocalBackend;
    const ticket = await openTicket(customer);

    customer.setOnline(false);
    await nextMatching<Connectivity>((d) => customer.subscribeConnectivity(d), (c) => c === 'offline');
    const writes = ['one', 'two', 'three'].map((text) => customer.sendMessage(ticket.id, { text }));
    const pending = await nextMatching(chatOf(customer, ticket.id), (p) => userTexts(p).length === 3);
    expect(userTexts(pending)).toEqual([['one', 'sending'], ['two', 'sending'], ['three', 'sending']]);
    const agentView = await nextMatching(chatOf(agent, ticket.id), () => true);
    expect(userTexts(agentView)).toEqual([]);

    const wentOnline = Date.now();
    customer.setOnline(true);
    await Promise.all(writes.map((write) => write.committed));
    const delivered = await nextMatching(chatOf(agent, ticket.id), (p) => userTexts(p).length === 3);
    expect(userTexts(delivered)).toEqual([['one', 'sent'], ['two', 'sent'], ['three', 'sent']]);
    const times = delivered.messages.filter((m) => m.kind === 'user').map((m) => m.createdAt.getTime());
    expect(times.every((time) => time >= wentOnline)).toBe(true);
    expect(await customer.db.outbox.count()).toBe(0);
    await harness.dispose();
  });

  it('a ticket opened offline shows at once as #pending, and gets its number once delivered', async () => {
    const harness = await localHarness();
    const customer = (await harness.openTab('customer')) as LocalBackend;
    customer.setOnline(false);
    const write = customer.createTicket({ title: 'Opened on a plane', description: 'No signal.', category: 'general', priority: 'low' });
    const mine = (d: (p: ListPage<Ticket>) => void, e: (err: Error) => void) => customer.subscribeMyTickets(20, d, e);
    const pending = await nextMatching(mine, (p) => p.items.some((t) => t.id === write.id));
    expect(formatTicketNumber(pending.items.find((t) => t.id === write.id)!.number)).toBe('#pending');
    customer.setOnline(true);
    const numbered = await nextMatching(mine, (p) => p.items.some((t) => t.id === write.id && t.number !== null));
    expect(formatTicketNumber(numbered.items.find((t) => t.id === write.id)!.number)).toMatch(/^#\d+$/);
    await harness.dispose();
  });

  it('a message written offline survives closing the tab and is delivered by the next one', async () => {
    const harness = await localHarness();
    const customer = (await harness.openTab('customer')) as LocalBackend;
    const agent = (await harness.openTab('agent')) as LocalBackend;
    const ticket = await openTicket(customer);
    customer.setOnline(false);
    customer.sendMessage(ticket.id, { text: 'Written in the tunnel' });
    await nextMatching(chatOf(customer, ticket.id), (p) => userTexts(p).length === 1);
    await customer.close();

    await harness.openTab('customer');
    const arrived = await nextMatching(chatOf(agent, ticket.id), (p) => userTexts(p).length === 1);
    expect(userTexts(arrived)).toEqual([['Written in the tunnel', 'sent']]);
    await harness.dispose();
  });

  it('a message the server refuses shows as failed; Retry sends it under the same id, never twice', async () => {
    const harness = await localHarness();
    const customer = (await harness.openTab('customer')) as LocalBackend;
    const agent = (await harness.openTab('agent')) as LocalBackend;
    const ticket = await openTicket(customer);
    customer.setOnline(false);
    const late = customer.sendMessage(ticket.id, { text: 'Sent as it closed' });
    await agent.rejectTicket(ticket.id, 'Duplicate of another ticket.').committed;
    await nextMatching<Ticket | null>((d, e) => agent.subscribeTicket(ticket.id, d, e), (t) => t?.chatLocked === true);
    customer.setOnline(true);
    await expect(late.committed).rejects.toMatchObject({ code: 'permission-denied' });
    const failed = await nextMatching(chatOf(customer, ticket.id), (p) => p.messages.some((m) => m.id === late.id && m.delivery === 'failed'));
    expect(failed.messages.filter((m) => m.id === late.id)).toHaveLength(1);

    await expect(customer.retryMessage(ticket.id, late.id).committed).rejects.toMatchObject({ code: 'permission-denied' });
    const again = await nextMatching(chatOf(customer, ticket.id), (p) => p.messages.some((m) => m.id === late.id && m.delivery === 'failed'));
    expect(again.messages.filter((m) => m.id === late.id)).toHaveLength(1);
    const agentView = await nextMatching(chatOf(agent, ticket.id), () => true);
    expect(agentView.messages.some((m) => m.id === late.id)).toBe(false);
    await harness.dispose();
  });

  it('a tab that goes away with writes still queued blocks nothing: the next tab of that user delivers them at once, in order, before what it writes next', async () => {
    // Closed, reloaded or killed mid-delivery: IndexedDB rolls an unfinished delivery back,
    // so the outbox holds the writes as queued, with nothing claimed.
    const harness = await localHarness();
    const customer = (await harness.openTab('customer')) as LocalBackend;
    const agent = (await harness.openTab('agent')) as LocalBackend;
    const ticket = await openTicket(customer);
    customer.setOnline(false);
    const another = customer.createTicket({ title: 'Opened offline', description: 'Then the tab went.', category: 'general', priority: 'low' });
    for (const text of ['one', 'two', 'three']) customer.sendMessage(ticket.id, { text });
    await nextMatching(chatOf(customer, ticket.id), (p) => userTexts(p).length === 3);
    await customer.close();

    const reloaded = (await harness.openTab('customer')) as LocalBackend;
    const numbered = await nextMatching<Ticket | null>((d, e) => reloaded.subscribeTicket(another.id, d, e), (t) => t?.number != null);
    expect(formatTicketNumber(numbered!.number)).toMatch(/^#\d+$/);
    const next = reloaded.sendMessage(ticket.id, { text: 'four' });
    await next.committed;
    const arrived = await nextMatching(chatOf(agent, ticket.id), (p) => userTexts(p).length === 4);
    expect(userTexts(arrived)).toEqual([['one', 'sent'], ['two', 'sent'], ['three', 'sent'], ['four', 'sent']]);
    const connectivity = await nextMatching<Connectivity>((d) => reloaded.subscribeConnectivity(d), (c) => c === 'online');
    expect(connectivity).toBe('online');
    expect(await reloaded.db.outbox.count()).toBe(0);
    await harness.dispose();
  });

  it('two tabs of one user deliver side by side: every write exactly once, each tab\'s in the order written', async () => {
    const harness = await localHarness();
    const first = (await harness.openTab('customer')) as LocalBackend;
    const agent = (await harness.openTab('agent')) as LocalBackend;
    const ticket = await openTicket(first);
    // The first message opens the customer's rate-limit window; a tab opened after it knows
    // the window (two tabs deciding to open one at the same moment would clash, as on Firebase).
    await first.sendMessage(ticket.id, { text: 'a0' }).committed;
    const second = (await harness.openTab('customer')) as LocalBackend;
    const writes = [];
    for (let n = 1; n <= 10; n++) {
      writes.push(first.sendMessage(ticket.id, { text: `a${n}` }), second.sendMessage(ticket.id, { text: `b${n}` }));
    }
    await Promise.all(writes.map((write) => write.committed));
    const seen = await nextMatching(chatOf(agent, ticket.id), (p) => userTexts(p).length >= 21);
    const texts = userTexts(seen).map(([text]) => text as string);
    expect(texts).toHaveLength(21);
    expect(new Set(texts).size).toBe(21);
    const ordered = (prefix: string) => texts.filter((text) => text.startsWith(prefix));
    expect(ordered('a')).toEqual(Array.from({ length: 11 }, (_, i) => `a${i}`));
    expect(ordered('b')).toEqual(Array.from({ length: 10 }, (_, i) => `b${i + 1}`));
    await harness.dispose();
  });

  it('messages sent in a row arrive once each, in order, and the ticket records every one, the newest last', async () => {
    const harness = await localHarness();
    const customer = (await harness.openTab('customer')) as LocalBackend;
    const agent = (await harness.openTab('agent')) as LocalBackend;
    const ticket = await openTicket(customer);
    // Within the desk's rate limit: a burst, written at once, goes out together.
    const texts = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const writes = texts.map((text) => customer.sendMessage(ticket.id, { text }));
    await Promise.all(writes.map((write) => write.committed));
    const seen = await nextMatching(chatOf(agent, ticket.id), (p) => userTexts(p).length === texts.length);
    expect(userTexts(seen)).toEqual(texts.map((text) => [text, 'sent']));
    const recorded = await nextMatching<Ticket | null>((d, e) => agent.subscribeTicket(ticket.id, d, e), (t) => t?.lastMessagePreview === 'line 20');
    expect(recorded?.lastMessageBy).toBe(ticket.customerUid);
    // Every line's trigger ran: each line's words are searchable.
    expect(recorded?.searchTokens).toEqual(expect.arrayContaining(['line', ...texts.slice(9).map((text) => text.split(' ')[1])]));
    await harness.dispose();
  });

  it('status moves made offline one after another land in order: each trigger judges its own move, so accept then resolve ends resolved with one event each', async () => {
    const harness = await localHarness();
    const customer = (await harness.openTab('customer')) as LocalBackend;
    const agent = (await harness.openTab('agent')) as LocalBackend;
    const ticket = await openTicket(customer);
    await nextMatching<Ticket | null>((d, e) => agent.subscribeTicket(ticket.id, d, e), (t) => t?.number != null);
    agent.setOnline(false);
    await nextMatching<Connectivity>((d) => agent.subscribeConnectivity(d), (c) => c === 'offline');
    const moves = [agent.acceptTicket(ticket.id), agent.changeStatus(ticket.id, 'resolved')];
    agent.setOnline(true);
    await Promise.all(moves.map((move) => move.committed));
    const statusEvents = (events: TicketEventEntry[]) => events.filter((event) => event.kind === 'status').map((event) => [event.from, event.to]);
    const history = await nextMatching<TicketEventEntry[]>((d, e) => agent.subscribeTicketEvents(ticket.id, d, e), (events) => statusEvents(events).length >= 2);
    expect(statusEvents(history)).toEqual([['open', 'in_progress'], ['in_progress', 'resolved']]);
    const settled = await nextMatching<Ticket | null>((d, e) => customer.subscribeTicket(ticket.id, d, e), (t) => t?.status === 'resolved');
    expect(settled?.status).toBe('resolved');
    await harness.dispose();
  });

  it('a reader who marks a chat read again and again while offline queues one marker, which carries the latest time', async () => {
    const harness = await localHarness();
    const customer = (await harness.openTab('customer')) as LocalBackend;
    const agent = (await harness.openTab('agent')) as LocalBackend;
    const ticket = await openTicket(customer);
    agent.setOnline(false);
    const marks = [agent.markRead(ticket.id), agent.markRead(ticket.id)];
    const lastMarkAt = Date.now();
    marks.push(agent.markRead(ticket.id));
    // Queued in order: once the last mark's time is in the outbox, so are the others.
    const queuedAt = async () => {
      const rows = await agent.db.outbox.toArray();
      return rows.map((row) => (row.request.method === 'set' ? (row.request.data.lastReadAt as Date).getTime() : 0));
    };
    await expect.poll(async () => (await queuedAt()).some((at) => at >= lastMarkAt)).toBe(true);
    expect(await queuedAt()).toHaveLength(1);
    const wentOnline = Date.now();
    agent.setOnline(true);
    await Promise.all(marks.map((mark) => mark.committed));
    const markers = await nextMatching<ReadMarkers>((d, e) => agent.subscribeReadMarkers(d, e), (m) => m.has(ticket.id));
    expect(markers.get(ticket.id)!.getTime()).toBeGreaterThanOrEqual(wentOnline);
    await harness.dispose();
  });
});
