import { z } from 'zod';

/**
 * `users/{uid}/notifications/{id}`: written by the functions; agents get one per new ticket,
 * customers one per status change of their tickets. The drawer marks them seen.
 */
export const notificationKinds = ['new_ticket', 'status_changed', 'assigned'] as const;

export const notificationDocSchema = z.object({
  kind: z.enum(notificationKinds),
  ticketId: z.string().min(1),
  text: z.string().min(1),
  createdAt: z.date(),
  seen: z.boolean(),
});
export type NotificationDoc = z.infer<typeof notificationDocSchema>;
export type AppNotification = NotificationDoc & { readonly id: string };
export const NOTIFICATIONS_SHOWN = 30;
