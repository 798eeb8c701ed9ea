import { boundedTriageInput, rulesSuggestion, type TriageInput, type TriageSuggestion } from '@domain';

/** The local backend's triage: the offline classifier, at once (there is no model in the browser). */
export function suggestTriageLocally(input: TriageInput): Promise<TriageSuggestion> {
  return Promise.resolve(rulesSuggestion(boundedTriageInput(input)));
}
