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

/** A ticket's age in the queue's few characters: "45s", "12m", "3h", "4d", "6w". */
export function shortAge(date: Date, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  const steps: [number, string][] = [
    [60, 's'],
    [60, 'm'],
    [24, 'h'],
    [7, 'd'],
  ];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (value < size) return `${value}${unit}`;
    value = Math.floor(value / size);
  }
  return `${value}w`;
}
