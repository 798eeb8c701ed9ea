import { useLocalStorage } from '@mantine/hooks';

/**
 * The unsent text of one person's reply in one ticket's chat: kept in localStorage so it
 * survives a reload. Keyed by the writer too, so two people signed in to tabs of one browser
 * (two agents on one ticket) never share, or clear, each other's draft.
 */
export function useDraft(writerUid: string, ticketId: string) {
  return useLocalStorage<string>({
    key: `support-desk.draft.${writerUid}.${ticketId}`,
    defaultValue: '',
    getInitialValueInEffect: false,
  });
}
