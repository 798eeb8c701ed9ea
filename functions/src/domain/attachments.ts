import { z } from './zod.js';

/**
 * Attachment limits at ticket creation. storage.rules mirrors them: fixed slot names (rules
 * cannot count files), create-only, size and content type per slot.
 */
export const MB = 1024 * 1024;

export const attachmentKinds = {
  image: {
    maxCount: 3,
    maxBytes: 3 * MB,
    plural: 'images',
    contentTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
  },
  pdf: { maxCount: 2, maxBytes: 5 * MB, plural: 'PDFs', contentTypes: ['application/pdf'] },
} as const;
export type AttachmentKind = keyof typeof attachmentKinds;
export type AttachmentContentType =
  (typeof attachmentKinds)[AttachmentKind]['contentTypes'][number];

export const attachmentSlots = ['image-1', 'image-2', 'image-3', 'pdf-1', 'pdf-2'] as const;
export const attachmentSlotSchema = z.enum(attachmentSlots);
export type AttachmentSlot = z.infer<typeof attachmentSlotSchema>;

/** The longest file name a ticket keeps (firestore.rules checks the same bound). */
export const ATTACHMENT_NAME_MAX = 255;

/** What the ticket document says of one uploaded file. */
export const attachmentRefSchema = z.object({
  slot: attachmentSlotSchema,
  name: z.string().check(z.minLength(1), z.maxLength(ATTACHMENT_NAME_MAX)),
  contentType: z.enum([...attachmentKinds.image.contentTypes, ...attachmentKinds.pdf.contentTypes]),
  size: z.int().check(z.positive()),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;
/** The same, with no field besides (what a ticket's attachments list may hold). */
const exactAttachmentRefSchema = z.strictObject(attachmentRefSchema.shape);

/** Where a slot lives in Storage. */
export function attachmentPath(ticketId: string, slot: AttachmentSlot): string {
  return `tickets/${ticketId}/attachments/${slot}`;
}

/** How many leading bytes `sniffContentType` needs. */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The content type by magic bytes, never by file name: a renamed .exe is not an image. */
export function sniffContentType(head: Uint8Array): AttachmentContentType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

export function kindOf(contentType: AttachmentContentType): AttachmentKind {
  return contentType === 'application/pdf' ? 'pdf' : 'image';
}

/** "6.2 MB", "900 KB": sizes as people read them in an error message. */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export interface CandidateFile {
  readonly name: string;
  readonly size: number;
  /** The first SNIFF_BYTES bytes of the file. */
  readonly head: Uint8Array;
}

export interface PlannedAttachment {
  readonly file: CandidateFile;
  readonly slot: AttachmentSlot;
  readonly contentType: AttachmentContentType;
}

export interface AttachmentPlan {
  readonly accepted: PlannedAttachment[];
  /** One sentence per refused file, naming the file and the limit it broke. */
  readonly problems: string[];
}

/**
 * Sorts files into slots, refusing each one that breaks a limit. Files already accepted keep
 * their slots, so adding a file never moves or loses one chosen earlier.
 */
export function planAttachments(files: readonly CandidateFile[]): AttachmentPlan {
  const accepted: PlannedAttachment[] = [];
  const problems: string[] = [];
  const used = { image: 0, pdf: 0 };
  for (const file of files) {
    const contentType = sniffContentType(file.head);
    if (!contentType) {
      problems.push(
        `${file.name} is not an image or a PDF; attach PNG, JPEG, GIF or WebP images, or PDFs.`,
      );
      continue;
    }
    const kind = kindOf(contentType);
    const limits = attachmentKinds[kind];
    if (file.size > limits.maxBytes) {
      const size = formatSize(file.size);
      const limit = formatSize(limits.maxBytes);
      // Just over the limit rounds to the limit itself: say "over 3 MB", not "is 3 MB".
      const is = size === limit ? `over ${size}` : size;
      problems.push(`${file.name} is ${is}; ${limits.plural} may be at most ${limit}.`);
      continue;
    }
    if (used[kind] >= limits.maxCount) {
      problems.push(
        `${file.name} was not added: a ticket may have at most ${limits.maxCount} ${limits.plural}.`,
      );
      continue;
    }
    used[kind] += 1;
    accepted.push({ file, contentType, slot: `${kind}-${used[kind]}` as AttachmentSlot });
  }
  return { accepted, problems };
}

/** The slot's kind: `image-2` holds an image, `pdf-1` a PDF. */
export function slotKind(slot: AttachmentSlot): AttachmentKind {
  return slot.startsWith('pdf') ? 'pdf' : 'image';
}

/** Slot order: image-1..3, then pdf-1..2 (also the slots' alphabetical order, which the rules compare). */
const slotRank = (slot: AttachmentSlot) => attachmentSlots.indexOf(slot);

/** The entries a new ticket lists, in slot order: how the desk writes them (the rules expect it). */
export function attachmentRefsInSlotOrder(refs: readonly AttachmentRef[]): AttachmentRef[] {
  return [...refs].sort((a, b) => slotRank(a.slot) - slotRank(b.slot));
}

/**
 * Whether the attachment list a new ticket document carries is one the desk would have
 * planned: every entry well formed, in one of the fixed slots, of a content type of the
 * slot's kind, within the kind's size, no key beyond the four, in slot order and no slot
 * twice (so at most five entries).
 * firestore.rules mirrors it entry by entry (isAttachmentRef, areAttachmentRefs).
 */
export function attachmentsAreValid(refs: readonly unknown[]): boolean {
  return attachmentsProblem(refs) === null;
}

/** The first attachment entry that breaks a limit, in a sentence naming file and limit; null if none. */
export function attachmentsProblem(refs: readonly unknown[]): string | null {
  let previous: AttachmentSlot | null = null;
  for (const entry of refs) {
    const parsed = exactAttachmentRefSchema.safeParse(entry);
    if (!parsed.success) return 'An attachment is not described correctly.';
    const { slot, name, contentType, size } = parsed.data;
    const kind = slotKind(slot);
    const limits = attachmentKinds[kind];
    if (kindOf(contentType) !== kind) return `${name} is not ${kind === 'pdf' ? 'a PDF' : 'an image'}.`;
    if (size > limits.maxBytes) {
      return `${name} is ${formatSize(size)}; ${limits.plural} may be at most ${formatSize(limits.maxBytes)}.`;
    }
    if (previous === slot) return `${name} was not added: that attachment slot is already used.`;
    if (previous !== null && slotRank(previous) > slotRank(slot)) return 'Attachments are listed in slot order.';
    previous = slot;
  }
  return null;
}

/**
 * How long after its ticket was stored an attachment may still be uploaded: the client
 * uploads right after the ticket lands, so anything later is not part of opening it.
 */
export const ATTACHMENT_UPLOAD_WINDOW_MS = 60 * 60 * 1000;

/**
 * What storage.rules checks of one upload, for the local backend: by the ticket's customer,
 * into a slot the ticket lists, with that entry's content type and size, while the ticket is
 * open and new, into an empty slot. The local backend also checks the bytes themselves,
 * which storage.rules cannot (the finalize trigger does, see checkStoredAttachment).
 */
export function checkAttachmentUpload(
  upload: { slot: AttachmentSlot; size: number; contentType: string; head: Uint8Array },
  context: {
    ticket: { customerUid: string; status: string; createdAt: Date; attachments: readonly AttachmentRef[] } | undefined;
    uploaderUid: string;
    slotTaken: boolean;
    now: Date;
  },
): string | null {
  const { ticket } = context;
  if (!ticket) return 'That ticket does not exist.';
  if (ticket.customerUid !== context.uploaderUid) return 'Only the customer who opened the ticket can attach files to it.';
  const entry = ticket.attachments.find((ref) => ref.slot === upload.slot);
  if (!entry) return 'The ticket lists no file for that attachment slot.';
  if (ticket.status !== 'open' || context.now.getTime() > ticket.createdAt.getTime() + ATTACHMENT_UPLOAD_WINDOW_MS) {
    return `${entry.name} was not stored: files are attached while a ticket is being opened.`;
  }
  if (context.slotTaken) return `${entry.name} was not stored: that attachment slot is already used.`;
  if (upload.contentType !== entry.contentType || upload.size !== entry.size) {
    return `${entry.name} was not stored: it is not the file the ticket lists.`;
  }
  return storedAttachmentProblem(entry, upload.head);
}

/**
 * Whether stored bytes are what the ticket says of them: the content type read from the
 * first bytes must be the listed one. The finalize trigger removes a file that fails this.
 */
export function storedAttachmentProblem(entry: Pick<AttachmentRef, 'name' | 'contentType'>, head: Uint8Array): string | null {
  const sniffed = sniffContentType(head);
  if (sniffed === entry.contentType) return null;
  const kind = kindOf(entry.contentType);
  return `${entry.name} is not ${kind === 'pdf' ? 'a PDF' : `a ${entry.contentType.slice('image/'.length).toUpperCase()} image`}.`;
}
