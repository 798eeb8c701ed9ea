import { DomainError } from './errors.js';
import type { Role } from './roles.js';
import { statusLabels, type TicketStatus } from './ticketFields.js';

/**
 * Every legal status move and who may make it. Anything not listed is illegal, for everyone.
 * firestore.rules mirrors this table in `isLegalMove()`; the authorization matrix holds the
 * two to each other.
 */
export const statusTransitions = [
  { from: 'open', to: 'in_progress', action: 'accept', roles: ['agent', 'admin'] },
  { from: 'open', to: 'rejected', action: 'reject', roles: ['agent', 'admin'] },
  { from: 'in_progress', to: 'resolved', action: 'resolve', roles: ['agent', 'admin'] },
  { from: 'in_progress', to: 'rejected', action: 'reject', roles: ['agent', 'admin'] },
  { from: 'resolved', to: 'in_progress', action: 'reopen', roles: ['customer', 'agent', 'admin'] },
  { from: 'resolved', to: 'closed', action: 'close', roles: ['customer', 'agent', 'admin'] },
] as const satisfies ReadonlyArray<{
  from: TicketStatus;
  to: TicketStatus;
  action: string;
  roles: readonly Role[];
}>;

export type StatusAction = (typeof statusTransitions)[number]['action'];

function findTransition(from: TicketStatus, to: TicketStatus) {
  return statusTransitions.find((t) => t.from === from && t.to === to);
}

/** Whether `role` may move a ticket from `from` to `to`. */
export function canTransition(role: Role, from: TicketStatus, to: TicketStatus): boolean {
  const transition = findTransition(from, to);
  return transition !== undefined && (transition.roles as readonly Role[]).includes(role);
}

/** The moves `role` may make from `from`: what the UI offers as buttons. */
export function movesFrom(role: Role, from: TicketStatus): TicketStatus[] {
  return statusTransitions
    .filter((t) => t.from === from && (t.roles as readonly Role[]).includes(role))
    .map((t) => t.to);
}

/** Throws a DomainError that says why, in words a person can act on. */
export function assertTransition(role: Role, from: TicketStatus, to: TicketStatus): void {
  if (from === to) return;
  const transition = findTransition(from, to);
  if (!transition) {
    throw new DomainError(
      'failed-precondition',
      `A ticket cannot move from ${statusLabels[from]} to ${statusLabels[to]}.`,
    );
  }
  if (!(transition.roles as readonly Role[]).includes(role)) {
    throw new DomainError(
      'permission-denied',
      `A ${role} cannot move a ticket from ${statusLabels[from]} to ${statusLabels[to]}.`,
    );
  }
}

/** The moves `role` may make from `from`, with their action names: the UI's buttons. */
export function transitionsFrom(role: Role, from: TicketStatus) {
  return statusTransitions.filter((t) => t.from === from && (t.roles as readonly Role[]).includes(role));
}

export const actionLabels: Record<StatusAction, string> = {
  accept: 'Accept',
  reject: 'Reject',
  resolve: 'Resolve',
  reopen: 'Reopen',
  close: 'Close ticket',
};
