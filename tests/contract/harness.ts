import type { SupportBackend } from '../../web/src/backend/port.js';

/** The people every contract run has: two customers, an agent, an admin. */
export const contractPeople = ['customer', 'otherCustomer', 'agent', 'admin'] as const;
export type ContractPerson = (typeof contractPeople)[number];

/**
 * What a backend provides to the contract scenarios. `openTab` is "a browser tab signed in
 * as this person": tabs of one harness share the same data, as tabs of one browser (local
 * backend) or clients of one project (Firebase) do.
 */
export interface ContractHarness {
  readonly name: string;
  openTab(as: ContractPerson): Promise<SupportBackend>;
  dispose(): Promise<void>;
}
