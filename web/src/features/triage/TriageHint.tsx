import { Group, Loader, Text } from '@mantine/core';
import { suggestionSentence, suggestionSourceLabels, type TriageSuggestion } from '@domain';
import type { TriageState } from './useTriageSuggestion';

/** "Suggested: Billing, High, because 'charged twice', 'refund'", and by whom; a spinner while asking. */
export function TriageHint({ state }: { readonly state: TriageState }) {
  return (
    <div role="status" aria-live="polite" aria-label="Suggested category and priority">
      {state.status === 'pending' && (
        <Group gap="xs">
          <Loader size="xs" aria-hidden />
          <Text size="sm" c="dimmed">
            Suggesting a category and priority…
          </Text>
        </Group>
      )}
      {state.status === 'ready' && <SuggestionText suggestion={state.suggestion} prefix="Suggested" />}
    </div>
  );
}

export function SuggestionText({ suggestion, prefix }: { readonly suggestion: Pick<TriageSuggestion, 'category' | 'priority' | 'reasons' | 'source'>; readonly prefix: string }) {
  return (
    <Text size="sm">
      {prefix}: {suggestionSentence(suggestion)}{' '}
      <Text span size="sm" c="dimmed">
        ({suggestionSourceLabels[suggestion.source]})
      </Text>
    </Text>
  );
}
