import { Alert, Button, Card, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import {
  CANNED_BODY_MAX,
  CANNED_CATEGORY_MAX,
  CANNED_TITLE_MAX,
  cannedPlaceholders,
  cannedReplyInputSchema,
  type CannedReply,
} from '@domain';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../app/errorMessage';
import { PageHeading } from '../../app/PageHeading';
import { useBackend } from '../../backend/BackendContext';
import { useCannedReplies } from './useCannedReplies';
import { LoadingIndicator } from '../../app/LoadingIndicator';

/** Admins: the desk's canned replies, added, edited and removed here or in the console. */
export function CannedRepliesPage() {
  const replies = useCannedReplies();
  const [editing, setEditing] = useState<CannedReply | 'new' | null>(null);
  return (
    <Stack maw={960}>
      <PageHeading>Canned replies</PageHeading>
      <Text size="sm" c="dimmed">
        Agents insert these in the chat by typing :: or / in the composer. Placeholders:{' '}
        {cannedPlaceholders.map((name) => `{{${name}}}`).join(', ')}.
      </Text>
      {editing === 'new' ? (
        <CannedReplyForm reply={null} onDone={() => setEditing(null)} />
      ) : (
        <Group>
          <Button onClick={() => setEditing('new')}>New canned reply</Button>
        </Group>
      )}
      {replies.isPending && <LoadingIndicator label="Loading the canned replies" />}
      {replies.isError && (
        <Alert color="red" role="alert">
          {errorMessage(replies.error)}
        </Alert>
      )}
      {replies.data && replies.data.length === 0 && <Text c="dimmed">No canned replies yet.</Text>}
      {replies.data && replies.data.length > 0 && (
        <Stack component="ul" aria-label="Canned replies" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {replies.data.map((reply) => (
            <li key={reply.id}>
              {editing !== 'new' && editing?.id === reply.id ? (
                <CannedReplyForm reply={reply} onDone={() => setEditing(null)} />
              ) : (
                <CannedReplyCard reply={reply} onEdit={() => setEditing(reply)} />
              )}
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function CannedReplyCard({ reply, onEdit }: { reply: CannedReply; onEdit: () => void }) {
  const backend = useBackend();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Card withBorder padding="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600}>
            {reply.title}
            {reply.category && (
              <Text span size="xs" c="dimmed" ml={6}>
                {reply.category}
              </Text>
            )}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {reply.body}
          </Text>
          {problem && (
            <Text size="sm" c="red" role="alert">
              {problem}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={onEdit} aria-label={`Edit ${reply.title}`}>
            Edit
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            aria-label={`Remove ${reply.title}`}
            onClick={() => backend.deleteCannedReply(reply.id).committed.catch((error: unknown) => setProblem(errorMessage(error)))}
          >
            Remove
          </Button>
        </Group>
      </Group>
    </Card>
  );
}

function CannedReplyForm({ reply, onDone }: { reply: CannedReply | null; onDone: () => void }) {
  const backend = useBackend();
  const [title, setTitle] = useState(reply?.title ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [category, setCategory] = useState(reply?.category ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = cannedReplyInputSchema.safeParse({ title, body, category });
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? 'The canned reply is not valid.');
    try {
      backend.saveCannedReply(reply?.id ?? null, { title, body, category }).committed.catch((error: unknown) => setProblem(errorMessage(error)));
      onDone();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <Card withBorder padding="sm" radius="md">
      <form onSubmit={submit} aria-label={reply ? `Edit ${reply.title}` : 'New canned reply'}>
        <Stack gap="xs">
          <TextInput label="Title" value={title} maxLength={CANNED_TITLE_MAX} onChange={(e) => setTitle(e.currentTarget.value)} required />
          <TextInput
            label="Category (optional)"
            value={category}
            maxLength={CANNED_CATEGORY_MAX}
            onChange={(e) => setCategory(e.currentTarget.value)}
          />
          <Textarea
            label="Text"
            autosize
            minRows={3}
            value={body}
            maxLength={CANNED_BODY_MAX}
            onChange={(e) => setBody(e.currentTarget.value)}
            required
          />
          {problem && (
            <Text size="sm" c="red" role="alert">
              {problem}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit">Save canned reply</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
