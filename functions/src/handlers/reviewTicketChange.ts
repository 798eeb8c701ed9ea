import {
  slaTicketFields,
  assigneeChangeText,
  assignmentNotice,
  canTransition,
  changedFields,
  lifecycleStamps,
  isDocId,
  mayBeAssigned,
  pausedWhileResolved,
  satisfactionFields,
  priorityChangeText,
  statusChangeNotice,
  statusChangeText,
  statusLabels,
  systemMessageDoc,
  ticketDocSchema,
  type Role,
  type TicketDoc,
  type TicketEvent,
} from '../domain/index.js';
import type { DocData, DocStore, StoreTransaction } from '../store/port.js';
import { ids, notification, paths, readEvent, readUser } from './docs.js';
import { readSlaPolicy, slaPatch } from './slaStamps.js';

/** Fields only the functions write: a change to nothing else is the functions' own echo. */
export const functionOwnedTicketFields = [
  'number',
  'searchTokens',
  'chatLocked',
  'firstResponseAt',
  'resolvedAt',
  'closedAt',
  'lastMessageAt',
  'lastMessageBy',
  'lastMessagePreview',
  'staffLastReadAt',
  'assigneeName',
  'updatedAt',
  ...slaTicketFields,
] as const satisfies readonly (keyof TicketDoc)[];

/**
 * What a change may touch without being reviewed: the functions' own fields, the writer
 * stamp `updatedBy`, which every client write sets (a change of it alone is bookkeeping),
 * and the customer's rating (no event: the reports count it, staff see it on the ticket).
 */
export const bookkeepingTicketFields: readonly string[] = [...functionOwnedTicketFields, 'updatedBy', ...satisfactionFields];

/** Who made a change: a signed-in user, or null for the console and other admin-SDK writers. */
export interface ChangeActor {
  readonly uid: string | null;
}

/** The CloudEvents auth-context extension of a Firestore event (`authType`, `authId`). */
export interface ChangeAuthContext {
  readonly authType: string;
  readonly authId?: string | undefined;
}

/** The writer stamps of a ticket as the trigger sees them (Dates), of a document that may not parse. */
export interface WriterStamps {
  readonly updatedAt?: unknown;
  readonly updatedBy?: unknown;
}

/**
 * Who made a change of a ticket. An `app_user` auth context is an end user of the app, with
 * their uid as `authId`. The emulator (and any writer without that context) does not say,
 * so the document does: the rules make every client write stamp `updatedAt` with the
 * request time and `updatedBy` with the writer's uid, so a change that moved updatedAt
 * forward and carries a writer is that writer's. Anything else (the console, a service
 * account such as the functions' own, an API key, the system) acts with admin authority.
 * The limit of this: a console edit that also moves updatedAt forward by hand is taken for
 * the last client writer's (deployed, client writes carry the app_user context anyway).
 */
export function changeActorOfUpdate(auth: ChangeAuthContext, before: WriterStamps, after: WriterStamps): ChangeActor {
  if (auth.authType === 'app_user' && auth.authId) return { uid: auth.authId };
  const movedForward =
    after.updatedAt instanceof Date &&
    (!(before.updatedAt instanceof Date) || after.updatedAt.getTime() > before.updatedAt.getTime());
  if (movedForward && typeof after.updatedBy === 'string' && after.updatedBy.length > 0) return { uid: after.updatedBy };
  return { uid: null };
}

/** What a review needs besides the change: the time, and a key naming the change. */
export interface ReviewDeps {
  readonly now: Date;
  /**
   * Names the change in the ids of everything the review writes, so a retry overwrites and
   * two changes never share an id: the Cloud Function passes the event's id. Defaults to
   * now's milliseconds, unique only if no two changes of a ticket share a millisecond.
   */
  readonly changeKey?: string;
}

export type ReviewOutcome =
  /** Nothing to review: only function-owned fields changed, or the ticket is gone. */
  | 'ignored'
  /** The change was the functions' own (an auto-assignment or a revert), already recorded. */
  | 'own-change'
  /** An illegal status move, put back and recorded as such. */
  | 'reverted'
  /**
   * The stored ticket no longer has the desk's shape (an edit broke it since this change):
   * nothing is written; the repair of that edit puts the ticket back (revertBrokenEdit).
   */
  | 'malformed'
  /** Events, stamps, system messages and notifications written (or found already written). */
  | 'recorded';

export const CONSOLE_NAME = 'Console';

const trackedFields = ['status', 'priority', 'assigneeUid'] as const;
type TrackedField = (typeof trackedFields)[number];
const eventKinds: Record<TrackedField, TicketEvent['kind']> = {
  status: 'status',
  priority: 'priority',
  assigneeUid: 'assignee',
};

/**
 * "Ticket updated": re-checks every change, because console edits bypass the rules. An
 * illegal status move is put back and recorded; anything else gets its events, stamps,
 * system messages and notifications, all in one transaction on the re-read ticket. Safe to
 * run twice for one change: everything it writes has an id made from the change's key.
 */
export async function reviewTicketChange(
  store: DocStore,
  ticketId: string,
  before: TicketDoc,
  after: TicketDoc,
  actor: ChangeActor,
  deps: ReviewDeps,
): Promise<ReviewOutcome> {
  const changed = changedFields(before, after).filter((field) => !bookkeepingTicketFields.includes(field));
  if (changed.length === 0) return 'ignored';
  const { now } = deps;
  const changeKey = deps.changeKey ?? String(now.getTime());

  return store.runTransaction(async (tx) => {
    const stored = await tx.get(paths.ticket(ticketId));
    if (stored === undefined) return 'ignored';
    const parsed = ticketDocSchema.safeParse(stored);
    if (!parsed.success) return 'malformed';
    const current = parsed.data;
    if (await isFunctionsOwnChange(tx, ticketId, before, after, changed)) return 'own-change';

    const user = actor.uid === null ? null : await readUser(tx, actor.uid);
    // The console acts with admin authority; a user with the role users/{uid} gives them now.
    const role: Role = actor.uid === null ? 'admin' : (user?.role ?? 'customer');
    const actorName = actor.uid === null ? CONSOLE_NAME : (user?.displayName ?? 'Someone');

    if (before.status !== after.status && !canTransition(role, before.status, after.status)) {
      // Already put back, or moved on since: nothing to undo.
      if (current.status !== after.status) return 'reverted';
      const from = statusLabels[before.status];
      const to = statusLabels[after.status];
      // Later than the ticket's own updatedAt (never backwards), and so unique to this revert.
      const at = new Date(Math.max(now.getTime(), current.updatedAt.getTime() + 1));
      // Only the move is put back: a new priority in the same write stays, and is recorded as
      // any other (the audit trail holds every priority change; the reports read them).
      const priorityChangeId = ids.change(ticketId, 'priority', changeKey);
      const priorityToRecord =
        before.priority !== after.priority && (await tx.get(paths.event(ticketId, priorityChangeId))) === undefined;
      const event: TicketEvent = {
        kind: 'reverted',
        actorUid: actor.uid,
        actorName,
        from: before.status,
        to: after.status,
        note: `A ticket cannot be moved from ${from} to ${to} ${actor.uid === null ? 'in the console' : `by ${actorName}`}; it was put back to ${from}.`,
        at,
      };
      tx.update(paths.ticket(ticketId), {
        status: before.status,
        rejectionReason: before.rejectionReason,
        updatedAt: at,
      });
      tx.set(paths.event(ticketId, ids.revertedEvent(ticketId, at)), event);
      if (priorityToRecord) {
        const change: TicketEvent = { kind: 'priority', actorUid: actor.uid, actorName, from: before.priority, to: after.priority, note: null, at: now };
        tx.set(paths.event(ticketId, priorityChangeId), change);
        tx.set(paths.message(ticketId, priorityChangeId), systemMessageDoc(priorityChangeText(before.priority, after.priority, actorName), now));
      }
      return 'reverted';
    }

    const assigning = before.assigneeUid !== after.assigneeUid && after.assigneeUid !== null;
    const assignee = assigning && isDocId(after.assigneeUid) ? await readUser(tx, after.assigneeUid!) : null;
    // Tickets go only to an active agent or admin (the rules insist; the console does not):
    // another assignee is put back, and the rest of the change is recorded as usual.
    const refusedAssignee = assigning && !(assignee?.role != null && mayBeAssigned({ role: assignee.role, active: assignee.active }));
    const changes = trackedFields.filter(
      (field) => before[field] !== after[field] && !(field === 'assigneeUid' && refusedAssignee),
    );
    const recorded = await Promise.all(
      changes.map(async (field) => (await tx.get(paths.event(ticketId, ids.change(ticketId, field, changeKey)))) !== undefined),
    );

    const policy = await readSlaPolicy(tx);
    const patch = stampsToWrite(before, after, current, now);
    const statusRecorded = recorded[changes.indexOf('status')] === true;
    if (isReopen(before, after) && changes.includes('status') && !statusRecorded) {
      // The resolution clock stood still from the resolve to this reopen.
      patch.resolutionPausedMs = current.resolutionPausedMs + pausedWhileResolved(current.resolvedAt, now);
    }
    Object.assign(patch, slaPatch({ ...current, ...patch } as TicketDoc, policy));
    if (changes.includes('assigneeUid')) {
      const name = after.assigneeUid === null ? null : (assignee?.displayName ?? null);
      if (current.assigneeName !== name) patch.assigneeName = name;
    }
    if (refusedAssignee && current.assigneeUid === after.assigneeUid) {
      // Later than the ticket's own updatedAt (never backwards), and so unique to this revert.
      const at = new Date(Math.max(now.getTime(), current.updatedAt.getTime() + 1));
      Object.assign(patch, { assigneeUid: before.assigneeUid, assigneeName: before.assigneeName, updatedAt: at });
      const event: TicketEvent = {
        kind: 'reverted',
        actorUid: actor.uid,
        actorName,
        from: before.assigneeUid,
        to: after.assigneeUid,
        note: `Tickets are assigned only to an active agent or admin; the assignment ${actor.uid === null ? 'made in the console' : `by ${actorName}`} was put back.`,
        at,
      };
      tx.set(paths.event(ticketId, ids.revertedEvent(ticketId, at)), event);
    }
    if (Object.keys(patch).length > 0) tx.update(paths.ticket(ticketId), patch);

    changes.forEach((field, i) => {
      if (recorded[i]) return;
      const changeId = ids.change(ticketId, field, changeKey);
      const event: TicketEvent = {
        kind: eventKinds[field],
        actorUid: actor.uid,
        actorName,
        from: before[field],
        to: after[field],
        note: field === 'status' && after.status === 'rejected' ? after.rejectionReason : null,
        at: now,
      };
      tx.set(paths.event(ticketId, changeId), event);

      if (field === 'status') {
        const text = statusChangeText(before.status, after.status, actorName, after.rejectionReason);
        tx.set(paths.message(ticketId, changeId), systemMessageDoc(text, now));
        const notice = statusChangeNotice(current, after.status, after.rejectionReason, actor.uid);
        if (notice) {
          const uid = notice.recipientUid;
          tx.set(
            paths.notification(uid, ids.notification(uid, ticketId, `status-${changeKey}`)),
            notification('status_changed', ticketId, notice.text, now),
          );
        }
      } else if (field === 'priority') {
        tx.set(paths.message(ticketId, changeId), systemMessageDoc(priorityChangeText(before.priority, after.priority, actorName), now));
      } else {
        const toName = after.assigneeUid === null ? null : (assignee?.displayName ?? 'another agent');
        tx.set(paths.message(ticketId, changeId), systemMessageDoc(assigneeChangeText(toName, actorName), now));
        const notice = assignmentNotice(current, after.assigneeUid, actor.uid, actorName);
        if (notice) {
          const uid = notice.recipientUid;
          tx.set(
            paths.notification(uid, ids.notification(uid, ticketId, `assigned-${changeKey}`)),
            notification('assigned', ticketId, notice.text, now),
          );
        }
      }
    });
    return 'recorded';
  });
}

/**
 * The functions' own changes come back through this trigger: the auto-assignment of a new
 * ticket, the auto-close of a resolved one and the revert of an illegal move. Each wrote its event together with the change,
 * stamped with the updatedAt it set, so the event identifies the change.
 */
async function isFunctionsOwnChange(
  tx: StoreTransaction,
  ticketId: string,
  before: TicketDoc,
  after: TicketDoc,
  changed: readonly string[],
): Promise<boolean> {
  if (changed.every((field) => field === 'status' || field === 'rejectionReason') && before.status !== after.status) {
    const revert = await readEvent(tx, ticketId, ids.revertedEvent(ticketId, after.updatedAt));
    if (revert && revert.from === after.status && revert.to === before.status) return true;
  }
  if (changed.length === 1 && changed[0] === 'assigneeUid') {
    // The put-back of an assignment to someone who may not be assigned.
    const revert = await readEvent(tx, ticketId, ids.revertedEvent(ticketId, after.updatedAt));
    if (revert && revert.from === after.assigneeUid && revert.to === before.assigneeUid) return true;
  }
  if (changed.length === 1 && changed[0] === 'status' && before.status === 'resolved' && after.status === 'closed') {
    const auto = await readEvent(tx, ticketId, ids.autoClosedEvent(ticketId));
    if (auto && auto.at.getTime() === after.updatedAt.getTime()) return true;
  }
  if (changed.length === 1 && changed[0] === 'assigneeUid' && before.assigneeUid === null) {
    const auto = await readEvent(tx, ticketId, ids.autoAssignedEvent(ticketId));
    if (auto && auto.to === after.assigneeUid && auto.at.getTime() === after.updatedAt.getTime()) return true;
  }
  return false;
}

/**
 * What the change stamps on the ticket, skipping what is already there: timestamps of this
 * change (never older than what is stored), the chat lock as the ticket's status now
 * demands it, and updatedAt for console edits that did not set it.
 */
const isReopen = (before: TicketDoc, after: TicketDoc) => before.status === 'resolved' && (after.status === 'in_progress' || after.status === 'open');

function stampsToWrite(before: TicketDoc, after: TicketDoc, current: TicketDoc, now: Date): DocData {
  const stamps = lifecycleStamps(before, after, now);
  const patch: DocData = {};
  if (stamps.firstResponseAt && current.firstResponseAt === null) patch.firstResponseAt = stamps.firstResponseAt;
  for (const field of ['resolvedAt', 'closedAt'] as const) {
    const stamp = stamps[field];
    const stored = current[field];
    if (stamp && (stored === null || stored.getTime() < stamp.getTime())) patch[field] = stamp;
  }
  const lock = lifecycleStamps(current, current, now).chatLocked;
  if (lock !== undefined) patch.chatLocked = lock;
  if (current.updatedAt.getTime() < now.getTime()) patch.updatedAt = now;
  return patch;
}
