import { Stack, Switch, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { alertsPermission, chooseBrowserAlerts, wantsBrowserAlerts, type AlertsPermission } from './browserAlerts';

const explanations: Partial<Record<AlertsPermission, string>> = {
  unsupported: 'This browser cannot show notifications.',
  denied: "This browser blocks the desk's notifications: allow them in its site settings, then turn this on.",
};

/** The opt-in to browser notifications while the tab is hidden, kept for this account on this browser. */
export function BrowserAlertsSwitch({ uid }: { uid: string }) {
  const [permission, setPermission] = useState(alertsPermission);
  const [on, setOn] = useState(() => wantsBrowserAlerts(uid) && alertsPermission() === 'granted');
  const [asking, setAsking] = useState(false);
  // Said beside the switch, not in its label: the switch's name is its label alone.
  const explanationId = useId();

  const choose = async (wanted: boolean) => {
    // While the browser asks, further presses wait; the switch keeps the keyboard's focus.
    if (asking) return;
    setAsking(true);
    try {
      const answer = await chooseBrowserAlerts(uid, wanted);
      setPermission(answer);
      setOn(wanted && answer === 'granted');
    } finally {
      setAsking(false);
    }
  };

  return (
    <Stack gap={4} mb="md">
      <Switch
        label="Alert me while this tab is hidden"
        aria-describedby={explanationId}
        checked={on}
        disabled={permission === 'unsupported'}
        aria-busy={asking}
        onChange={(event) => void choose(event.currentTarget.checked)}
      />
      <Text id={explanationId} size="xs" c="dimmed">
        {explanations[permission] ?? 'A browser notification for news that arrives while you are in another tab or app.'}
      </Text>
    </Stack>
  );
}
