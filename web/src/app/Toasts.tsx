// The toasts' host and its CSS: it loads beside the first screen, not in it. A toast shown
// before it is in waits in Mantine's store and shows once it is.
import '@mantine/core/styles/Notification.css';
import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

export default function Toasts() {
  return <Notifications position="top-right" />;
}
