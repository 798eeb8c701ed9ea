import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

/** "3 minutes ago", with the exact time for a tooltip. */
export function ago(date: Date): string {
  return dayjs(date).fromNow();
}

export function exactTime(date: Date): string {
  return dayjs(date).format('D MMM YYYY, HH:mm');
}
