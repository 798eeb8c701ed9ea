import { z } from './zod.js';

export const ticketStatuses = ['open', 'in_progress', 'resolved', 'closed', 'rejected'] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const priorities = ['low', 'medium', 'high', 'critical'] as const;
export const prioritySchema = z.enum(priorities);
export type Priority = z.infer<typeof prioritySchema>;

export const categories = ['billing', 'technical', 'account', 'general'] as const;
export const categorySchema = z.enum(categories);
export type Category = z.infer<typeof categorySchema>;

/** Field limits, mirrored in firestore.rules. */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const REJECTION_REASON_MAX = 500;

export const statusLabels: Record<TicketStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
  rejected: 'Rejected',
};

export const priorityLabels: Record<Priority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const categoryLabels: Record<Category, string> = {
  billing: 'Billing',
  technical: 'Technical',
  account: 'Account',
  general: 'General',
};

/** Statuses in which the chat is locked: nobody may post, the customer is offered a follow-up. */
export function locksChat(status: TicketStatus): boolean {
  return status === 'closed' || status === 'rejected';
}
