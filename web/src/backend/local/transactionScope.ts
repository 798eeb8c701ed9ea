import type Dexie from 'dexie';

/** Thrown inside a transaction that reached for a table outside its scope. */
class OutOfScope extends Error {
  constructor(readonly table: string) {
    super(`The table ${table} is not part of this transaction.`);
  }
}

/** The tables a running transaction may touch; reaching for another one restarts it wider. */
export interface Scope {
  /** Call before touching a table: throws (and so restarts the transaction) if it is outside the scope. */
  require(table: string): void;
}

/**
 * Read-write transactions that lock only the tables their work touches. IndexedDB needs a
 * transaction's tables up front, but what the rules and the handlers read depends on the
 * document (a parent ticket, the writer's profile, a follow-up's ticket...). So the scope is
 * learned: work that reaches for a table outside it aborts, and runs again with that table
 * added, for good. That is safe because a transaction's work may run more than once (as a
 * Firestore transaction's does) and nothing is written before the work completes.
 */
export class LearnedScope {
  private readonly learned: Set<string>;

  constructor(initial: readonly string[] = []) {
    this.learned = new Set(initial);
  }

  /** The tables learned so far. */
  tables(): readonly string[] {
    return [...this.learned];
  }

  async transaction<T>(db: Dexie, alongside: readonly string[], work: (scope: Scope) => Promise<T>): Promise<T> {
    for (;;) {
      const tables = new Set([...this.learned, ...alongside]);
      const scope: Scope = {
        require(table) {
          if (!tables.has(table)) throw new OutOfScope(table);
        },
      };
      try {
        // No table yet: the work's first reach for one says which (IndexedDB refuses an empty scope).
        if (tables.size === 0) return await work(scope);
        // An async function, so that Dexie keeps the transaction across the work's native awaits.
        return await db.transaction('rw', [...tables], async () => await work(scope));
      } catch (error) {
        if (!(error instanceof OutOfScope) || tables.has(error.table)) throw error;
        this.learned.add(error.table);
      }
    }
  }
}
