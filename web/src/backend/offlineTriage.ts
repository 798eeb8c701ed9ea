import { boundedTriageInput, type TriageInput, type TriageSuggestion } from '@domain';
import { loadOnFirstUse } from '../loading/whenIdle';

// The offline classifier (the domain's lexicon, typo index and rules: about 7 KiB gzip) loads
// the first time a suggestion is asked for, or once the browser is idle: not with every
// signed-in screen, most of which never ask.
const classifier = loadOnFirstUse(() => import('@functions/domain/triage/explained'));

/** The offline classifier's suggestion for the text as typed so far, cut to the ticket's limits. */
export async function offlineSuggestion(input: TriageInput): Promise<TriageSuggestion> {
  const { rulesSuggestion } = await classifier();
  return rulesSuggestion(boundedTriageInput(input));
}
