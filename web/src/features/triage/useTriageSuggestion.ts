import type { TriageSuggestion } from '@domain';
import { useEffect, useRef, useState } from 'react';
import { useBackend } from '../../backend/BackendContext';

/** How long the customer pauses before the server is asked (the offline classifier needs no pause). */
export const TRIAGE_DEBOUNCE_MS = 500;
/** Too little to say anything about: no suggestion yet. */
const MIN_LETTERS = 6;

export type TriageState =
  | { readonly status: 'idle'; readonly suggestion: null }
  | { readonly status: 'pending'; readonly suggestion: TriageSuggestion | null }
  | { readonly status: 'ready'; readonly suggestion: TriageSuggestion };

const enoughText = (title: string, description: string) => (title + description).replace(/\W/g, '').length >= MIN_LETTERS;

/**
 * A suggestion for what is typed so far. The server is asked once the customer pauses; the
 * local backend and an offline tab answer from the classifier at once. Questions are
 * numbered and an answer counts only if no newer question was asked since, so a slow, stale
 * answer never overwrites a newer one.
 */
export function useTriageSuggestion(title: string, description: string): TriageState {
  const backend = useBackend();
  const [answer, setAnswer] = useState<{ title: string; description: string; suggestion: TriageSuggestion } | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    const question = ++asked.current;
    if (!enoughText(title, description)) return;
    const ask = () => {
      backend.suggestTriage({ title, description }).then(
        (suggestion) => {
          if (question === asked.current) setAnswer({ title, description, suggestion });
        },
        // The port never rejects; were it to, the form simply keeps what it has.
        () => {},
      );
    };
    const atOnce = backend.kind === 'local' || (typeof navigator !== 'undefined' && navigator.onLine === false);
    if (atOnce) {
      ask();
      return;
    }
    const timer = setTimeout(ask, TRIAGE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [backend, title, description]);

  if (!enoughText(title, description)) return { status: 'idle', suggestion: null };
  if (answer && answer.title === title && answer.description === description) return { status: 'ready', suggestion: answer.suggestion };
  return { status: 'pending', suggestion: answer?.suggestion ?? null };
}
