import { Badge, Box, Button, Group, Paper, Text } from '@mantine/core';
import { isStaff, type ChatMessage, type Note } from '@domain';
import { memo } from 'react';
import { exactTime } from '../../app/dates';

const deliveryText = { sending: 'Sending…', sent: 'Sent', failed: 'Not sent' } as const;

interface ChatMessageItemProps {
  readonly message: ChatMessage;
  readonly mine: boolean;
  readonly seen: boolean;
  readonly onRetry: (messageId: string) => void;
}

/**
 * A message renders again only when what it shows changes: every snapshot brings new
 * objects for the same messages, and a busy chat must not redraw its whole history.
 */
const showsTheSame = (before: ChatMessageItemProps, after: ChatMessageItemProps) =>
  before.mine === after.mine &&
  before.seen === after.seen &&
  before.onRetry === after.onRetry &&
  before.message.id === after.message.id &&
  before.message.delivery === after.message.delivery &&
  before.message.text === after.message.text &&
  before.message.authorName === after.message.authorName &&
  before.message.createdAt.getTime() === after.message.createdAt.getTime();

/**
 * One message. Customer and staff messages look different (colour and side); system
 * messages sit in the middle; text is always rendered as text, never as HTML.
 */
export const ChatMessageItem = memo(function ChatMessageItem({ message, mine, seen, onRetry }: ChatMessageItemProps) {
  if (message.kind === 'system') {
    return (
      <Text size="xs" c="dimmed" ta="center" fs="italic" py={4} aria-label={`Update: ${message.text}`}>
        {message.text} · {exactTime(message.createdAt)}
      </Text>
    );
  }
  const staff = message.authorRole !== null && isStaff(message.authorRole);
  return (
    <Box style={{ display: 'flex', justifyContent: mine ? 'flex-end' : 'flex-start' }}>
      <Paper
        p="xs"
        radius="md"
        maw="85%"
        bg={staff ? 'var(--mantine-color-indigo-light)' : 'var(--mantine-color-default-hover)'}
        withBorder={!staff}
        aria-label={`${message.authorName} (${staff ? 'support' : 'customer'}) at ${exactTime(message.createdAt)}`}
      >
        <Group gap={6} mb={2}>
          <Text size="xs" fw={700}>
            {message.authorName}
          </Text>
          <Badge size="xs" variant="light" color={staff ? 'indigo' : 'gray'}>
            {staff ? 'Support' : 'Customer'}
          </Badge>
          <Text size="xs" c="dimmed">
            {exactTime(message.createdAt)}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.text}
        </Text>
        {mine && (
          <Group gap={6} justify="flex-end" mt={2}>
            <Text size="xs" c={message.delivery === 'failed' ? 'red' : 'dimmed'} role="status">
              {message.delivery === 'sent' && seen ? 'Seen' : deliveryText[message.delivery]}
            </Text>
            {message.delivery === 'failed' && (
              <Button size="compact-xs" variant="light" color="red" onClick={() => onRetry(message.id)}>
                Retry
              </Button>
            )}
          </Group>
        )}
      </Paper>
    </Box>
  );
}, showsTheSame);

/** A staff-only note in the timeline: unmistakably not part of the customer's chat. */
export const NoteItem = memo(function NoteItem({ note }: { note: Note }) {
  return (
    <Paper
      p="xs"
      radius="md"
      bg="var(--mantine-color-yellow-light)"
      style={{ borderLeft: '4px solid var(--mantine-color-yellow-6)' }}
      aria-label={`Internal note by ${note.authorName}`}
    >
      <Group gap={6} mb={2}>
        <Badge size="xs" color="yellow" variant="filled">
          Internal note
        </Badge>
        <Text size="xs" fw={700}>
          {note.authorName}
        </Text>
        <Text size="xs" c="dimmed">
          {exactTime(note.createdAt)}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {note.text}
      </Text>
    </Paper>
  );
});
