import { classifyTicket, phrasesBacking, type TriageText } from './classify.js';
import { REASON_MAX, REASONS_MAX, type ModelAnswer, type TriageSuggestion } from './suggestion.js';

// The suggestions explained by the customer's phrases: these need the classifier and its
// lexicon, which suggestion.ts (the schemas every ticket reads) does not, so a screen that
// only shows tickets does not load them.

function joinedReasons(reasons: { readonly category: readonly string[]; readonly priority: readonly string[] }): string[] {
  const out: string[] = [];
  for (const phrase of [...reasons.category, ...reasons.priority]) {
    const trimmed = phrase.slice(0, REASON_MAX);
    if (!out.some((known) => known.toLowerCase() === trimmed.toLowerCase())) out.push(trimmed);
  }
  return out.slice(0, REASONS_MAX);
}

/** The offline classifier's suggestion, marked as the rules'. */
export function rulesSuggestion(text: TriageText): TriageSuggestion {
  const found = classifyTicket(text);
  return { category: found.category, priority: found.priority, source: 'rules', reasons: joinedReasons(found.reasons) };
}

/** A model's answer, explained by the phrases of the text that back it. */
export function modelSuggestion(text: TriageText, answer: ModelAnswer): TriageSuggestion {
  const category = answer.suggested_category;
  const priority = answer.suggested_priority;
  return { category, priority, source: 'model', reasons: joinedReasons(phrasesBacking(text, category, priority)) };
}
