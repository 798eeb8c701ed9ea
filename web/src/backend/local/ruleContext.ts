import { isStaff, mayReadTicket, ticketDocSchema, userDocSchema, type Actor, type Decision, type ProfileFacts, type TicketDoc } from '@domain';
import type { DocData, RuledRequest } from '../clientRequest';

/**
 * What every local rule shares: the decisions, the request shapes, the documents a rule may
 * look at (as firestore.rules' get() and getAfter() see them) and the caller's facts.
 */
export const allow: Decision = { allowed: true };
export const deny = (reason: string): Decision => ({ allowed: false, reason });

export type ListRequest = Extract<RuledRequest, { method: 'list' }>;
export type DocRequest = Exclude<RuledRequest, { method: 'list' }>;

/**
 * The documents a rule may look at, as firestore.rules' get() and getAfter() see them:
 * `get` as stored before the request, `getAfter` as the whole request (a batch) leaves them;
 * `now` is the request's time (request.time).
 */
export interface DocLookup {
  get(path: string): Promise<DocData | undefined>;
  getAfter(path: string): Promise<DocData | undefined>;
  readonly now: Date;
}

/** What a rule knows besides the request: the caller, now, and the documents it may read. */
export interface RuleContext {
  readonly actor: Actor | null;
  readonly docs: DocLookup;
  /** The caller's users/{uid} as stored now (the rules' get() of it). */
  readonly profile: ProfileFacts | undefined;
}

export function profileOf(data: DocData | undefined): ProfileFacts | undefined {
  const parsed = userDocSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/** The parent ticket as the rules' get() sees it; undefined if missing (get() fails: denied). */
export function parentTicket(parent: DocData | undefined): TicketDoc | undefined {
  const parsed = ticketDocSchema.safeParse(parent);
  return parsed.success ? parsed.data : undefined;
}

/** mayReadTicket for a subcollection: staff without reading the parent, like the rules. */
export function mayReadParent(actor: Actor | null, parent: DocData | undefined): Decision {
  if (actor && isStaff(actor.role)) return allow;
  const ticket = parentTicket(parent);
  if (!ticket) return deny(actor ? 'No such ticket.' : 'Sign in to see tickets.');
  return mayReadTicket(actor, ticket);
}

/** The writer's counter of `kind` after this request, as the rules' getAfter() reads it. */
export async function counterAfter(context: RuleContext, kind: 'tickets' | 'messages'): Promise<DocData | undefined> {
  return context.actor ? context.docs.getAfter(`users/${context.actor.uid}/limits/${kind}`) : undefined;
}
