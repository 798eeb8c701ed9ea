import { useLocalStorage } from '@mantine/hooks';

/** Whether this browser can show system notifications at all. */
export const browserAlertsSupported = () => typeof window !== 'undefined' && 'Notification' in window;

/** The person's opt-in to system notifications while the tab is hidden, kept by this browser. */
export function useBrowserAlertsOptIn() {
  return useLocalStorage<boolean>({ key: 'support-desk.browserAlerts', defaultValue: false, getInitialValueInEffect: false });
}

/**
 * A system notification for a ticket, only while the tab is hidden and the person opted in
 * and the browser allowed it; one per ticket at a time (the tag replaces the previous one).
 */
export function showBrowserAlert(optedIn: boolean, ticketId: string, text: string): void {
  if (!optedIn || !browserAlertsSupported() || Notification.permission !== 'granted') return;
  if (document.visibilityState !== 'hidden') return;
  new Notification('Support desk', { body: text, tag: `ticket-${ticketId}` });
}
