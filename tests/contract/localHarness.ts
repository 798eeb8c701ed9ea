import { LocalBackend } from '../../web/src/backend/local/localBackend.js';
import { demoAccounts } from '../../web/src/backend/demoAccounts.js';
import { memorySessionSlot } from '../../web/src/backend/local/sessionSlot.js';
import type { ContractHarness, ContractPerson } from './harness.js';

const demoUidOf: Record<ContractPerson, string> = {
  customer: demoAccounts.find((a) => a.role === 'customer')!.uid,
  otherCustomer: demoAccounts.filter((a) => a.role === 'customer')[1]!.uid,
  agent: demoAccounts.find((a) => a.role === 'agent')!.uid,
  admin: demoAccounts.find((a) => a.role === 'admin')!.uid,
};

let harnessCount = 0;

/**
 * Local backend harness: one fresh IndexedDB database per harness (one "browser"), one
 * LocalBackend per tab with its own session, all in fake-indexeddb (installed as the global IndexedDB).
 */
export async function localHarness(): Promise<ContractHarness> {
  const databaseName = `contract-${process.pid}-${++harnessCount}`;
  const tabs: LocalBackend[] = [];
  return {
    name: 'local backend',
    async openTab(as) {
      const tab = new LocalBackend({
        databaseName,
        sessionSlot: memorySessionSlot(),
      });
      await tab.ready;
      await tab.switchAccount(demoUidOf[as]);
      tabs.push(tab);
      return tab;
    },
    async dispose() {
      await Promise.all(tabs.map((tab) => tab.close()));
    },
  };
}
