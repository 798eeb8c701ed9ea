import { describe, expect, it } from 'vitest';
import { newMessageDoc, systemMessageDoc, ticketDocSchema, type MessageDoc } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { recordMessage } from './recordMessage.js';
import { CUSTOMER, givenTicket } from './testSupport.js';

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
