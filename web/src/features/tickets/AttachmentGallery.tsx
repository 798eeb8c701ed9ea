import { Anchor, Group, Image, Paper, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { formatSize, kindOf, type AttachmentRef } from '@domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { lazyWhenIdle, OnFirstOpen } from '../../app/loadLater';
import { useBackend } from '../../backend/BackendContext';
import { queryKeys } from '../../realtime/queryKeys';

// The enlarged image's dialog loads when it first opens (or once the browser is idle).
const EnlargedAttachment = lazyWhenIdle(() => import('./EnlargedAttachment'));

/** Image thumbnails (click to enlarge) and PDF links of a ticket's attachments. */
export function AttachmentGallery({ ticketId, attachments }: { ticketId: string; attachments: readonly AttachmentRef[] }) {
  const [enlarged, setEnlarged] = useState<{ url: string; name: string } | null>(null);
  if (attachments.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label="Attachments">
      <Text fw={600} size="sm">
        Attachments
      </Text>
      <Group gap="sm" wrap="wrap">
        {attachments.map((attachment) => (
          <AttachmentTile
            key={attachment.slot}
            ticketId={ticketId}
            attachment={attachment}
            onEnlarge={(url) => setEnlarged({ url, name: attachment.name })}
          />
        ))}
      </Group>
      <OnFirstOpen opened={enlarged !== null}>
        {(shown) => <EnlargedAttachment opened={shown} onClose={() => setEnlarged(null)} image={enlarged} />}
      </OnFirstOpen>
    </Stack>
  );
}

function AttachmentTile({
  ticketId,
  attachment,
  onEnlarge,
}: {
  ticketId: string;
  attachment: AttachmentRef;
  onEnlarge: (url: string) => void;
}) {
  const backend = useBackend();
  // A URL per stored file: it never changes, so an ordinary query caches it.
  const url = useQuery({
    queryKey: queryKeys.attachmentUrl(ticketId, attachment.slot),
    queryFn: () => backend.attachmentUrl(ticketId, attachment.slot),
    staleTime: Infinity,
    retry: 5,
    retryDelay: 1000,
  });
  if (!url.data) {
    return (
      <Paper withBorder p="xs" w={120}>
        {url.isError ? (
          <Text size="xs" c="dimmed">
            {attachment.name} is still uploading
          </Text>
        ) : (
          <Skeleton h={80} role="progressbar" aria-label={`Loading ${attachment.name}`} />
        )}
      </Paper>
    );
  }
  if (kindOf(attachment.contentType) === 'pdf') {
    return (
      <Paper withBorder p="xs">
        <Anchor href={url.data} target="_blank" rel="noreferrer">
          {attachment.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          PDF, {formatSize(attachment.size)}
        </Text>
      </Paper>
    );
  }
  return (
    <UnstyledButton onClick={() => onEnlarge(url.data)} aria-label={`Enlarge ${attachment.name}`}>
      <Image src={url.data} alt={attachment.name} w={120} h={90} fit="cover" radius="sm" />
    </UnstyledButton>
  );
}
