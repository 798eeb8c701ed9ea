import { z } from './zod.js';
import { docIdSchema } from './ids.js';
import { roleSchema } from './roles.js';
import { storedText, typedText } from './text.js';
import { DISPLAY_NAME_MAX } from './user.js';

/** Chat limits, mirrored in firestore.rules. */
export const MESSAGE_MAX = 4000;
/** The first characters of the newest message that the ticket keeps for the queue's row. */
export const MESSAGE_PREVIEW_MAX = 80;

/** A message's first words as one line, cut at a word where it can be, with an ellipsis when cut. */
export function messagePreview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= MESSAGE_PREVIEW_MAX) return line;
  const cut = line.slice(0, MESSAGE_PREVIEW_MAX - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${atWord > MESSAGE_PREVIEW_MAX / 2 ? cut.slice(0, atWord) : cut}…`;
}

/** The chat listens to this many newest messages; older pages load on scrolling up. */
export const MESSAGE_PAGE_SIZE = 50;

export const messageKinds = ['user', 'system'] as const;

/** `tickets/{id}/messages/{messageId}`: written by participants, or by the functions (system). */
export const messageDocSchema = z.object({
  authorUid: z.nullable(docIdSchema),
  authorRole: z.nullable(roleSchema),
  /** The author's name as their profile had it when they wrote (the rules insist). */
  authorName: z.string().check(z.maxLength(DISPLAY_NAME_MAX)),
  text: storedText(MESSAGE_MAX),
  kind: z.enum(messageKinds),
  createdAt: z.date(),
});
export type MessageDoc = z.infer<typeof messageDocSchema>;

/** Where a message stands for its author: the UI shows sending, sent or failed with retry. */
export type DeliveryState = 'sending' | 'sent' | 'failed';
export type ChatMessage = MessageDoc & { readonly id: string; readonly delivery: DeliveryState };

export const messageInputSchema = z.object({
  text: typedText(MESSAGE_MAX, {
    blank: 'Write a message first.',
    tooLong: `A message may be at most ${MESSAGE_MAX} characters.`,
  }),
});
export type MessageInput = z.infer<typeof messageInputSchema>;

export function newMessageDoc(
  input: MessageInput,
  author: { uid: string; role: z.infer<typeof roleSchema>; displayName: string },
  now: Date,
): MessageDoc {
  return {
    authorUid: author.uid,
    authorRole: author.role,
    authorName: author.displayName,
    text: messageInputSchema.parse(input).text,
    kind: 'user',
    createdAt: now,
  };
}

export function systemMessageDoc(text: string, now: Date): MessageDoc {
  return { authorUid: null, authorRole: null, authorName: 'Support desk', text, kind: 'system', createdAt: now };
}

/** `tickets/{id}/notes/{noteId}`: staff-only notes, never readable by the customer. */
export const noteDocSchema = z.object({
  authorUid: docIdSchema,
  authorName: z.string().check(z.maxLength(DISPLAY_NAME_MAX)),
  text: storedText(MESSAGE_MAX),
  createdAt: z.date(),
});
export type NoteDoc = z.infer<typeof noteDocSchema>;
export type Note = NoteDoc & { readonly id: string };

/** `tickets/{id}/reads/{uid}`: the reader's marker for unread badges (uid and ticketId for the one per-user listener). */
export const readMarkerSchema = z.object({
  uid: docIdSchema,
  ticketId: docIdSchema,
  lastReadAt: z.date(),
});
export type ReadMarker = z.infer<typeof readMarkerSchema>;

export function newNoteDoc(input: MessageInput, author: { uid: string; displayName: string }, now: Date): NoteDoc {
  return { authorUid: author.uid, authorName: author.displayName, text: messageInputSchema.parse(input).text, createdAt: now };
}
