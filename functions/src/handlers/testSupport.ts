import { newTicketDoc, newUserDoc, type Role, type TicketDoc } from '../domain/index.js';
import type { MemoryStore } from '../store/memoryStore.js';

/** Seeding for the handler tests: people and tickets written straight into a MemoryStore. */
export function givenUser(
  store: MemoryStore,
  uid: string,
  role: Role,
  options: { displayName?: string; active?: boolean } = {},
): void {
  store.write(`users/${uid}`, {
    ...newUserDoc({ email: `${uid}@example.com`, displayName: options.displayName ?? uid }, new Date('2024-01-01T00:00:00Z')),
    role,
    active: options.active ?? true,
  });
}

export const CUSTOMER = { uid: 'cust-1', displayName: 'Cora Customer' };

export function givenTicket(store: MemoryStore, id: string, overrides: Partial<TicketDoc> = {}): TicketDoc {
  const doc: TicketDoc = {
    ...newTicketDoc(
      {
        title: 'Printer on fire',
        description: 'It smells of toast and the paper tray is melting.',
        category: 'technical',
        priority: 'medium',
      },
      CUSTOMER,
      new Date('2024-05-01T10:00:00Z'),
    ),
    ...overrides,
  };
  store.write(`tickets/${id}`, doc);
  return doc;
}

/** Documents directly under a collection, by id. */
export function docsIn(store: MemoryStore, collection: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(store.list(collection).map(({ id, data }) => [id, data]));
}
