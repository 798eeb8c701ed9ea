import { Group, Text } from '@mantine/core';
import { presenceLabels, type PresenceDoc } from '@domain';

/** The other staff on this ticket and what they do ("Priya Nair is typing a reply"), announced as it changes. */
export function PresenceBar({ others }: { others: readonly PresenceDoc[] }) {
  return (
    <Group gap="xs" role="status" aria-label="Also on this ticket" aria-live="polite" mih={20}>
      {others.map((entry) => (
        <Text key={entry.uid} size="sm" c="dimmed">
          <Text span fw={600} inherit>
            {entry.displayName}
          </Text>{' '}
          {presenceLabels[entry.activity]}
        </Text>
      ))}
    </Group>
  );
}
