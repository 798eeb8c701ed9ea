import { SegmentedControl } from '@mantine/core';

export type ComposerMode = 'reply' | 'note';

/** Staff's switch between a reply the customer reads and an internal note. */
export function ComposerModeSwitch({ value, onChange }: { value: ComposerMode; onChange: (mode: ComposerMode) => void }) {
  return (
    <SegmentedControl
      size="xs"
      value={value}
      onChange={(next) => onChange(next as ComposerMode)}
      data={[
        { value: 'reply', label: 'Reply to customer' },
        { value: 'note', label: 'Internal note' },
      ]}
      aria-label="Write a reply or an internal note"
    />
  );
}
