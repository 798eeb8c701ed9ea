/**
 * The keyboard shortcuts of the staff pages: one list, read by the handlers (each key is
 * named here) and by the "?" dialog, so what the dialog says is what the keys do.
 */
export const shortcutKeys = ['j', 'k', 'Enter', 'x', 'r', 'n', 'e', 'a', '?'] as const;
export type ShortcutKey = (typeof shortcutKeys)[number];

export interface ShortcutGroup {
  readonly where: string;
  readonly shortcuts: readonly { readonly key: ShortcutKey; readonly does: string }[];
}

export const shortcutGroups: readonly ShortcutGroup[] = [
  {
    where: 'In the queue',
    shortcuts: [
      { key: 'j', does: 'Next ticket' },
      { key: 'k', does: 'Previous ticket' },
      { key: 'Enter', does: 'Open the ticket' },
      { key: 'x', does: 'Select the ticket for a bulk action' },
    ],
  },
  {
    where: 'On a ticket',
    shortcuts: [
      { key: 'r', does: 'Reply to the customer' },
      { key: 'n', does: 'Write an internal note' },
      { key: 'e', does: 'Resolve' },
      { key: 'a', does: 'Accept' },
    ],
  },
  { where: 'Anywhere', shortcuts: [{ key: '?', does: 'List the keyboard shortcuts' }] },
];
