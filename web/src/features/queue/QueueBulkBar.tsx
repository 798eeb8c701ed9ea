import { Alert, Button, Checkbox, Group, List, NativeSelect, Paper, Text } from '@mantine/core';
import {
  bulkDoneSentence,
  bulkRefusalLine,
  priorities,
  priorityLabels,
  prioritySchema,
  type BulkAction,
  type BulkRefusal,
  type UserProfile,
} from '@domain';
import { useState } from 'react';
import { useBackend } from '../../backend/BackendContext';
import { runBulkAction } from '../../backend/bulkActions';
import { useSignedInSession } from '../../session/useSession';
import type { QueueSelection } from './useQueueSelection';

/** The select's value for "nobody": uids are never empty. */
const UNASSIGNED = '';

interface Outcome {
  readonly sentence: string;
  readonly refused: readonly BulkRefusal[];
  readonly pending: boolean;
}

/**
 * The queue's bulk actions on the selected tickets: assign, change priority, resolve or
 * close. Each ticket is judged as it would be alone; the summary says what was done and
 * lists every refusal with its reason.
 */
export function QueueBulkBar({ selection, staff }: { selection: QueueSelection; staff: readonly UserProfile[] }) {
  const backend = useBackend();
  const session = useSignedInSession();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const count = selection.selected.length;

  const run = (action: BulkAction) => {
    const assignee = action.kind === 'assign' && action.assigneeUid !== null ? staff.find((p) => p.uid === action.assigneeUid) : undefined;
    const { plan, settled } = runBulkAction(backend, { uid: session.uid, role: session.role }, selection.selected, action, { assignee });
    setOutcome({ sentence: `Sending ${plan.go.length} of ${count}…`, refused: plan.refused, pending: true });
    selection.clear();
    void settled.then((summary) =>
      setOutcome({ sentence: bulkDoneSentence(action, summary.done.length), refused: summary.refused, pending: false }),
    );
  };

  return (
    <>
      <Paper withBorder px="xs" py={4} radius="md" role="toolbar" aria-label="Bulk actions">
        <Group gap="sm" wrap="wrap" align="center">
          <Checkbox
            size="xs"
            label="Select all on this page"
            checked={selection.allShown}
            indeterminate={count > 0 && !selection.allShown}
            onChange={selection.toggleAll}
          />
          {count > 0 && (
            <>
              <Text size="sm" fw={600} aria-live="polite">
                {count} selected
              </Text>
              <NativeSelect
                size="xs"
                label="Assign to"
                value="choose"
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  if (value !== 'choose') run({ kind: 'assign', assigneeUid: value === UNASSIGNED ? null : value });
                }}
                data={[
                  { value: 'choose', label: 'Choose…' },
                  { value: UNASSIGNED, label: 'Unassigned' },
                  ...staff.map((person) => ({ value: person.uid, label: person.displayName })),
                ]}
              />
              <NativeSelect
                size="xs"
                label="Set priority"
                value="choose"
                onChange={(event) => {
                  const parsed = prioritySchema.safeParse(event.currentTarget.value);
                  if (parsed.success) run({ kind: 'priority', priority: parsed.data });
                }}
                data={[{ value: 'choose', label: 'Choose…' }, ...priorities.map((value) => ({ value, label: priorityLabels[value] }))]}
              />
              <Button size="xs" variant="light" onClick={() => run({ kind: 'status', to: 'resolved' })}>
                Resolve selected
              </Button>
              <Button size="xs" variant="light" onClick={() => run({ kind: 'status', to: 'closed' })}>
                Close selected
              </Button>
              <Button size="xs" variant="subtle" onClick={selection.clear}>
                Clear selection
              </Button>
            </>
          )}
        </Group>
      </Paper>
      {outcome && (
        <Alert
          color={outcome.refused.length > 0 ? 'orange' : 'teal'}
          role="status"
          aria-label="Bulk action summary"
          withCloseButton
          closeButtonLabel="Dismiss the summary"
          onClose={() => setOutcome(null)}
        >
          <Text size="sm">
            {outcome.sentence}
            {outcome.refused.length > 0 && ` ${outcome.refused.length} refused:`}
          </Text>
          {outcome.refused.length > 0 && (
            <List size="sm" aria-label="Refused tickets">
              {outcome.refused.map((refusal) => (
                <List.Item key={refusal.ticket.id}>{bulkRefusalLine(refusal)}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </>
  );
}
