import { z } from './zod.js';
import { formatTicketNumber } from './numbering.js';
import { statusLabels, type TicketStatus } from './ticketFields.js';

/**
 * Email to customers, through the Trigger Email extension: the functions write documents in
 * its `mail` shape (`to`, `message.subject`, `message.text`, `message.html`), the extension
 * sends them over the SMTP server it is configured with. Nobody else reads or writes `mail`.
 */
export const mailDocSchema = z.strictObject({
  to: z.string().check(z.minLength(3)),
  message: z.strictObject({
    subject: z.string().check(z.minLength(1)),
    text: z.string().check(z.minLength(1)),
    html: z.string().check(z.minLength(1)),
  }),
});
export type MailDoc = z.infer<typeof mailDocSchema>;

/** The customer counts as away when they have read nothing on the ticket for this long. */
export const CUSTOMER_AWAY_MS = 5 * 60_000;

/**
 * Whether a staff reply at `at` finds the customer away: no read marker, or none for
 * CUSTOMER_AWAY_MS before it.
 */
export function isCustomerAway(customerLastReadAt: Date | null, at: Date): boolean {
  return customerLastReadAt === null || at.getTime() - customerLastReadAt.getTime() >= CUSTOMER_AWAY_MS;
}

/**
 * One email per burst of replies: after a reply email, the next one waits until the customer
 * has read the ticket since (which ends the burst).
 */
export function isNewReplyBurst(lastReplyEmailAt: Date | null, customerLastReadAt: Date | null): boolean {
  return lastReplyEmailAt === null || (customerLastReadAt !== null && customerLastReadAt.getTime() > lastReplyEmailAt.getTime());
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML: whatever anyone typed stays text in the customer's mail client. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => htmlEscapes[ch]!);
}

interface EmailTicket {
  readonly number: number | null;
  readonly title: string;
  readonly customerName: string;
}

function mail(to: string, subject: string, paragraphs: readonly string[], link: string | null): MailDoc {
  const withLink = link ? [...paragraphs, `Open the ticket: ${link}`] : paragraphs;
  const html = [
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link)}">Open the ticket</a></p>`] : []),
  ].join('\n');
  return { to, message: { subject, text: withLink.join('\n\n'), html } };
}

const ticketLine = (ticket: EmailTicket) => `${formatTicketNumber(ticket.number)} "${ticket.title}"`;

/** Staff replied while the customer was away: the reply, and where to answer. */
export function replyEmail(to: string, ticket: EmailTicket, replyText: string, staffName: string, link: string | null): MailDoc {
  return mail(
    to,
    `New reply on your ticket ${formatTicketNumber(ticket.number)}: ${ticket.title}`,
    [`Hello ${ticket.customerName},`, `${staffName} replied on your ticket ${ticketLine(ticket)}:`, replyText, 'Answer in the chat of the ticket.'],
    link,
  );
}

/** The ticket's status changed. */
export function statusEmail(to: string, ticket: EmailTicket, status: TicketStatus, reason: string | null, link: string | null): MailDoc {
  const said = status === 'rejected' && reason ? [`The reason given: ${reason}`] : [];
  const rate = status === 'resolved' ? ['How did we do? You can rate the help in the chat of the ticket.'] : [];
  return mail(
    to,
    `Your ticket ${formatTicketNumber(ticket.number)} is now ${statusLabels[status]}`,
    [`Hello ${ticket.customerName},`, `Your ticket ${ticketLine(ticket)} is now ${statusLabels[status]}.`, ...said, ...rate],
    link,
  );
}
