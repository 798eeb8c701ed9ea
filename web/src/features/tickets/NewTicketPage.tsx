import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  DESCRIPTION_MAX,
  TITLE_MAX,
  categories,
  categoryLabels,
  newTicketInputSchema,
  priorities,
  priorityLabels,
  categorySchema,
  prioritySchema,
  type AttachmentSlot,
  type NewTicketInput,
} from '@domain';
import { z } from 'zod/mini';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/errorMessage';
import { PageHeading } from '../../app/PageHeading';
import { useBackend } from '../../backend/BackendContext';
import { useFormDraft } from '../../session/useFormDraft';
import { AttachmentPicker } from '../attachments/AttachmentPicker';
import { useAttachmentPicker } from '../attachments/useAttachmentPicker';
import { TriageHint } from '../triage/TriageHint';
import { useTriageSuggestion } from '../triage/useTriageSuggestion';

const defaults: NewTicketInput = { title: '', description: '', category: 'general', priority: 'medium' };
/** What a kept draft holds: the fields as typed, over-long ones too (the submit checks them), and which were the customer's own pick. */
const draftSchema = z.object({
  values: z.object({ title: z.string(), description: z.string(), category: categorySchema, priority: prioritySchema }),
  picked: z.object({ category: z.boolean(), priority: z.boolean() }),
});

/**
 * Opening a ticket. The write is not awaited: offline it would never resolve. Without files
 * the app goes straight to the new ticket (shown as `#pending` until numbered); with files it
 * stays to show each upload's progress, then goes there.
 */
export function NewTicketPage() {
  const backend = useBackend();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const followUpOf = params.get('followUpOf');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [progress, setProgress] = useState<Partial<Record<AttachmentSlot, number>>>({});
  const [uploading, setUploading] = useState(false);
  const picker = useAttachmentPicker();
  const draft = useFormDraft(followUpOf ? `new-ticket.follow-up.${followUpOf}` : 'new-ticket', draftSchema);
  const {
    register,
    handleSubmit,
    control,
    setValue,
    formState: { errors },
  } = useForm<NewTicketInput>({
    resolver: zodResolver(newTicketInputSchema),
    defaultValues: draft.restored?.values ?? { ...defaults, title: params.get('title') ?? '' },
  });
  const [title, description] = useWatch({ control, name: ['title', 'description'] });
  const triage = useTriageSuggestion(title, description);
  // A suggestion fills a field only until the customer picks one themself.
  const [picked, setPicked] = useState(draft.restored?.picked ?? { category: false, priority: false });
  const typed = useWatch({ control });
  // Once sent, nothing filled in after it is kept (uploads keep the page open); a refusal keeps it again.
  const [sent, setSent] = useState(false);
  const { keep } = draft;
  useEffect(() => {
    if (!sent) keep({ values: { ...defaults, ...typed }, picked });
  }, [typed, picked, keep, sent]);
  const { status: triageStatus, suggestion: suggested } = triage;
  useEffect(() => {
    if (triageStatus !== 'ready' || !suggested) return;
    if (!picked.category) setValue('category', suggested.category);
    if (!picked.priority) setValue('priority', suggested.priority);
  }, [triageStatus, suggested, picked, setValue]);

  const onSubmit = (values: NewTicketInput) => {
    setRefusal(null);
    try {
      // Whatever was last suggested is kept with the ticket; submitting never waits for one.
      const suggestion = suggested && { category: suggested.category, priority: suggested.priority, source: suggested.source };
      const creation = backend.createTicket({ ...values, followUpOf, suggestion }, picker.uploads, (slot, fraction) =>
        setProgress((current) => ({ ...current, [slot]: fraction })),
      );
      // Sent (or queued offline): the ticket holds it now.
      setSent(true);
      draft.discard();
      if (picker.uploads.length === 0) {
        creation.committed.catch((error: unknown) => {
          setSent(false);
          notifications.show({ color: 'red', title: 'Your ticket was not saved', message: errorMessage(error) });
        });
        navigate(`/tickets/${creation.id}`);
        return;
      }
      setUploading(true);
      setProgress(Object.fromEntries(picker.uploads.map(({ slot }) => [slot, 0])));
      let refused = false;
      creation.committed.catch((error: unknown) => {
        // Refused by the server: stay, with everything typed and chosen, and say why.
        refused = true;
        setSent(false);
        setUploading(false);
        setProgress({});
        setRefusal(errorMessage(error));
      });
      creation.uploaded.then(
        () => navigate(`/tickets/${creation.id}`),
        (error: unknown) => {
          if (refused) return;
          // The ticket exists; say which file did not make it rather than losing the ticket.
          notifications.show({ color: 'red', title: 'An attachment was not stored', message: errorMessage(error) });
          navigate(`/tickets/${creation.id}`);
        },
      );
    } catch (error) {
      // Refused before anything was written: the form keeps everything typed and chosen.
      setRefusal(errorMessage(error));
    }
  };

  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="New ticket">
        <Stack>
          <PageHeading>New ticket</PageHeading>
          {followUpOf && <Text c="dimmed">This ticket follows up on a closed one; it will be linked to it.</Text>}
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
            disabled={uploading}
            {...register('title')}
          />
          <Textarea
            label="Description"
            description={`What happened, what you expected. ${description.length}/${DESCRIPTION_MAX}`}
            withAsterisk
            autosize
            minRows={4}
            error={errors.description?.message}
            disabled={uploading}
            {...register('description')}
          />
          <Group grow wrap="wrap">
            <NativeSelect
              label="Category"
              data={categories.map((value) => ({ value, label: categoryLabels[value] }))}
              error={errors.category?.message}
              disabled={uploading}
              {...register('category', { onChange: () => setPicked((current) => ({ ...current, category: true })) })}
            />
            <NativeSelect
              label="Priority"
              data={priorities.map((value) => ({ value, label: priorityLabels[value] }))}
              error={errors.priority?.message}
              disabled={uploading}
              {...register('priority', { onChange: () => setPicked((current) => ({ ...current, priority: true })) })}
            />
          </Group>
          <TriageHint state={triage} />
          <AttachmentPicker
            uploads={picker.uploads}
            problems={picker.problems}
            progress={progress}
            busy={uploading}
            onAdd={(files) => void picker.add(files)}
            onRemove={picker.remove}
          />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                draft.discard();
                navigate('/tickets');
              }}
              disabled={uploading}
            >
              Cancel
            </Button>
            <Button type="submit" loading={uploading}>
              Open ticket
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
