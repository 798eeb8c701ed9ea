import { Alert, Button, CloseButton, FileButton, Group, List, Progress, Stack, Text } from '@mantine/core';
import { attachmentKinds, formatSize, type AttachmentSlot } from '@domain';
import type { AttachmentUpload } from '../../backend/port';

interface AttachmentPickerProps {
  readonly uploads: readonly AttachmentUpload[];
  readonly problems: readonly string[];
  readonly progress: Partial<Record<AttachmentSlot, number>>;
  readonly busy: boolean;
  readonly onAdd: (files: File[]) => void;
  readonly onRemove: (file: AttachmentUpload['file']) => void;
}

const limitsText = `Up to ${attachmentKinds.image.maxCount} images of ${formatSize(attachmentKinds.image.maxBytes)} and ${attachmentKinds.pdf.maxCount} PDFs of ${formatSize(attachmentKinds.pdf.maxBytes)}.`;

/** Choose files, see each refused one with the reason, and each upload's progress. */
export function AttachmentPicker({ uploads, problems, progress, busy, onAdd, onRemove }: AttachmentPickerProps) {
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <FileButton onChange={onAdd} multiple accept="image/png,image/jpeg,image/gif,image/webp,application/pdf">
          {(props) => (
            <Button variant="light" disabled={busy} {...props}>
              Attach files
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {limitsText}
        </Text>
      </Group>
      {problems.length > 0 && (
        <Alert color="red" title="Some files were not added" role="alert">
          <List size="sm">
            {problems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {uploads.length > 0 && (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Attached files">
          {uploads.map(({ slot, file }) => (
            <li key={slot}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" truncate style={{ flex: 1 }}>
                  {file.name} <Text span c="dimmed">({formatSize(file.size)})</Text>
                </Text>
                {progress[slot] !== undefined ? (
                  // Mantine puts role="progressbar" and aria-valuenow on the bar; the label names the file.
                  <Progress value={Math.round((progress[slot] ?? 0) * 100)} w={120} aria-label={`Uploading ${file.name}`} />
                ) : (
                  <CloseButton aria-label={`Remove ${file.name}`} disabled={busy} onClick={() => onRemove(file)} />
                )}
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
