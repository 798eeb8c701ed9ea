import { z } from './zod.js';
import { MESSAGE_MAX } from './message.js';
import { storedText, typedText } from './text.js';
import { formatTicketNumber } from './numbering.js';

/**
 * Canned replies: answers an admin keeps in `cannedReplies/{id}` (in the console or the app)
 * and an agent inserts into the composer, with its placeholders filled for the ticket.
 * Limits mirrored in firestore.rules (isCannedReply).
 */
export const CANNED_TITLE_MAX = 120;
export const CANNED_CATEGORY_MAX = 60;
/** A canned reply's body becomes a message, so it holds no more than a message may. */
export const CANNED_BODY_MAX = MESSAGE_MAX;
/** The picker shows every reply of a desk; more than this is a console clean-up job. */
export const CANNED_REPLIES_MAX = 200;

/** `cannedReplies/{id}` as stored: title, body with placeholders, optional category. */
export const cannedReplyDocSchema = z.strictObject({
  title: storedText(CANNED_TITLE_MAX),
  body: storedText(CANNED_BODY_MAX),
  category: z.nullable(z.string().check(z.maxLength(CANNED_CATEGORY_MAX))),
});
export type CannedReplyDoc = z.infer<typeof cannedReplyDocSchema>;
export type CannedReply = CannedReplyDoc & { readonly id: string };

/** What an admin types into the canned-reply form. */
export const cannedReplyInputSchema = z.object({
  title: typedText(CANNED_TITLE_MAX, {
    blank: 'Give the canned reply a title.',
    tooLong: `A canned reply's title may be at most ${CANNED_TITLE_MAX} characters.`,
  }),
  body: typedText(CANNED_BODY_MAX, {
    blank: 'Write the text of the canned reply.',
    tooLong: `A canned reply may be at most ${CANNED_BODY_MAX} characters.`,
  }),
  category: z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(CANNED_CATEGORY_MAX, `A category may be at most ${CANNED_CATEGORY_MAX} characters.`))),
    z.transform((category) => (category ? category : null)),
  ),
});
export type CannedReplyInput = z.input<typeof cannedReplyInputSchema>;

export function newCannedReplyDoc(input: CannedReplyInput): CannedReplyDoc {
  return cannedReplyInputSchema.parse(input);
}

/** The placeholders a body may hold, and what each is filled with. */
export const cannedPlaceholders = ['customer.name', 'ticket.number', 'agent.name'] as const;
export type CannedPlaceholder = (typeof cannedPlaceholders)[number];

export interface PlaceholderValues {
  readonly customerName: string;
  readonly ticketNumber: number | null;
  readonly agentName: string;
}

/**
 * The body with its placeholders filled ({{customer.name}}, {{ticket.number}},
 * {{agent.name}}, spaces inside the braces allowed); an unknown placeholder stays as typed,
 * so the agent sees it before sending.
 */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  const filled: Record<CannedPlaceholder, string> = {
    'customer.name': values.customerName,
    'ticket.number': formatTicketNumber(values.ticketNumber),
    'agent.name': values.agentName,
  };
  return body.replace(/\{\{\s*([a-z.]+)\s*\}\}/g, (whole, name: string) =>
    name in filled ? filled[name as CannedPlaceholder] : whole,
  );
}

/** Whether a reply matches what the agent typed after the trigger: every word, in title, category or body. */
export function matchesCannedReply(reply: CannedReplyDoc, query: string): boolean {
  const haystack = `${reply.title} ${reply.category ?? ''} ${reply.body}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** What opens the picker in the composer: "::" anywhere, or "/" at the start of a line, then the search. */
export interface CannedTrigger {
  /** Where the trigger starts in the draft: the inserted reply replaces from here to the caret. */
  readonly start: number;
  readonly query: string;
}

/** The trigger the text before the caret ends with, or null. */
export function cannedTriggerBefore(draft: string, caret: number): CannedTrigger | null {
  const before = draft.slice(0, caret);
  const match = /(?:::|(?:^|\n)\/)([^\s:/]*(?: [^\s:/]+)*)$/.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  const start = before.length - query.length - (match[0].startsWith('::') ? 2 : 1);
  return { start, query };
}
