import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  DESCRIPTION_MAX,
  TITLE_MAX,
  categories,
  categoryLabels,
  newTicketInputSchema,
  priorities,
  priorityLabels,
  type NewTicketInput,
} from '@domain';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../app/errorMessage';
import { useBackend } from '../../backend/BackendContext';

const defaults: NewTicketInput = { title: '', description: '', category: 'general', priority: 'medium' };

/**
 * Opening a ticket. The write is not awaited: offline it would never resolve. The app goes
 * straight to the new ticket, which the listener shows as `#pending` until it is numbered.
 */
export function NewTicketPage() {
  const backend = useBackend();
  const navigate = useNavigate();
  const [refusal, setRefusal] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors },
  } = useForm<NewTicketInput>({ resolver: zodResolver(newTicketInputSchema), defaultValues: defaults });
  const [title, description] = useWatch({ control, name: ['title', 'description'] });

  const onSubmit = (values: NewTicketInput) => {
    try {
      const write = backend.createTicket(values);
      write.committed.catch((error: unknown) =>
        notifications.show({ color: 'red', title: 'Your ticket was not saved', message: errorMessage(error) }),
      );
      navigate(`/tickets/${write.id}`);
    } catch (error) {
      // Refused before anything was written: the form keeps everything typed.
      setRefusal(errorMessage(error));
    }
  };

  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="New ticket">
        <Stack>
          <Title order={2}>New ticket</Title>
          {refusal && (
            <Alert color="red" title="The ticket was not opened" role="alert">
              {refusal}
            </Alert>
          )}
          <TextInput
            label="Title"
            description={`${title.length}/${TITLE_MAX}`}
            withAsterisk
            error={errors.title?.message}
            {...register('title')}
          />
          <Textarea
            label="Description"
            description={`What happened, what you expected. ${description.length}/${DESCRIPTION_MAX}`}
            withAsterisk
            autosize
            minRows={4}
            error={errors.description?.message}
            {...register('description')}
          />
          <Group grow wrap="wrap">
            <NativeSelect
              label="Category"
              data={categories.map((value) => ({ value, label: categoryLabels[value] }))}
              error={errors.category?.message}
              {...register('category')}
            />
            <NativeSelect
              label="Priority"
              data={priorities.map((value) => ({ value, label: priorityLabels[value] }))}
              error={errors.priority?.message}
              {...register('priority')}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/tickets')}>
              Cancel
            </Button>
            <Button type="submit">Open ticket</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
