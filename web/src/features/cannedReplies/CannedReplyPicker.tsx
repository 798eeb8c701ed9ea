import { Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { matchesCannedReply, type CannedReply } from '@domain';
import classes from './CannedReplyPicker.module.css';

/** Shown at most, so the list stays beside the composer; typing narrows it. */
const SHOWN_MAX = 8;

export function cannedRepliesMatching(replies: readonly CannedReply[], query: string): CannedReply[] {
  return replies.filter((reply) => matchesCannedReply(reply, query)).slice(0, SHOWN_MAX);
}

interface CannedReplyPickerProps {
  readonly id: string;
  readonly replies: readonly CannedReply[];
  /** Index of the highlighted reply among `replies` (arrow keys move it). */
  readonly active: number;
  readonly onPick: (reply: CannedReply) => void;
  readonly loading: boolean;
}

/** The option element id of a reply, for the composer's aria-activedescendant. */
export const cannedOptionId = (pickerId: string, index: number) => `${pickerId}-option-${index}`;

/**
 * The canned replies matching what follows "::" or "/" in the composer, as a listbox the
 * composer drives (arrows, Enter, Escape) and the mouse can pick from.
 */
export function CannedReplyPicker({ id, replies, active, onPick, loading }: CannedReplyPickerProps) {
  return (
    <Paper withBorder shadow="sm" p={4} radius="md">
      {replies.length === 0 ? (
        <Text size="sm" c="dimmed" p="xs" role="status">
          {loading ? 'Loading canned replies…' : 'No canned reply matches. Keep typing, or press Escape.'}
        </Text>
      ) : (
        <Stack id={id} role="listbox" aria-label="Canned replies" gap={2}>
          {replies.map((reply, index) => (
            <UnstyledButton
              key={reply.id}
              id={cannedOptionId(id, index)}
              role="option"
              aria-selected={index === active}
              className={classes.option}
              // Keeps the focus (and caret) in the composer while picking with the mouse.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(reply)}
              tabIndex={-1}
            >
              <Text size="sm" fw={600} span>
                {reply.title}
              </Text>
              {reply.category && (
                <Text size="xs" c="dimmed" span ml={6}>
                  {reply.category}
                </Text>
              )}
              <Text size="xs" c="dimmed" truncate>
                {reply.body}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed" px="xs" pt={2}>
        ↑ ↓ choose · Enter inserts · Esc closes
      </Text>
    </Paper>
  );
}
