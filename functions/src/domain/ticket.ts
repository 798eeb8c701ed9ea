import { z } from './zod.js';
import { attachmentRefSchema, attachmentRefsInSlotOrder, type AttachmentRef } from './attachments.js';
import { docIdSchema } from './ids.js';
import { SATISFACTION_COMMENT_MAX, satisfactionScoreSchema } from './satisfaction.js';
import { storedText, typedText } from './text.js';
import { DISPLAY_NAME_MAX } from './user.js';
import { suggestionSourceSchema } from './triage/suggestion.js';
import { TICKET_SEARCH_TOKENS_MAX } from './search.js';
import { MESSAGE_PREVIEW_MAX } from './message.js';
import {
  DESCRIPTION_MAX,
  REJECTION_REASON_MAX,
  TITLE_MAX,
  categorySchema,
  prioritySchema,
  ticketStatusSchema,
} from './ticketFields.js';

/** What staff type when rejecting a ticket: the customer reads it. */
export const rejectionReasonSchema = typedText(REJECTION_REASON_MAX, {
  blank: 'Give a reason when rejecting a ticket.',
  tooLong: `A rejection reason may be at most ${REJECTION_REASON_MAX} characters.`,
});

/** What triage suggested for a ticket: category, priority and who suggested them. */
export const ticketSuggestionSchema = z.strictObject({ category: categorySchema, priority: prioritySchema, source: suggestionSourceSchema });
export type TicketSuggestion = z.infer<typeof ticketSuggestionSchema>;

/** What a customer types to open a ticket: the schema behind the form and the backends. */
export const newTicketInputSchema = z.object({
  title: typedText(TITLE_MAX, { blank: 'Give the ticket a title.', tooLong: `A title may be at most ${TITLE_MAX} characters.` }),
  description: typedText(DESCRIPTION_MAX, {
    blank: 'Describe the problem.',
    tooLong: `A description may be at most ${DESCRIPTION_MAX} characters.`,
  }),
  category: categorySchema,
  priority: prioritySchema,
  /** The closed or rejected ticket of the same customer this one follows up on ("Open a follow-up ticket"). */
  followUpOf: z.optional(z.nullable(docIdSchema)),
  /** What the form suggested while the customer typed, and by whom; kept with the ticket beside what they chose. */
  suggestion: z.optional(z.nullable(ticketSuggestionSchema)),
});
export type NewTicketInput = z.infer<typeof newTicketInputSchema>;

/**
 * `tickets/{ticketId}` as the app reads it back (timestamps already turned into Dates).
 * `number` is null until the numbering trigger has run: the UI shows `#pending`.
 */
export const ticketDocSchema = z.object({
  number: z.nullable(z.int().check(z.positive())),
  title: storedText(TITLE_MAX),
  description: storedText(DESCRIPTION_MAX),
  category: categorySchema,
  priority: prioritySchema,
  status: ticketStatusSchema,
  customerUid: docIdSchema,
  /** The customer's name as their profile had it when they opened the ticket (the rules insist). */
  customerName: z.string().check(z.maxLength(DISPLAY_NAME_MAX)),
  /** An active agent or admin, or nobody. */
  assigneeUid: z.nullable(docIdSchema),
  /** The assignee's name, for customers who cannot read staff profiles; set by the functions. */
  assigneeName: z.nullable(z.string().check(z.maxLength(DISPLAY_NAME_MAX))),
  attachments: z.array(attachmentRefSchema),
  chatLocked: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /**
   * Who wrote the ticket last from the app: every client write sets it to the writer's uid
   * (the rules insist), so the update trigger can tell a client's change from a console edit
   * even where the event carries no auth context. Documents written before the field existed
   * read as null.
   */
  updatedBy: z._default(z.nullable(docIdSchema), null),
  lastMessageAt: z.nullable(z.date()),
  lastMessageBy: z.nullable(docIdSchema),
  /** The first words of the newest message, for the queue's row; set by the functions. */
  lastMessagePreview: z._default(z.nullable(z.string().check(z.maxLength(MESSAGE_PREVIEW_MAX))), null),
  firstResponseAt: z.nullable(z.date()),
  resolvedAt: z.nullable(z.date()),
  closedAt: z.nullable(z.date()),
  /** Why staff rejected the ticket; set together with the move to rejected. */
  rejectionReason: z.nullable(storedText(REJECTION_REASON_MAX)),
  followUpOf: z.nullable(docIdSchema),
  /** Words of title, description and messages for the queue's search; set by the functions. */
  searchTokens: z.array(z.string()).check(z.maxLength(TICKET_SEARCH_TOKENS_MAX)),
  /** When staff last opened the chat: the customer's "Seen"; set by the functions. */
  staffLastReadAt: z.nullable(z.date()),
  /**
   * What triage suggested as the customer typed, and by whom (`ticketSuggestionOf`): all
   * three, or all null (nothing was suggested; tickets from before triage read so). Written
   * once, with the ticket; nobody changes them.
   */
  suggestedCategory: z._default(z.nullable(categorySchema), null),
  suggestedPriority: z._default(z.nullable(prioritySchema), null),
  suggestionSource: z._default(z.nullable(suggestionSourceSchema), null),
  /**
   * Service levels (see sla.ts), kept by the functions from `config/sla`: the deadlines of
   * the first reply and of the resolution, the time the resolution clock stood still before
   * the last reopen, the earliest running deadline (the queue sorts and filters by it), the
   * earliest one whose breach is not recorded yet (the breach watch), and when each breach
   * was recorded. Tickets from before service levels read as having none.
   */
  firstResponseDueAt: z._default(z.nullable(z.date()), null),
  resolutionDueAt: z._default(z.nullable(z.date()), null),
  resolutionPausedMs: z._default(z.int().check(z.gte(0)), 0),
  slaDueAt: z._default(z.nullable(z.date()), null),
  slaWatchAt: z._default(z.nullable(z.date()), null),
  firstResponseBreachedAt: z._default(z.nullable(z.date()), null),
  resolutionBreachedAt: z._default(z.nullable(z.date()), null),
  /**
   * The customer's rating of the help (see satisfaction.ts): a score from 1 to 5, an optional
   * comment, and the resolution it answers (that resolve's resolvedAt).
   */
  satisfaction: z._default(z.nullable(satisfactionScoreSchema), null),
  satisfactionComment: z._default(z.nullable(storedText(SATISFACTION_COMMENT_MAX)), null),
  satisfactionFor: z._default(z.nullable(z.date()), null),
});
export type TicketDoc = z.infer<typeof ticketDocSchema>;
export type Ticket = TicketDoc & { readonly id: string };

/** The service levels' clocks and breaches on a ticket: kept by the functions only. */
export const slaTicketFields = [
  'firstResponseDueAt',
  'resolutionDueAt',
  'resolutionPausedMs',
  'slaDueAt',
  'slaWatchAt',
  'firstResponseBreachedAt',
  'resolutionBreachedAt',
] as const satisfies readonly (keyof TicketDoc)[];

/**
 * Fields a new ticket's document leaves out (they read as their defaults until the functions
 * or the customer set them): the service levels' and the satisfaction's. firestore.rules
 * refuses them on create (one `hasAny` instead of a comparison each, within the rules'
 * expression budget of the largest ticket).
 */
export const fieldsSetAfterCreation = [...slaTicketFields, 'satisfaction',
  'satisfactionComment',
  'satisfactionFor',
] as const satisfies readonly (keyof TicketDoc)[];

/** A new ticket as the client writes it: without the fields set after creation. */
export function newTicketWriteData(ticket: TicketDoc): Record<string, unknown> {
  const later: readonly string[] = fieldsSetAfterCreation;
  return Object.fromEntries(Object.entries(ticket).filter(([field]) => !later.includes(field)));
}

/**
 * The document a customer's client writes: everything the functions set later starts empty;
 * the attachments are the planned files, listed in slot order.
 */
export function newTicketDoc(
  input: NewTicketInput,
  customer: { uid: string; displayName: string },
  now: Date,
  attachments: readonly AttachmentRef[] = [],
): TicketDoc {
  const { followUpOf, suggestion, ...parsed } = newTicketInputSchema.parse(input);
  return {
    ...parsed,
    number: null,
    status: 'open',
    customerUid: customer.uid,
    customerName: customer.displayName,
    assigneeUid: null,
    assigneeName: null,
    attachments: attachmentRefsInSlotOrder(attachments),
    chatLocked: false,
    createdAt: now,
    updatedAt: now,
    updatedBy: customer.uid,
    lastMessageAt: null,
    lastMessageBy: null,
    lastMessagePreview: null,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    rejectionReason: null,
    followUpOf: followUpOf ?? null,
    searchTokens: [],
    staffLastReadAt: null,
    suggestedCategory: suggestion?.category ?? null,
    suggestedPriority: suggestion?.priority ?? null,
    suggestionSource: suggestion?.source ?? null,
    firstResponseDueAt: null,
    resolutionDueAt: null,
    resolutionPausedMs: 0,
    slaDueAt: null,
    slaWatchAt: null,
    firstResponseBreachedAt: null,
    resolutionBreachedAt: null,
    satisfaction: null,
    satisfactionComment: null,
    satisfactionFor: null,
  };
}

/** The suggestion a ticket keeps, or null: the three fields go together (the rules insist). */
export function ticketSuggestionOf(
  ticket: Pick<TicketDoc, 'suggestedCategory' | 'suggestedPriority' | 'suggestionSource'>,
): TicketSuggestion | null {
  const { suggestedCategory: category, suggestedPriority: priority, suggestionSource: source } = ticket;
  return category !== null && priority !== null && source !== null ? { category, priority, source } : null;
}

/** Whether a ticket's suggestion fields are whole: all three set, or none. */
export function isWholeSuggestion(ticket: Pick<TicketDoc, 'suggestedCategory' | 'suggestedPriority' | 'suggestionSource'>): boolean {
  const set = [ticket.suggestedCategory, ticket.suggestedPriority, ticket.suggestionSource].filter((value) => value !== null);
  return set.length === 0 || set.length === 3;
}
