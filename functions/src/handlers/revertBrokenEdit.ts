import { ticketDocSchema, type TicketDoc, type TicketEvent } from '../domain/index.js';
import type { DocStore } from '../store/port.js';
import { ids, paths, readUser } from './docs.js';
import { CONSOLE_NAME, type ChangeActor, type ReviewDeps } from './reviewTicketChange.js';

export type RepairOutcome =
  /** The written document has the ticket's shape: nothing to repair (reviewTicketChange's job). */
  | 'well-formed'
  /** The ticket was put back as it was before the edit, and the revert recorded. */
  | 'reverted'
  /** The stored ticket has the ticket's shape again (fixed meanwhile, or already put back), or is gone. */
  | 'already-fixed';

/** The top-level fields a document fails the ticket schema on, each once, in schema order. */
export function brokenTicketFields(data: unknown): string[] {
  const parsed = ticketDocSchema.safeParse(data);
  if (parsed.success) return [];
  const fields = parsed.error.issues.map((issue) => (issue.path.length > 0 ? String(issue.path[0]) : 'the document'));
  return [...new Set(fields)];
}

function listOf(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * "Ticket updated" into a shape the desk cannot use: an edit that bypassed the rules (the
 * console, an admin script) and left, say, priority "urgent". The app could no longer read
 * the ticket and every handler would stop on it, so the whole document is put back as it
 * was before the edit (updatedAt never moving backwards) and a 'reverted' event names the
 * broken fields. Safe to run twice: a ticket that has its shape again is left alone, and
 * the event's id comes from the change's key. The repair comes back through the trigger
 * with a `before` that does not parse, which the trigger leaves alone: no loop.
 */
export async function revertBrokenEdit(
  store: DocStore,
  ticketId: string,
  before: TicketDoc,
  after: unknown,
  actor: ChangeActor,
  deps: ReviewDeps,
): Promise<RepairOutcome> {
  const broken = brokenTicketFields(after);
  if (broken.length === 0) return 'well-formed';
  const { now } = deps;
  const changeKey = deps.changeKey ?? String(now.getTime());

  return store.runTransaction(async (tx) => {
    const current = await tx.get(paths.ticket(ticketId));
    if (current === undefined || ticketDocSchema.safeParse(current).success) return 'already-fixed';
    const user = actor.uid === null ? null : await readUser(tx, actor.uid);
    const actorName = actor.uid === null ? CONSOLE_NAME : (user?.displayName ?? 'Someone');
    const by = actor.uid === null ? 'An edit in the console' : `An edit by ${actorName}`;
    const fields = listOf(broken);
    const event: TicketEvent = {
      kind: 'reverted',
      actorUid: actor.uid,
      actorName,
      from: null,
      to: null,
      note: `${by} left ${fields} in a shape the desk cannot use; the ticket was put back as it was.`,
      at: now,
    };
    const stored = current.updatedAt instanceof Date ? current.updatedAt.getTime() : 0;
    const restored: TicketDoc = {
      ...before,
      updatedAt: new Date(Math.max(before.updatedAt.getTime(), stored, now.getTime())),
    };
    tx.set(paths.ticket(ticketId), restored);
    tx.set(paths.event(ticketId, ids.repairedEvent(ticketId, changeKey)), event);
    return 'reverted';
  });
}
