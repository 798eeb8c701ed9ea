import { slaClockLabels, type SlaDeadline } from '@domain';
import dayjs from 'dayjs';
import duration from 'dayjs/plugin/duration';

dayjs.extend(duration);

/**
 * A span as the badge says it: minutes under an hour, hours under two days, then days.
 * Time to go rounds up (a deadline 30 s away is "1 min" away, never "0 min"); time past rounds down.
 */
export function spanText(ms: number, rounding: 'up' | 'down'): string {
  const round = rounding === 'up' ? Math.ceil : Math.floor;
  const span = dayjs.duration(Math.abs(ms));
  if (span.asHours() < 1) return `${Math.max(rounding === 'up' ? 1 : 0, round(span.asMinutes()))} min`;
  if (span.asDays() < 2) return `${round(span.asHours())} h`;
  return `${round(span.asDays())} d`;
}

/** "First reply due in 25 min", "Resolution breached 2 h ago". */
export function slaBadgeText(deadline: SlaDeadline): string {
  const clock = slaClockLabels[deadline.clock];
  if (deadline.standing === 'breached') {
    const past = -deadline.remainingMs;
    return past < 60_000 ? `${clock} breached just now` : `${clock} breached ${spanText(past, 'down')} ago`;
  }
  return `${clock} due in ${spanText(deadline.remainingMs, 'up')}`;
}
