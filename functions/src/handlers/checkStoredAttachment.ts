import {
  SNIFF_BYTES,
  attachmentSlotSchema,
  storedAttachmentProblem,
  type TicketEvent,
} from '../domain/index.js';
import type { FilePort } from '../store/filePort.js';
import type { DocStore } from '../store/port.js';
import { ids, paths, readWellFormedTicket } from './docs.js';

/** What the finalize event says of a stored object. */
export interface StoredObject {
  readonly path: string;
  readonly size: number;
  readonly contentType: string | undefined;
}

export type StoredAttachmentOutcome = 'not-an-attachment' | 'kept' | 'removed';

export const ATTACHMENT_CHECK_NAME = 'Attachment check';

const attachmentPathPattern = /^tickets\/([A-Za-z0-9_-]{1,128})\/attachments\/([a-z0-9-]+)$/;

/**
 * "Attachment stored": storage.rules trust the content type the client declares, so the
 * bytes themselves are checked here with the domain's sniffing. A file that is not what the
 * ticket lists (another type by its first bytes, another size or declared type, a slot the
 * ticket does not list, a ticket that does not exist) is removed and the removal recorded on
 * the ticket. Safe to run twice: the removal is idempotent and its event id is the slot's.
 */
export async function checkStoredAttachment(
  store: DocStore,
  files: FilePort,
  object: StoredObject,
  deps: { now: Date },
): Promise<StoredAttachmentOutcome> {
  const match = attachmentPathPattern.exec(object.path);
  const slot = attachmentSlotSchema.safeParse(match?.[2]);
  if (!match || !slot.success) return 'not-an-attachment';
  const ticketId = match[1]!;
  const ticket = await store.runTransaction((tx) => readWellFormedTicket(tx, ticketId));
  const entry = ticket?.attachments.find((ref) => ref.slot === slot.data);
  const head = await files.head(object.path, SNIFF_BYTES);
  const problem = !entry
    ? 'the ticket lists no file in that slot'
    : object.size !== entry.size || object.contentType !== entry.contentType
      ? `it is not the file the ticket lists (${entry.name})`
      : head === undefined
        ? null
        : storedAttachmentProblem(entry, head);
  if (problem === null) return 'kept';

  await files.remove(object.path);
  if (!ticket) return 'removed';
  const event: TicketEvent = {
    kind: 'attachment_removed',
    actorUid: null,
    actorName: ATTACHMENT_CHECK_NAME,
    from: slot.data,
    to: null,
    note: `The file stored as ${slot.data} was removed: ${problem}`,
    at: deps.now,
  };
  await store.runTransaction(async (tx) => {
    tx.set(paths.event(ticketId, ids.removedAttachmentEvent(ticketId, slot.data)), event);
  });
  return 'removed';
}
