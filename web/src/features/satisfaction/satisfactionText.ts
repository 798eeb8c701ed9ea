import { currentSatisfaction, satisfactionLabels, type SatisfactionScore, type Ticket } from '@domain';

export const scoreLabel = (score: number) => `${score}: ${satisfactionLabels[score as SatisfactionScore]}`;

/** What the customer answered for the latest resolution, in words, for staff on the ticket. */
export function satisfactionText(ticket: Ticket): string {
  const answered = currentSatisfaction(ticket);
  if (!answered) return 'Not rated';
  return `${scoreLabel(answered.score)}${answered.comment ? `: "${answered.comment}"` : ''}`;
}
