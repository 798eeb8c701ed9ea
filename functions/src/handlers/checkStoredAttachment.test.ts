import { describe, expect, it } from 'vitest';
import { MB, attachmentPath, ticketEventSchema, type AttachmentRef } from '../domain/index.js';
import { MemoryFiles } from '../store/memoryFiles.js';
import { MemoryStore } from '../store/memoryStore.js';
import { checkStoredAttachment } from './checkStoredAttachment.js';
import { givenTicket } from './testSupport.js';

const now = new Date('2024-05-01T10:05:00Z');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0]);
const PDF = new Uint8Array([...'%PDF-1.7\n%ab'].map((c) => c.charCodeAt(0)));
const shot: AttachmentRef = { slot: 'image-1', name: 'shot.png', contentType: 'image/png', size: 2 * MB };
const invoice: AttachmentRef = { slot: 'pdf-1', name: 'invoice.pdf', contentType: 'application/pdf', size: MB };

function desk() {
  const store = new MemoryStore();
  givenTicket(store, 't1', { attachments: [shot, invoice] });
  return { store, files: new MemoryFiles() };
}

function stored(files: MemoryFiles, ref: AttachmentRef, bytes: Uint8Array) {
  files.objects.set(attachmentPath('t1', ref.slot), bytes);
  return { path: attachmentPath('t1', ref.slot), size: ref.size, contentType: ref.contentType };
}

const removals = (store: MemoryStore) =>
  store
    .list('tickets/t1/events')
    .map(({ data }) => ticketEventSchema.parse(data))
    .filter((event) => event.kind === 'attachment_removed');

describe('checkStoredAttachment', () => {
  it('keeps files whose first bytes are what the ticket lists', async () => {
    const { store, files } = desk();
    expect(await checkStoredAttachment(store, files, stored(files, shot, PNG), { now })).toBe('kept');
    expect(await checkStoredAttachment(store, files, stored(files, invoice, PDF), { now })).toBe('kept');
    expect(files.objects.size).toBe(2);
    expect(removals(store)).toEqual([]);
  });

  it('removes a program declared as a PNG and records why on the ticket', async () => {
    const { store, files } = desk();
    const object = stored(files, shot, EXE);
    expect(await checkStoredAttachment(store, files, object, { now })).toBe('removed');
    expect(files.objects.has(object.path)).toBe(false);
    expect(removals(store)).toEqual([
      expect.objectContaining({ from: 'image-1', note: 'The file stored as image-1 was removed: shot.png is not a PNG image.', at: now }),
    ]);
  });

  it('removes a file of another size or type than listed, or in a slot the ticket does not list', async () => {
    const { store, files } = desk();
    files.objects.set(attachmentPath('t1', 'image-1'), PNG);
    const wrongSize = { path: attachmentPath('t1', 'image-1'), size: shot.size + 1, contentType: 'image/png' };
    expect(await checkStoredAttachment(store, files, wrongSize, { now })).toBe('removed');
    files.objects.set(attachmentPath('t1', 'image-2'), PNG);
    const unlisted = { path: attachmentPath('t1', 'image-2'), size: 100, contentType: 'image/png' };
    expect(await checkStoredAttachment(store, files, unlisted, { now })).toBe('removed');
    expect(files.objects.size).toBe(0);
    expect(removals(store).map((event) => event.from).sort()).toEqual(['image-1', 'image-2']);
  });

  it('is safe to run twice: one removal, one event', async () => {
    const { store, files } = desk();
    const object = stored(files, invoice, PNG);
    await checkStoredAttachment(store, files, object, { now });
    await checkStoredAttachment(store, files, object, { now });
    expect(removals(store)).toHaveLength(1);
  });

  it('leaves anything that is not an attachment alone', async () => {
    const { store, files } = desk();
    files.objects.set('avatars/u1.png', EXE);
    expect(await checkStoredAttachment(store, files, { path: 'avatars/u1.png', size: 12, contentType: 'image/png' }, { now })).toBe(
      'not-an-attachment',
    );
    expect(files.objects.size).toBe(1);
  });
});
