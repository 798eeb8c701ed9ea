import { describe, expect, it } from 'vitest';
import { MB, rateLimits, type Ticket } from '../../functions/src/domain/index.js';
import type { AttachmentUpload, ChatPage, ListPage, SupportBackend } from '../../web/src/backend/port.js';
import type { ContractHarness } from './harness.js';
import { nextMatching } from './scenarios.js';

const input = { title: 'Bad input', description: 'Testing the refusals.', category: 'general', priority: 'low' } as const;

/** A file of `bytes` bytes that starts with `signature`: real magic bytes, no real content. */
function fakeFile(name: string, signature: number[], bytes: number, type: string) {
  const data = new Uint8Array(bytes);
  data.set(signature);
  return Object.assign(new Blob([data], { type }), { name });
}
const PDF = [...new TextEncoder().encode('%PDF-1.7')];

async function mine(tab: SupportBackend): Promise<Ticket[]> {
  return (await nextMatching<ListPage<Ticket>>((d, e) => tab.subscribeMyTickets(50, d, e), () => true)).items;
}

/**
 * The bad-input catalogue: each refusal is clear (it names the rule) and leaves the data
 * as it was. Run against every backend.
 */
export function runBadInputScenarios(makeHarness: () => Promise<ContractHarness>) {
  describe('bad input', () => {
    it('empty and 201-character titles and an unknown category are refused before anything is written', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      expect(() => customer.createTicket({ ...input, title: '' })).toThrow('Give the ticket a title.');
      expect(() => customer.createTicket({ ...input, title: 'x'.repeat(201) })).toThrow('A title may be at most 200 characters.');
      expect(() => customer.createTicket({ ...input, category: 'refunds' as 'general' })).toThrow(/category|option/i);
      expect(await mine(customer)).toEqual([]);
      await harness.dispose();
    });

    it('a PDF over 5 MB that slips past the form is refused at once, naming the limit, and nothing is written', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const upload: AttachmentUpload = {
        slot: 'pdf-1',
        file: fakeFile('scan.pdf', PDF, Math.round(6.2 * MB), 'application/pdf'),
        contentType: 'application/pdf',
      };
      expect(() => customer.createTicket(input, [upload])).toThrow('scan.pdf is 6.2 MB; PDFs may be at most 5 MB.');
      expect(await mine(customer)).toEqual([]);
      await harness.dispose();
    });

    it('blank text (spaces, no-break and zero-width spaces) is refused as empty, naming what is missing', async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      expect(() => customer.createTicket({ ...input, title: '\u00a0\u200b ' })).toThrow('Give the ticket a title.');
      expect(() => customer.createTicket({ ...input, description: '\n\t\u3000' })).toThrow('Describe the problem.');
      const write = customer.createTicket(input);
      await write.committed;
      expect(() => customer.sendMessage(write.id, { text: '\u200b\u00a0' })).toThrow('Write a message first.');
      const agent = await harness.openTab('agent');
      expect(() => agent.rejectTicket(write.id, '   ')).toThrow('Give a reason when rejecting a ticket.');
      await harness.dispose();
    });

    it(`a message after ${rateLimits.messages.max} within a minute is refused at once, saying to wait; the first ${rateLimits.messages.max} arrive`, async () => {
      const harness = await makeHarness();
      const customer = await harness.openTab('customer');
      const write = customer.createTicket(input);
      await write.committed;
      const sent = Array.from({ length: rateLimits.messages.max }, (_, n) => customer.sendMessage(write.id, { text: `Message ${n + 1}` }));
      expect(() => customer.sendMessage(write.id, { text: 'One too many' })).toThrow(/You are sending messages quickly; wait \d+ seconds? and send again/);
      await Promise.all(sent.map((message) => message.committed));
      const chat = await nextMatching<ChatPage>(
        (d, e) => customer.subscribeChat(write.id, 0, d, e),
        (page) => page.messages.filter((m) => m.kind === 'user' && m.delivery === 'sent').length === rateLimits.messages.max,
      );
      expect(chat.messages.some((m) => m.text === 'One too many')).toBe(false);
      await harness.dispose();
    });

    it("another customer's ticket: its chat, notes and moves are refused, and it stays as it was", async () => {
      const harness = await makeHarness();
      const owner = await harness.openTab('customer');
      const stranger = await harness.openTab('otherCustomer');
      const write = owner.createTicket(input);
      await write.committed;
      const before = await nextMatching<Ticket | null>((d, e) => owner.subscribeTicket(write.id, d, e), (t) => t?.number != null);

      await expect(stranger.sendMessage(write.id, { text: 'Hello from outside' }).committed).rejects.toMatchObject({
        code: 'permission-denied',
      });
      await expect(stranger.changeStatus(write.id, 'closed').committed).rejects.toMatchObject({ code: 'permission-denied' });
      await expect(
        nextMatching<ChatPage>((d, e) => stranger.subscribeChat(write.id, 0, d, e), () => true),
      ).rejects.toMatchObject({ code: 'permission-denied' });

      const after = await nextMatching<Ticket | null>((d, e) => owner.subscribeTicket(write.id, d, e), () => true);
      expect(after).toMatchObject({ status: before!.status, lastMessageAt: null });
      const chat = await nextMatching<ChatPage>((d, e) => owner.subscribeChat(write.id, 0, d, e), () => true);
      expect(chat.messages.filter((m) => m.kind === 'user')).toEqual([]);
      await harness.dispose();
    });
  });
}
