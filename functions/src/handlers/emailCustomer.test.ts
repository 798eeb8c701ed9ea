import { describe, expect, it } from 'vitest';
import { mailDocSchema } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { emailReplyIfAway, emailStatusChange } from './emailCustomer.js';
import { CUSTOMER, givenTicket, givenUser } from './testSupport.js';

const ID = 't1';
const start = new Date('2024-05-01T10:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
const deps = (now: Date) => ({ now, deskUrl: 'https://desk.example.com/' });

function desk() {
  const store = new MemoryStore();
  givenUser(store, 'agent-a', 'agent', { displayName: 'Ari Agent' });
  givenUser(store, CUSTOMER.uid, 'customer', { displayName: CUSTOMER.displayName });
  givenTicket(store, ID, { number: 7, status: 'in_progress', assigneeUid: 'agent-a' });
  return store;
}
let serial = 0;
function reply(store: MemoryStore, at: Date, text = 'Try turning it off and on.', author: 'agent' | 'customer' = 'agent') {
  const id = `m${++serial}`;
  store.write(`tickets/${ID}/messages/${id}`, {
    authorUid: author === 'agent' ? 'agent-a' : CUSTOMER.uid,
    authorRole: author,
    authorName: author === 'agent' ? 'Ari Agent' : CUSTOMER.displayName,
    text,
    kind: 'user',
    createdAt: at,
  });
  return id;
}
const customerReads = (store: MemoryStore, at: Date) =>
  store.write(`tickets/${ID}/reads/${CUSTOMER.uid}`, { uid: CUSTOMER.uid, ticketId: ID, lastReadAt: at });
const mails = (store: MemoryStore) => store.list('mail').map(({ id, data }) => ({ id, ...mailDocSchema.parse(data) }));

describe('email to customers (documents in the Trigger Email shape)', () => {
  it('emails a staff reply to a customer who has read nothing for 5 minutes, with the reply and a link', async () => {
    const store = desk();
    customerReads(store, minutes(0));
    const id = reply(store, minutes(6), 'Try <b>turning</b> it off & on.');
    expect(await emailReplyIfAway(store, ID, id, deps(minutes(6)))).toBe(true);
    const [mail] = mails(store);
    expect(mail).toMatchObject({
      id: `${ID}-reply-${id}`,
      to: `${CUSTOMER.uid}@example.com`,
      message: { subject: 'New reply on your ticket #7: Printer on fire' },
    });
    expect(mail!.message.text).toContain('Ari Agent replied');
    expect(mail!.message.text).toContain('https://desk.example.com/tickets/t1');
    expect(mail!.message.html).toContain('Try &lt;b&gt;turning&lt;/b&gt; it off &amp; on.');
  });

  it('does not email a customer who read the ticket within the last 5 minutes, nor for their own messages', async () => {
    const store = desk();
    customerReads(store, minutes(2));
    expect(await emailReplyIfAway(store, ID, reply(store, minutes(6)), deps(minutes(6)))).toBe(false);
    expect(await emailReplyIfAway(store, ID, reply(store, minutes(30), 'Still broken', 'customer'), deps(minutes(30)))).toBe(false);
    expect(mails(store)).toEqual([]);
  });

  it('sends one email per burst of replies: the next after the customer has read the ticket since', async () => {
    const store = desk();
    const first = reply(store, minutes(1));
    expect(await emailReplyIfAway(store, ID, first, deps(minutes(1)))).toBe(true);
    expect(await emailReplyIfAway(store, ID, first, deps(minutes(1)))).toBe(false);
    expect(await emailReplyIfAway(store, ID, reply(store, minutes(2)), deps(minutes(2)))).toBe(false);
    expect(await emailReplyIfAway(store, ID, reply(store, minutes(20)), deps(minutes(20)))).toBe(false);
    customerReads(store, minutes(21));
    expect(await emailReplyIfAway(store, ID, reply(store, minutes(40)), deps(minutes(40)))).toBe(true);
    expect(mails(store)).toHaveLength(2);
  });

  it('emails a status change made by staff, once per change, but not the customer\'s own nor one put back', async () => {
    const store = desk();
    store.write(`tickets/${ID}`, { ...store.read(`tickets/${ID}`), status: 'resolved' });
    const change = { to: 'resolved' as const, actorUid: 'agent-a', changeKey: 'e1' };
    expect(await emailStatusChange(store, ID, change, deps(minutes(1)))).toBe(true);
    expect(await emailStatusChange(store, ID, change, deps(minutes(1)))).toBe(false);
    expect(await emailStatusChange(store, ID, { ...change, changeKey: 'e2', actorUid: CUSTOMER.uid }, deps(minutes(2)))).toBe(false);
    expect(await emailStatusChange(store, ID, { to: 'closed', actorUid: null, changeKey: 'e3' }, deps(minutes(3)))).toBe(false);
    expect(mails(store)).toEqual([
      expect.objectContaining({
        id: `${ID}-status-e1`,
        message: expect.objectContaining({ subject: 'Your ticket #7 is now Resolved', text: expect.stringContaining('rate the help') }),
      }),
    ]);
  });
});
