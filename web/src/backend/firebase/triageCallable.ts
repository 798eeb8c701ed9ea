import { boundedTriageInput, triageSuggestionSchema, type TriageInput, type TriageSuggestion } from '@domain';
import type { CallableFunctions } from './callableFunctions';
import { offlineSuggestion } from '../offlineTriage';

/** Longer than the function's own 2 s for the model, shorter than anyone waits for a hint. */
const CALL_TIMEOUT_MS = 5_000;

/**
 * The Firebase backend's triage: the `suggestTriage` callable (Gemini on the server, or the
 * classifier there). Offline, or on any failure of the call or its answer, the offline
 * classifier answers here instead, so nothing waits on the server. (Its code loads when the
 * browser is idle and the service worker keeps it; offline before either, the answer fails
 * and the form keeps what it has.)
 */
export async function suggestTriageByCallable(
  functions: () => Promise<CallableFunctions>,
  input: TriageInput,
  isOffline: () => boolean,
): Promise<TriageSuggestion> {
  const bounded = boundedTriageInput(input);
  if (isOffline() || (typeof navigator !== 'undefined' && navigator.onLine === false)) return offlineSuggestion(bounded);
  try {
    const data = await (await functions()).call<TriageInput, unknown>('suggestTriage', bounded, { timeout: CALL_TIMEOUT_MS });
    return triageSuggestionSchema.parse(data);
  } catch {
    return offlineSuggestion(bounded);
  }
}
