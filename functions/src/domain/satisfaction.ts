import { z } from './zod.js';
import { parseInput } from './errors.js';
import { trimBlank } from './text.js';
import type { TicketDoc } from './ticket.js';

/**
 * Satisfaction: when a ticket is resolved the customer is asked to rate the help from 1 to 5,
 * with a comment if they like. The answer lives on the ticket (`satisfaction`,
 * `satisfactionComment`, `satisfactionFor`: the resolution it answers, its `resolvedAt`), so
 * each resolve asks again, the customer can change it until the ticket closes, and the
 * reports count it from the ticket as they count everything else.
 */
export const SATISFACTION_COMMENT_MAX = 1000;
export const SATISFACTION_MIN = 1;
export const SATISFACTION_MAX = 5;
/** Answers of 4 and 5 count as satisfied. */
export const SATISFIED_FROM = 4;
export const satisfactionScores = [1, 2, 3, 4, 5] as const;
export type SatisfactionScore = (typeof satisfactionScores)[number];
export const satisfactionLabels: Record<SatisfactionScore, string> = {
  1: 'Very poor',
  2: 'Poor',
  3: 'Fair',
  4: 'Good',
  5: 'Excellent',
};

export const satisfactionScoreSchema = z.int().check(z.gte(SATISFACTION_MIN), z.lte(SATISFACTION_MAX));

/** What the customer gives: a score and an optional comment (blank: none). */
export const satisfactionInputSchema = z.object({
  score: satisfactionScoreSchema,
  comment: z.pipe(
    z.optional(
      z.nullable(
        z.pipe(
          z.pipe(z.string(), z.transform(trimBlank)),
          z.string().check(z.maxLength(SATISFACTION_COMMENT_MAX, `A comment may be at most ${SATISFACTION_COMMENT_MAX} characters.`)),
        ),
      ),
    ),
    z.transform((comment) => (comment ? comment : null)),
  ),
});
export type SatisfactionInput = z.input<typeof satisfactionInputSchema>;

/** The ticket fields of an answer (the customer writes them; nobody else does). */
export const satisfactionFields = ['satisfaction', 'satisfactionComment', 'satisfactionFor'] as const satisfies readonly (keyof TicketDoc)[];

export type RatedTicket = Pick<TicketDoc, 'status' | 'resolvedAt' | 'satisfaction' | 'satisfactionComment' | 'satisfactionFor'>;

/** The answer to the ticket's latest resolution, or null (not answered, or answered for an earlier one). */
export function currentSatisfaction(ticket: RatedTicket): { score: number; comment: string | null } | null {
  if (ticket.satisfaction === null || ticket.resolvedAt === null || ticket.satisfactionFor === null) return null;
  if (ticket.satisfactionFor.getTime() !== ticket.resolvedAt.getTime()) return null;
  return { score: ticket.satisfaction, comment: ticket.satisfactionComment };
}

/** Whether the customer is asked now: the ticket is resolved (answered or not; they may change it until it closes). */
export const asksForSatisfaction = (ticket: Pick<TicketDoc, 'status' | 'resolvedAt'>) => ticket.status === 'resolved' && ticket.resolvedAt !== null;

/** The fields a rating writes on the ticket; an input out of bounds throws a DomainError with the reason. */
export function satisfactionChange(ticket: Pick<TicketDoc, 'resolvedAt'>, input: SatisfactionInput) {
  const parsed = parseInput(satisfactionInputSchema, input);
  return { satisfaction: parsed.score, satisfactionComment: parsed.comment, satisfactionFor: ticket.resolvedAt };
}
