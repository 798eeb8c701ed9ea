import type { TriageInput, TriageSuggestion } from '@domain';
import { offlineSuggestion } from '../offlineTriage';

/** The local backend's triage: the offline classifier (there is no model in the browser). */
export function suggestTriageLocally(input: TriageInput): Promise<TriageSuggestion> {
  return offlineSuggestion(input);
}
