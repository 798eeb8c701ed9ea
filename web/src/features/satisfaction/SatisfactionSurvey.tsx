// Its CSS comes with it: the scores' radios (InlineInput lays out their labels).
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import {
  SATISFACTION_COMMENT_MAX,
  currentSatisfaction,
  satisfactionScores,
  type Ticket,
} from '@domain';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../app/errorMessage';
import { useBackend } from '../../backend/BackendContext';
import { scoreLabel } from './satisfactionText';

/**
 * In the chat of a resolved ticket, for its customer: "How did we do?", 1 to 5 and a comment
 * if they like. Once answered it says so, and the answer can be changed until the ticket closes.
 */
export default function SatisfactionSurvey({ ticket }: { ticket: Ticket }) {
  const backend = useBackend();
  const answered = currentSatisfaction(ticket);
  const [editing, setEditing] = useState(false);
  const [score, setScore] = useState<string>(answered ? String(answered.score) : '');
  const [comment, setComment] = useState(answered?.comment ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!score) {
      setProblem('Choose a score from 1 to 5.');
      return;
    }
    try {
      const write = backend.rateHelp(ticket, { score: Number(score), comment });
      setProblem(null);
      setEditing(false);
      write.committed.catch((error: unknown) => setProblem(errorMessage(error)));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  if (answered && !editing) {
    return (
      <Paper withBorder p="sm" radius="md" component="section" aria-label="Your rating">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">
            Thank you: you rated the help <b>{scoreLabel(answered.score)}</b>
            {answered.comment ? ` and wrote "${answered.comment}"` : ''}. You can change it until the ticket closes.
          </Text>
          <Button variant="subtle" size="xs" onClick={() => setEditing(true)}>
            Change my rating
          </Button>
        </Group>
        {problem && (
          <Alert color="red" mt="xs" role="alert">
            {problem}
          </Alert>
        )}
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={submit} aria-label="Rate the help">
      <Stack gap="xs">
        <Radio.Group label="How did we do? Rate the help from 1 to 5" value={score} onChange={setScore}>
          <Group gap="sm" mt={4} wrap="wrap">
            {satisfactionScores.map((value) => (
              <Radio key={value} value={String(value)} label={scoreLabel(value)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label="Comment (optional)"
          value={comment}
          maxLength={SATISFACTION_COMMENT_MAX}
          autosize
          minRows={1}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group>
          <Button type="submit">Send rating</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
