import { z } from './zod.js';

/**
 * `tickets/{id}/events/{eventId}`: the audit trail, written only by the functions, for every
 * status, priority and assignee change, including console edits (actor null: the console)
 * and the reverts of illegal ones.
 */
/**
 * `attachment_removed`: a stored file was not what the ticket said of it (see checkStoredAttachment).
 * `sla_breached`: a service-level clock ran out (`from` names the clock, `to` its deadline as ISO text).
 */
export const ticketEventKinds = ['created', 'status', 'priority', 'assignee', 'reverted', 'attachment_removed', 'sla_breached'] as const;

export const ticketEventSchema = z.object({
  kind: z.enum(ticketEventKinds),
  actorUid: z.nullable(z.string()),
  actorName: z.string(),
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
  note: z.nullable(z.string()),
  at: z.date(),
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;
export type TicketEventEntry = TicketEvent & { readonly id: string };
