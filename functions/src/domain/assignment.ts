import { z } from './zod.js';
import { docIdSchema } from './ids.js';

/**
 * `config/assignment`, edited by admins in the console: how new tickets find an agent.
 * round_robin rotates fairly over the pool's active agents; random picks one; manual leaves
 * new tickets unassigned for staff to take.
 */
export const assignmentStrategies = ['round_robin', 'random', 'manual'] as const;

/** The most agents a pool names (firestore.rules checks the same bound). */
export const ASSIGNMENT_POOL_MAX = 100;

/** Strict, as firestore.rules: a field the desk does not know is a typo that would be ignored silently. */
export const assignmentConfigSchema = z.strictObject({
  strategy: z.enum(assignmentStrategies),
  /** The pool, in rotation order. Empty means every active agent (by uid order). */
  agentUids: z._default(z.array(docIdSchema).check(z.maxLength(ASSIGNMENT_POOL_MAX)), []),
  /** Round robin's place in the rotation; the functions move it. */
  lastAssignedUid: z._default(z.nullable(docIdSchema), null),
});
export type AssignmentConfig = z.infer<typeof assignmentConfigSchema>;
export const defaultAssignmentConfig: AssignmentConfig = {
  strategy: 'round_robin',
  agentUids: [],
  lastAssignedUid: null,
};

/**
 * The agent for a new ticket, or null (manual, or nobody active). `activeAgents` are the
 * candidates in rotation order; inactive agents are never in it.
 */
export function chooseAssignee(
  config: AssignmentConfig,
  activeAgents: readonly string[],
  random: () => number,
): string | null {
  if (config.strategy === 'manual' || activeAgents.length === 0) return null;
  if (config.strategy === 'random') {
    return activeAgents[Math.floor(random() * activeAgents.length) % activeAgents.length] ?? null;
  }
  const order = config.agentUids.length > 0 ? config.agentUids : [...activeAgents].sort();
  const candidates = order.filter((uid) => activeAgents.includes(uid));
  if (candidates.length === 0) return null;
  const last = config.lastAssignedUid === null ? -1 : order.indexOf(config.lastAssignedUid);
  // The next active agent after the last one in the full order, so a skipped agent keeps their turn order.
  for (let step = 1; step <= order.length; step++) {
    const uid = order[(last + step + order.length) % order.length];
    if (uid !== undefined && candidates.includes(uid)) return uid;
  }
  return candidates[0] ?? null;
}

/**
 * The config an admin left in the console (missing: the default). A document that does not
 * parse assigns nobody: better a ticket waiting in the queue than one given by a guess.
 */
export function assignmentConfigFrom(data: unknown): AssignmentConfig {
  if (data === undefined) return defaultAssignmentConfig;
  const parsed = assignmentConfigSchema.safeParse(data);
  return parsed.success ? parsed.data : { ...defaultAssignmentConfig, strategy: 'manual' };
}

/** The pool's active members in rotation order: the configured uids, or every active agent. */
export function assignmentPool(
  config: AssignmentConfig,
  activeStaff: readonly { uid: string; role: string | null }[],
): string[] {
  if (config.agentUids.length === 0) {
    return activeStaff.filter((user) => user.role === 'agent').map((user) => user.uid);
  }
  const active = new Set(activeStaff.map((user) => user.uid));
  return config.agentUids.filter((uid) => active.has(uid));
}
