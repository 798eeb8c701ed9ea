import { useLocalStorage } from '@mantine/hooks';

/** The unsent text of one ticket's chat: kept in localStorage so it survives a reload. */
export function useDraft(ticketId: string) {
  return useLocalStorage<string>({ key: `support-desk.draft.${ticketId}`, defaultValue: '', getInitialValueInEffect: false });
}
