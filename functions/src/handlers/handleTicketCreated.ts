import {
  assignmentConfigFrom,
  assignmentPool,
  autoAssignmentNotice,
  chooseAssignee,
  newTicketText,
  ticketSearchTokens,
  withSearchTokens,
  type AssignmentConfig,
  type TicketEvent,
} from '../domain/index.js';
import type { DocData, DocStore } from '../store/port.js';
import { allocateTicketNumber } from './allocateTicketNumber.js';
import { activeStaff, ids, notification, paths, readTicket, type UserFacts } from './docs.js';
import { readSlaPolicy, slaPatch } from './slaStamps.js';

export interface TicketCreatedDeps {
  readonly now: Date;
  readonly random: () => number;
}

export interface TicketCreatedResult {
  readonly number: number;
  readonly assigneeUid: string | null;
}

export const AUTO_ASSIGNMENT_NAME = 'Auto-assignment';

/**
 * "Ticket created": numbers it, stores its search words, starts its service-level clocks
 * (`config/sla`), assigns it by `config/assignment`,
 * records the 'created' event and tells staff. Triggers are at-least-once, so every step is
 * safe to repeat: the number is kept, an assigned ticket is not assigned again, and the
 * 'created' event and the notifications are written once, together.
 */
export async function handleTicketCreated(
  store: DocStore,
  ticketId: string,
  deps: TicketCreatedDeps,
): Promise<TicketCreatedResult> {
  const done = await store.runTransaction(async (tx) => {
    const ticket = await readTicket(tx, ticketId);
    if (!ticket) throw new Error(`Ticket ${ticketId} does not exist.`);
    const created = await tx.get(paths.event(ticketId, ids.createdEvent(ticketId)));
    return ticket.number !== null && created !== undefined ? ticket : null;
  });
  if (done?.number != null) return { number: done.number, assigneeUid: done.assigneeUid };

  const number = await allocateTicketNumber(store, ticketId);
  const staff = await activeStaff(store);
  const assigneeUid = await assignAndIndex(store, ticketId, number, staff, deps);
  await announce(store, ticketId, number, staff, deps.now);
  return { number, assigneeUid };
}

const strategyNotes: Record<AssignmentConfig['strategy'], string | null> = {
  round_robin: 'Round robin',
  random: 'Random pick',
  manual: null,
};

/**
 * One transaction on the ticket and `config/assignment`: round robin's place moves with the
 * assignment it made, so tickets created at the same moment still rotate fairly (a
 * transaction that read a place someone else moved runs again).
 */
async function assignAndIndex(
  store: DocStore,
  ticketId: string,
  number: number,
  staff: readonly UserFacts[],
  deps: TicketCreatedDeps,
): Promise<string | null> {
  return store.runTransaction(async (tx) => {
    const configData = await tx.get(paths.assignmentConfig);
    const policy = await readSlaPolicy(tx);
    const ticket = await readTicket(tx, ticketId);
    if (!ticket) throw new Error(`Ticket ${ticketId} does not exist.`);
    const autoAssigned = await tx.get(paths.event(ticketId, ids.autoAssignedEvent(ticketId)));

    const patch: DocData = {};
    // The title's and description's words first; a message's, if one was counted already, stay.
    const tokens = withSearchTokens(ticketSearchTokens(ticket), ticket.searchTokens);
    if (JSON.stringify(tokens) !== JSON.stringify(ticket.searchTokens)) patch.searchTokens = tokens;
    // The service-level clocks start with the ticket.
    Object.assign(patch, slaPatch(ticket, policy));

    // Assigned already (by an earlier run, or by staff who were quicker): leave it.
    let assigneeUid = ticket.assigneeUid;
    if (assigneeUid === null && autoAssigned === undefined) {
      const config = assignmentConfigFrom(configData);
      assigneeUid = chooseAssignee(config, assignmentPool(config, staff), deps.random);
      if (assigneeUid !== null) {
        patch.assigneeUid = assigneeUid;
        patch.assigneeName = staff.find((user) => user.uid === assigneeUid)?.displayName ?? null;
        // Never backwards (staff may have changed the ticket already); the auto-assignment
        // event carries the same time, so the update trigger knows this change as ours.
        const at = new Date(Math.max(ticket.updatedAt.getTime(), deps.now.getTime()));
        patch.updatedAt = at;
        if (config.strategy === 'round_robin') {
          if (configData === undefined) tx.set(paths.assignmentConfig, { ...config, lastAssignedUid: assigneeUid });
          else tx.update(paths.assignmentConfig, { lastAssignedUid: assigneeUid });
        }
        const event: TicketEvent = {
          kind: 'assignee',
          actorUid: null,
          actorName: AUTO_ASSIGNMENT_NAME,
          from: null,
          to: assigneeUid,
          note: strategyNotes[config.strategy],
          at,
        };
        tx.set(paths.event(ticketId, ids.autoAssignedEvent(ticketId)), event);
        const notice = autoAssignmentNotice({ ...ticket, number }, assigneeUid);
        tx.set(
          paths.notification(assigneeUid, ids.notification(assigneeUid, ticketId, 'assigned')),
          notification('assigned', ticketId, notice.text, deps.now),
        );
      }
    }
    if (Object.keys(patch).length > 0) tx.update(paths.ticket(ticketId), patch);
    return assigneeUid;
  });
}

/** The 'created' event and a 'new_ticket' notification for every active agent and admin, at once. */
async function announce(
  store: DocStore,
  ticketId: string,
  number: number,
  staff: readonly UserFacts[],
  now: Date,
): Promise<void> {
  await store.runTransaction(async (tx) => {
    const ticket = await readTicket(tx, ticketId);
    if (!ticket) throw new Error(`Ticket ${ticketId} does not exist.`);
    const createdPath = paths.event(ticketId, ids.createdEvent(ticketId));
    if ((await tx.get(createdPath)) !== undefined) return;
    const event: TicketEvent = {
      kind: 'created',
      actorUid: ticket.customerUid,
      actorName: ticket.customerName,
      from: null,
      // Every ticket is opened open (mayCreateTicket), whatever staff made of it since.
      to: 'open',
      note: null,
      at: ticket.createdAt,
    };
    tx.set(createdPath, event);
    const text = newTicketText({ ...ticket, number });
    for (const user of staff) {
      tx.set(
        paths.notification(user.uid, ids.notification(user.uid, ticketId, 'new')),
        notification('new_ticket', ticketId, text, now),
      );
    }
  });
}
