import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { phrasesBacking, ticketSuggestionOf, type Ticket, type TriageSuggestion } from '@domain';
import { useState } from 'react';
import { useBackend } from '../../backend/BackendContext';
import { SuggestionText } from './TriageHint';

/**
 * For staff: what triage suggested as the customer typed (kept with the ticket) and why, and
 * "Run triage again", which asks afresh from the ticket's title and description. The reasons
 * of the kept suggestion are the customer's phrases that back it, found again from the text,
 * so the ticket stores only what was suggested and by whom.
 */
export function TriagePanel({ ticket }: { readonly ticket: Ticket }) {
  const backend = useBackend();
  const [again, setAgain] = useState<{ status: 'idle' } | { status: 'asking' } | { status: 'done'; suggestion: TriageSuggestion }>({
    status: 'idle',
  });
  const kept = ticketSuggestionOf(ticket);
  const reasons = kept ? phrasesBacking(ticket, kept.category, kept.priority) : null;
  const runAgain = () => {
    setAgain({ status: 'asking' });
    void backend
      .suggestTriage({ title: ticket.title, description: ticket.description })
      .then((suggestion) => setAgain({ status: 'done', suggestion }));
  };
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="triage-heading">
      <Stack gap="xs">
        <Title order={2} size="h5" id="triage-heading">
          Triage
        </Title>
        {kept && reasons ? (
          <SuggestionText prefix="Suggested" suggestion={{ ...kept, reasons: [...reasons.category, ...reasons.priority] }} />
        ) : (
          <Text size="sm" c="dimmed">
            Nothing was suggested when this ticket was opened.
          </Text>
        )}
        <div role="status" aria-live="polite">
          {again.status === 'done' && <SuggestionText prefix="Now suggested" suggestion={again.suggestion} />}
        </div>
        <Button variant="default" size="xs" onClick={runAgain} loading={again.status === 'asking'} style={{ alignSelf: 'flex-start' }}>
          Run triage again
        </Button>
      </Stack>
    </Paper>
  );
}
