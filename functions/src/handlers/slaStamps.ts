import { slaFieldsOf, slaPolicyFrom, type SlaFields, type SlaPolicy, type TicketDoc } from '../domain/index.js';
import type { DocData, StoreTransaction } from '../store/port.js';
import { paths } from './docs.js';

/** The service-level policy in force: `config/sla` as an admin left it, defaults filled in. */
export async function readSlaPolicy(tx: StoreTransaction): Promise<SlaPolicy> {
  return slaPolicyFrom(await tx.get(paths.slaConfig));
}

const sameTime = (a: Date | null, b: Date | null) => (a === null ? b === null : b !== null && a.getTime() === b.getTime());

/**
 * The service-level fields a ticket must change to match the policy, given the ticket as
 * the write will leave it: an empty patch when they match (so a trigger run twice writes
 * nothing the second time).
 */
export function slaPatch(ticket: TicketDoc, policy: SlaPolicy): DocData {
  const fields = slaFieldsOf(ticket, policy);
  const patch: DocData = {};
  for (const field of Object.keys(fields) as (keyof SlaFields)[]) {
    if (!sameTime(ticket[field], fields[field])) patch[field] = fields[field];
  }
  return patch;
}
