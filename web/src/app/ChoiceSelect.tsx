import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import type { Ref } from 'react';

export interface ChoiceSelectProps extends Omit<SelectProps, 'value' | 'onChange' | 'data' | 'allowDeselect' | 'searchable'> {
  readonly value: string;
  readonly data: readonly ComboboxItem[];
  /** Called once per choice of a different option; never while the options are browsed. */
  readonly onChoose: (value: string) => void;
  readonly ref?: Ref<HTMLInputElement>;
}

/**
 * A select whose change happens only when an option is chosen (a click, or Enter on it).
 * Browsing the open list with the arrow keys changes nothing, unlike a native select, where
 * every arrow press is a change (and, on a ticket, an audit entry and a notification).
 */
export function ChoiceSelect({ value, data, onChoose, ...props }: ChoiceSelectProps) {
  return (
    <Select
      {...props}
      data={data}
      value={value}
      allowDeselect={false}
      onChange={(next) => {
        if (next !== null && next !== value) onChoose(next);
      }}
    />
  );
}
