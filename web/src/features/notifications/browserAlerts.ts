/**
 * Browser notifications while the tab is hidden, for the people who opted in on this
 * browser: the choice is kept per account in localStorage, and a notification shows only
 * when it is on, the browser has granted permission and the tab is hidden (a visible tab
 * has its toasts). One per ticket (the ticket is the tag, so a newer one replaces it).
 */

const preferenceKey = (uid: string) => `support-desk.browser-alerts.${uid}`;

/** Where this browser stands: no Notification API at all, or the permission it holds. */
export type AlertsPermission = 'unsupported' | NotificationPermission;

export function alertsPermission(): AlertsPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Whether this account asked for browser notifications on this browser. */
export function wantsBrowserAlerts(uid: string): boolean {
  try {
    return localStorage.getItem(preferenceKey(uid)) === 'on';
  } catch {
    return false;
  }
}

/**
 * Turns the choice on (asking the browser's permission first, when it has not been asked)
 * or off. Returns the permission it ended with; the choice is on only if that is 'granted'.
 */
export async function chooseBrowserAlerts(uid: string, on: boolean): Promise<AlertsPermission> {
  const permission = alertsPermission();
  if (!on || permission === 'unsupported') {
    localStorage.removeItem(preferenceKey(uid));
    return permission;
  }
  const answer = permission === 'default' ? await Notification.requestPermission() : permission;
  if (answer === 'granted') localStorage.setItem(preferenceKey(uid), 'on');
  else localStorage.removeItem(preferenceKey(uid));
  return answer;
}

export interface BrowserAlert {
  /** What a newer alert of the same subject replaces: the ticket's id, or one for a summary. */
  readonly tag: string;
  readonly title: string;
  readonly body: string;
  /** After the tab is brought forward: open what the alert is about. */
  readonly onOpen: () => void;
}

/** Shows the alerts if this account opted in, the permission holds and the tab is hidden. */
export function showBrowserAlerts(uid: string, alerts: readonly BrowserAlert[]): void {
  if (alerts.length === 0 || !wantsBrowserAlerts(uid) || alertsPermission() !== 'granted') return;
  if (document.visibilityState !== 'hidden') return;
  for (const alert of alerts) {
    let shown: Notification;
    try {
      // `renotify`: a new burst on a ticket whose notification is still in the tray alerts
      // again rather than replacing it silently (not yet in TypeScript's DOM types).
      shown = new Notification(alert.title, { body: alert.body, tag: alert.tag, renotify: true } as NotificationOptions);
    } catch {
      // Chrome for Android grants the permission but refuses page notifications ("Illegal
      // constructor"): the toasts and the bell stay the way news reaches this user.
      return;
    }
    shown.onclick = () => {
      window.focus();
      alert.onOpen();
      shown.close();
    };
  }
}
