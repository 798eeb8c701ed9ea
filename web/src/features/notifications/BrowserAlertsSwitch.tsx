import { Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { browserAlertsSupported } from './browserAlerts';

/** The opt-in to system notifications while the tab is hidden; asks the browser's permission when switched on. */
export function BrowserAlertsSwitch({ optedIn, setOptedIn }: { optedIn: boolean; setOptedIn: (value: boolean) => void }) {
  const [refused, setRefused] = useState(false);
  if (!browserAlertsSupported()) return null;
  const toggle = async (on: boolean) => {
    setRefused(false);
    if (!on) return setOptedIn(false);
    const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    if (permission === 'granted') setOptedIn(true);
    else setRefused(true);
  };
  return (
    <>
      <Switch
        mb="sm"
        label="Alert me while this tab is hidden"
        checked={optedIn && Notification.permission === 'granted'}
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      {refused && (
        <Text size="sm" c="dimmed" mb="sm" role="status">
          The browser does not allow notifications for this site; its site settings can change that.
        </Text>
      )}
    </>
  );
}
