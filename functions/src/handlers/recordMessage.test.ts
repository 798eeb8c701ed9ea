import { describe, expect, it } from 'vitest';
import { newMessageDoc, notificationDocSchema, systemMessageDoc, ticketDocSchema, type MessageDoc } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { recordMessage } from './recordMessage.js';
import { CUSTOMER, docsIn, givenTicket, givenUser } from './testSupport.js';

const opened = new Date('2024-05-01T10:00:00Z');
const at = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);
const agent = { uid: 'agent-a', role: 'agent' as const, displayName: 'Ari Agent' };
const customer = { uid: CUSTOMER.uid, role: 'customer' as const, displayName: CUSTOMER.displayName };

function post(store: MemoryStore, id: string, message: MessageDoc): Promise<void> {
  store.write(`tickets/t1/messages/${id}`, message);
  return recordMessage(store, 't1', id, { now: message.createdAt });
}
const ticket = (store: MemoryStore) => ticketDocSchema.parse(store.read('tickets/t1'));

describe('recordMessage', () => {
  it("the customer's message becomes the ticket's last message, without a first response", async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 1 });
    await post(store, 'm1', newMessageDoc({ text: 'Any news?' }, customer, at(5)));
    expect(ticket(store)).toMatchObject({
      lastMessageAt: at(5),
      lastMessageBy: CUSTOMER.uid,
      lastMessagePreview: 'Any news?',
      updatedAt: at(5),
      firstResponseAt: null,
    });
  });

  it("a message's words join the ticket's search tokens, each once, after the title's", async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 1, searchTokens: ['printer', 'fire'] });
    await post(store, 'm1', newMessageDoc({ text: 'The toner smells of fire.' }, customer, at(5)));
    await post(store, 'm2', newMessageDoc({ text: 'Toner replaced.' }, agent, at(6)));
    expect(ticket(store).searchTokens).toEqual(['printer', 'fire', 'the', 'toner', 'smells', 'of', 'replaced']);
    const writes = store.writeCount;
    await recordMessage(store, 't1', 'm2', { now: at(6) });
    expect(store.writeCount).toBe(writes);
  });

  it("the ticket keeps the newest message's first words on one line, for the queue row", async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 1 });
    const long = `The printer\nstill ${'prints nothing but smoke '.repeat(6)}`;
    await post(store, 'm1', newMessageDoc({ text: long }, customer, at(5)));
    const preview = ticket(store).lastMessagePreview ?? '';
    expect(preview.startsWith('The printer still prints nothing but smoke')).toBe(true);
    expect(preview.endsWith('…')).toBe(true);
    expect(preview.length).toBeLessThanOrEqual(80);
  });

  it("the first staff reply stamps firstResponseAt; later replies do not move it", async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 1 });
    await post(store, 'm1', newMessageDoc({ text: 'On it.' }, agent, at(10)));
    await post(store, 'm2', newMessageDoc({ text: 'Fixed?' }, agent, at(20)));
    expect(ticket(store)).toMatchObject({ firstResponseAt: at(10), lastMessageAt: at(20), lastMessageBy: 'agent-a' });
  });

  it('an older message arriving late does not move the last message back', async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 1 });
    await post(store, 'm2', newMessageDoc({ text: 'Second' }, customer, at(20)));
    await post(store, 'm1', newMessageDoc({ text: 'First' }, agent, at(10)));
    expect(ticket(store)).toMatchObject({
      lastMessageAt: at(20),
      lastMessageBy: CUSTOMER.uid,
      lastMessagePreview: 'Second',
      firstResponseAt: at(10),
    });
  });

  it('a system message changes nothing', async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 1 });
    const writes = store.writeCount;
    await post(store, 's1', systemMessageDoc('Ari Agent changed the status.', at(3)));
    expect(store.writeCount).toBe(writes + 1);
    expect(ticket(store)).toMatchObject({ lastMessageAt: null, lastMessageBy: null, updatedAt: opened });
  });

  it('running twice for one message writes nothing the second time', async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 1 });
    await post(store, 'm1', newMessageDoc({ text: 'Hello' }, agent, at(1)));
    const writes = store.writeCount;
    await recordMessage(store, 't1', 'm1', { now: at(1) });
    expect(store.writeCount).toBe(writes);
  });

  it('does nothing for a message or ticket that is not there', async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 1 });
    await recordMessage(store, 't1', 'missing', { now: at(1) });
    await recordMessage(store, 'nope', 'm1', { now: at(1) });
    expect(ticket(store).lastMessageAt).toBeNull();
  });

  it('leaves a ticket an edit has broken alone (the repair of that edit puts it back), without failing', async () => {
    const store = new MemoryStore();
    const doc = givenTicket(store, 't1', { number: 1 });
    store.write('tickets/t1', { ...doc, priority: 'urgent' });
    const writes = store.writeCount;
    await post(store, 'm1', newMessageDoc({ text: 'Hello?' }, customer, at(5)));
    expect(store.writeCount).toBe(writes + 1); // the message itself, nothing else
    expect(store.read('tickets/t1')?.lastMessageAt).toBeNull();
  });
});

describe('recordMessage: message alerts', () => {
  /** Each user's message alerts, by ticket. */
  const alertsOf = (store: MemoryStore, uid: string) =>
    Object.values(docsIn(store, `users/${uid}/notifications`))
      .map((data) => notificationDocSchema.parse(data))
      .filter((n) => n.kind === 'new_message');
  const fromCustomer = (text: string, minute: number) => newMessageDoc({ text }, customer, at(minute));
  const fromAgent = (text: string, minute: number) => newMessageDoc({ text }, agent, at(minute));
  const markSeen = (store: MemoryStore, uid: string) => {
    for (const { id, data } of store.list(`users/${uid}/notifications`)) store.write(`users/${uid}/notifications/${id}`, { ...data, seen: true });
  };

  it('a burst of five customer messages is one unseen alert for the assignee; once seen, the next raises it again', async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 12, assigneeUid: agent.uid });
    for (let i = 1; i <= 5; i++) await post(store, `m${i}`, fromCustomer(`Line ${i}`, i));
    expect(alertsOf(store, agent.uid)).toEqual([
      {
        kind: 'new_message',
        ticketId: 't1',
        text: 'New message on #12 ("Printer on fire") from Cora Customer: Line 1',
        createdAt: at(1),
        seen: false,
      },
    ]);

    markSeen(store, agent.uid);
    await post(store, 'm6', fromCustomer('Still there?', 6));
    expect(alertsOf(store, agent.uid)).toMatchObject([{ seen: false, createdAt: at(6), text: expect.stringContaining('Still there?') }]);
  });

  it('running the trigger again for a message changes nothing', async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 12, assigneeUid: agent.uid });
    await post(store, 'm1', fromCustomer('Hello', 1));
    markSeen(store, agent.uid);
    const writes = store.writeCount;
    await recordMessage(store, 't1', 'm1', { now: at(2) });
    expect(store.writeCount).toBe(writes);
    expect(alertsOf(store, agent.uid)).toMatchObject([{ seen: true }]);
  });

  it("a staff reply alerts the customer, once per burst, and a new turn raises an alert left unseen", async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 12, assigneeUid: agent.uid });
    await post(store, 'm1', fromCustomer('Help', 1));
    await post(store, 'm2', fromAgent('Looking', 2));
    await post(store, 'm3', fromAgent('Found it', 3));
    expect(alertsOf(store, CUSTOMER.uid)).toEqual([
      {
        kind: 'new_message',
        ticketId: 't1',
        text: 'New message on your ticket #12 ("Printer on fire") from Ari Agent: Looking',
        createdAt: at(2),
        seen: false,
      },
    ]);
    // The agent never opened the first alert; the customer's next turn is news again.
    await post(store, 'm4', fromCustomer('Thanks, but', 4));
    expect(alertsOf(store, agent.uid)).toMatchObject([{ seen: false, createdAt: at(4), text: expect.stringContaining('Thanks, but') }]);
  });

  it('on an unassigned ticket every active staff member hears when the customer starts a turn, not for each line', async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 12 });
    givenUser(store, agent.uid, 'agent');
    givenUser(store, 'admin-1', 'admin');
    givenUser(store, 'agent-gone', 'agent', { active: false });
    givenUser(store, 'cust-2', 'customer');
    await post(store, 'm1', fromCustomer('Hello?', 1));
    await post(store, 'm2', fromCustomer('Anyone?', 2));
    expect(alertsOf(store, agent.uid)).toHaveLength(1);
    expect(alertsOf(store, 'admin-1')).toHaveLength(1);
    expect(alertsOf(store, 'agent-gone')).toEqual([]);
    expect(alertsOf(store, 'cust-2')).toEqual([]);
    expect(alertsOf(store, CUSTOMER.uid)).toEqual([]);
  });

  it('nobody hears of their own message, nor of a late one', async () => {
    const store = new MemoryStore();
    givenTicket(store, 't1', { number: 12, assigneeUid: agent.uid });
    await post(store, 'm2', fromAgent('Done', 20));
    await post(store, 'm1', fromCustomer('Earlier', 10));
    expect(alertsOf(store, agent.uid)).toEqual([]);
    expect(alertsOf(store, CUSTOMER.uid)).toHaveLength(1);
  });
});
