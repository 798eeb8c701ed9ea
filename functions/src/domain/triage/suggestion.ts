import { z } from '../zod.js';
import {
  DESCRIPTION_MAX,
  TITLE_MAX,
  categoryLabels,
  categorySchema,
  priorityLabels,
  prioritySchema,
  type Category,
  type Priority,
} from '../ticketFields.js';
import type { TriageText } from './classify.js';

/** Who made a suggestion: the model (Gemini, on the server) or the offline classifier. */
export const suggestionSources = ['model', 'rules'] as const;
export const suggestionSourceSchema = z.enum(suggestionSources);
export type SuggestionSource = z.infer<typeof suggestionSourceSchema>;

/** What may be sent to be triaged: what the form holds, within the ticket's own limits (blank is fine while typing). */
export const triageInputSchema = z.strictObject({
  title: z.string().check(z.maxLength(TITLE_MAX, `A title may be at most ${TITLE_MAX} characters.`)),
  description: z.string().check(z.maxLength(DESCRIPTION_MAX, `A description may be at most ${DESCRIPTION_MAX} characters.`)),
});
export type TriageInput = z.infer<typeof triageInputSchema>;

export const REASONS_MAX = 6;
export const REASON_MAX = 120;

/** A suggestion as the form and staff see it: category, priority, the customer's phrases behind them, and by whom. */
export const triageSuggestionSchema = z.strictObject({
  category: categorySchema,
  priority: prioritySchema,
  source: suggestionSourceSchema,
  reasons: z.array(z.string().check(z.maxLength(REASON_MAX))).check(z.maxLength(REASONS_MAX)),
});
export type TriageSuggestion = z.infer<typeof triageSuggestionSchema>;

/** What the model must answer (the structured output's schema says the same to Gemini). */
export const modelAnswerSchema = z.strictObject({ suggested_category: categorySchema, suggested_priority: prioritySchema });
export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

/** The instruction the model gets: the desk's own prompt, with the ticket's title and description. */
export function triagePrompt(text: TriageText): string {
  const description = text.title.trim() === '' ? text.description : `${text.title.trim()}\n\n${text.description}`;
  return [
    'You are a support ticket classifier.',
    'Categories: billing, technical, account, general',
    'Priorities: low, medium, high, critical',
    'Return ONLY valid JSON like: {"suggested_category": "...", "suggested_priority": "..."}',
    `Ticket description: ${description}`,
  ].join('\n');
}

/** "Billing, High, because 'charged twice', 'refund'": what the form and the ticket say. */
export function suggestionSentence(suggestion: { category: Category; priority: Priority; reasons: readonly string[] }): string {
  const labels = `${categoryLabels[suggestion.category]}, ${priorityLabels[suggestion.priority]}`;
  if (suggestion.reasons.length === 0) return labels;
  return `${labels}, because ${suggestion.reasons.map((reason) => `'${reason}'`).join(', ')}`;
}

export const suggestionSourceLabels: Record<SuggestionSource, string> = {
  model: 'by the model',
  rules: 'by the desk’s rules',
};

/** What the form holds, cut to the ticket's limits: a suggestion never fails for length (the form says so on submit). */
export function boundedTriageInput(text: TriageText): TriageInput {
  return { title: text.title.slice(0, TITLE_MAX), description: text.description.slice(0, DESCRIPTION_MAX) };
}
