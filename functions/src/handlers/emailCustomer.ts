import {
  isCustomerAway,
  isNewReplyBurst,
  isStaff,
  messageDocSchema,
  replyEmail,
  statusEmail,
  type TicketStatus,
} from '../domain/index.js';
import type { DocStore, StoreTransaction } from '../store/port.js';
import { paths, readWellFormedTicket } from './docs.js';

/** Where the emails go (the extension's collection) and what the functions remember of them. */
export const mailPaths = {
  mail: (mailId: string) => `mail/${mailId}`,
  /** Per ticket: when the last reply email went (the burst it belongs to). Functions only. */
  log: (ticketId: string) => `mailLog/${ticketId}`,
};

export interface EmailDeps {
  readonly now: Date;
  /** The desk's address, for the link to the ticket (`https://desk.example.com`); null: no link. */
  readonly deskUrl: string | null;
}

const ticketLink = (deskUrl: string | null, ticketId: string) => (deskUrl ? `${deskUrl.replace(/\/$/, '')}/tickets/${ticketId}` : null);
const dateOf = (value: unknown) => (value instanceof Date ? value : null);

async function customerEmailOf(tx: StoreTransaction, uid: string): Promise<string | null> {
  const email = (await tx.get(paths.user(uid)))?.email;
  return typeof email === 'string' && email.includes('@') ? email : null;
}

/**
 * A staff reply: an email to the customer when they are away (no read marker for some
 * minutes), at most one per burst of replies (the next waits until they have read the ticket
 * since). The mail's id is the message's, so a retried trigger writes the same email once.
 * Returns whether it wrote one.
 */
export async function emailReplyIfAway(store: DocStore, ticketId: string, messageId: string, deps: EmailDeps): Promise<boolean> {
  return store.runTransaction(async (tx) => {
    const message = messageDocSchema.safeParse(await tx.get(paths.message(ticketId, messageId)));
    const ticket = await readWellFormedTicket(tx, ticketId);
    if (!message.success || !ticket) return false;
    const { kind, authorRole, authorName, text, createdAt } = message.data;
    if (kind !== 'user' || authorRole === null || !isStaff(authorRole)) return false;
    const mailPath = mailPaths.mail(`${ticketId}-reply-${messageId}`);
    const lastRead = dateOf((await tx.get(paths.read(ticketId, ticket.customerUid)))?.lastReadAt);
    const log = await tx.get(mailPaths.log(ticketId));
    const to = await customerEmailOf(tx, ticket.customerUid);
    if ((await tx.get(mailPath)) !== undefined) return false;
    if (to === null || !isCustomerAway(lastRead, createdAt) || !isNewReplyBurst(dateOf(log?.lastReplyEmailAt), lastRead)) return false;
    tx.set(mailPath, replyEmail(to, ticket, text, authorName, ticketLink(deps.deskUrl, ticketId)));
    tx.set(mailPaths.log(ticketId), { lastReplyEmailAt: deps.now });
    return true;
  });
}

/**
 * A status change someone other than the customer made: an email saying so. Nothing when
 * the ticket is no longer in that status (an illegal move the review put back, or a later
 * change). The mail's id is the change's key, so a retry writes it once.
 */
export async function emailStatusChange(
  store: DocStore,
  ticketId: string,
  change: { to: TicketStatus; actorUid: string | null; changeKey: string },
  deps: EmailDeps,
): Promise<boolean> {
  return store.runTransaction(async (tx) => {
    const ticket = await readWellFormedTicket(tx, ticketId);
    if (!ticket || ticket.status !== change.to || change.actorUid === ticket.customerUid) return false;
    const mailPath = mailPaths.mail(`${ticketId}-status-${change.changeKey}`);
    const to = await customerEmailOf(tx, ticket.customerUid);
    if (to === null || (await tx.get(mailPath)) !== undefined) return false;
    tx.set(mailPath, statusEmail(to, ticket, change.to, ticket.rejectionReason, ticketLink(deps.deskUrl, ticketId)));
    return true;
  });
}
