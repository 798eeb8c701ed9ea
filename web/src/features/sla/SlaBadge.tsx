import { Badge } from '@mantine/core';
import { nextSlaDeadline, type SlaStanding, type Ticket } from '@domain';
import { exactTime } from '../../app/dates';
import { useNow } from '../../app/useNow';
import { slaBadgeText } from './slaBadgeText';

/** Colour follows the words (never alone): the light variants' text reaches AA in light and dark (colorRoles). */
const standingColors: Record<SlaStanding, string> = {
  on_track: 'teal',
  due_soon: 'orange',
  breached: 'red',
};

/**
 * A ticket's next service-level deadline, counting down on the app's one shared ticker:
 * "First reply due in 25 min", "Resolution breached 2 h ago". Nothing when no clock runs.
 */
export function SlaBadge({ ticket }: { ticket: Ticket }) {
  const now = useNow();
  const deadline = nextSlaDeadline(ticket, new Date(now));
  if (!deadline) return null;
  const text = slaBadgeText(deadline);
  return (
    <Badge
      color={standingColors[deadline.standing]}
      variant="light"
      title={`Deadline ${exactTime(deadline.dueAt)}`}
      data-sla-standing={deadline.standing}
      style={{ textTransform: 'none' }}
    >
      {text}
    </Badge>
  );
}
