import {
  DomainError,
  SNIFF_BYTES,
  attachmentPath,
  checkAttachmentUpload,
  mayReadTicket,
  type Actor,
  type AttachmentSlot,
} from '@domain';
import type { AttachmentUpload } from '../port';
import type { LocalDatabase } from './localDatabase';

/**
 * The local stand-in for Cloud Storage uploads: the bytes are read chunk by chunk (that is
 * the progress the bar shows), checked as storage.rules would (against the ticket as stored
 * now, as its cross-service get() reads it) and by their first bytes, as the finalize
 * trigger does, then kept in IndexedDB.
 */
export async function storeAttachment(
  db: LocalDatabase,
  uploaderUid: string,
  ticketId: string,
  upload: AttachmentUpload,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const path = attachmentPath(ticketId, upload.slot);
  const chunks: BlobPart[] = [];
  let received = 0;
  const reader = upload.file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(upload.file.size === 0 ? 1 : received / upload.file.size);
    // Let the progress bar paint between chunks, as a network upload would.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const blob = new Blob(chunks, { type: upload.contentType });
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  await db.transaction('rw', db.files, db.tickets, async () => {
    const stored = await db.tickets.get(ticketId);
    const refusal = checkAttachmentUpload(
      { slot: upload.slot, size: blob.size, contentType: upload.contentType, head },
      {
        ticket: stored,
        uploaderUid,
        slotTaken: (await db.files.get(path)) !== undefined,
        now: new Date(),
      },
    );
    if (refusal) throw new DomainError('permission-denied', refusal);
    await db.files.add({ path, blob, contentType: blob.type });
  });
  onProgress(1);
}

/** An object URL for a stored attachment (owner or staff, as storage.rules allows). */
export async function attachmentObjectUrl(
  db: LocalDatabase,
  actor: Actor | null,
  ticketId: string,
  slot: AttachmentSlot,
): Promise<string> {
  const ticket = await db.tickets.get(ticketId);
  const decision = ticket ? mayReadTicket(actor, ticket) : { allowed: false as const, reason: 'No such ticket.' };
  if (!decision.allowed) throw new DomainError('permission-denied', decision.reason);
  const file = await db.files.get(attachmentPath(ticketId, slot));
  if (!file) throw new DomainError('not-found', 'That attachment has not finished uploading.');
  return URL.createObjectURL(file.blob);
}
