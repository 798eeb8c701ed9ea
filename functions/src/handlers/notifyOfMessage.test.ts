import { describe, expect, it } from 'vitest';
import { newMessageDoc, notificationDocSchema } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { notifyOfMessage } from './notifyOfMessage.js';
import { CUSTOMER, givenTicket, givenUser } from './testSupport.js';

const opened = new Date('2024-05-01T10:00:00Z');
const at = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);
const customer = { uid: CUSTOMER.uid, role: 'customer' as const, displayName: CUSTOMER.displayName };
const agent = { uid: 'agent-a', role: 'agent' as const, displayName: 'Ari Agent' };

function givenStaff(store: MemoryStore) {
  givenUser(store, 'agent-a', 'agent', { displayName: 'Ari Agent' });
  givenUser(store, 'agent-b', 'agent', { displayName: 'Bea Agent' });
}
const notificationsOf = (store: MemoryStore, uid: string) =>
  store.list(`users/${uid}/notifications`).map(({ data }) => notificationDocSchema.parse(data));

async function post(store: MemoryStore, id: string, author: typeof customer | typeof agent, text: string, minutes: number) {
  store.write(`tickets/t1/messages/${id}`, newMessageDoc({ text }, author, at(minutes)));
  await notifyOfMessage(store, 't1', id);
}

describe('notifyOfMessage', () => {
  it("tells every active staff member of a customer's message on an unassigned ticket, the assignee only once assigned", async () => {
    const store = new MemoryStore();
    givenStaff(store);
    givenTicket(store, 't1', { number: 7 });
    await post(store, 'm1', customer, 'Still broken', 1);
    expect(notificationsOf(store, 'agent-a')).toHaveLength(1);
    expect(notificationsOf(store, 'agent-b')[0]).toMatchObject({ kind: 'new_message', ticketId: 't1', seen: false });
    expect(notificationsOf(store, 'agent-b')[0]?.text).toContain('Still broken');
  });

  it('a burst makes one notification; once seen, the next message sets it again; a re-run adds nothing', async () => {
    const store = new MemoryStore();
    givenStaff(store);
    givenTicket(store, 't1', { number: 7, assigneeUid: 'agent-a' });
    await post(store, 'm1', customer, 'Hello?', 1);
    await post(store, 'm2', customer, 'Anyone?', 2);
    await post(store, 'm3', customer, 'Please!', 3);
    expect(notificationsOf(store, 'agent-a')).toHaveLength(1);
    expect(notificationsOf(store, 'agent-a')[0]?.text).toContain('Hello?');
    expect(notificationsOf(store, 'agent-b')).toHaveLength(0);

    const [first] = store.list('users/agent-a/notifications');
    const path = `users/agent-a/notifications/${first!.id}`;
    store.write(path, { ...first!.data, seen: true });
    await post(store, 'm4', customer, 'Back again', 4);
    expect(notificationsOf(store, 'agent-a')[0]).toMatchObject({ seen: false, createdAt: at(4) });
    const writes = store.writeCount;
    await notifyOfMessage(store, 't1', 'm4');
    expect(store.writeCount).toBe(writes);
  });

  it("tells the customer of a staff reply, and nobody of their own message", async () => {
    const store = new MemoryStore();
    givenStaff(store);
    givenTicket(store, 't1', { number: 7, assigneeUid: 'agent-a' });
    await post(store, 'm1', agent, 'Fixed now', 1);
    expect(notificationsOf(store, CUSTOMER.uid)[0]?.text).toBe('Support replied on your ticket #7 ("Printer on fire"): Fixed now');
    expect(notificationsOf(store, 'agent-a')).toHaveLength(0);
  });
});
