import { expect } from 'vitest';
import { isDomainError, type Actor, type TicketStatus } from '../../functions/src/domain/index.js';
import { LocalClient } from '../../web/src/backend/local/localClient.js';
import { LocalDatabase, tableFor, toRow } from '../../web/src/backend/local/localDatabase.js';
import { matrixPeople, seedDocuments, type MatrixActor, type MatrixDriver } from './matrix.js';
import { runAuthorizationMatrix } from './runMatrix.js';

let databases = 0;

/** The matrix against the local rules: seeding writes straight to IndexedDB, like the console. */
async function localDriver(): Promise<MatrixDriver> {
  const db = new LocalDatabase(`matrix-${++databases}`);
  const clientAs = (actor: MatrixActor) => {
    // The token's claims: uid, role, email and email_verified (the local rules read the profile themselves).
    const person = actor === 'signedOut' ? null : matrixPeople[actor];
    const who: Actor | null = person && { uid: person.uid, role: person.role, email: person.email, emailVerified: person.emailVerified };
    return new LocalClient(db, () => who);
  };
  return {
    async givenTicket(state: TicketStatus, extra = []) {
      const id = `fixture-${state}`;
      await db.transaction('rw', db.tables, async () => {
        // Every fixture starts from an empty database.
        await Promise.all(db.tables.map((table) => table.clear()));
        for (const { path, data } of [...seedDocuments(id, state, new Date()), ...extra]) {
          const located = tableFor(db, path);
          await located.table.put(toRow(located, data));
        }
      });
      return id;
    },
    async attempt(actor, request) {
      try {
        await clientAs(actor).execute(request);
      } catch (error) {
        // Only a refusal by the local rules counts as "denied"; any other failure (a driver
        // bug, a path the local database does not know) fails the cell.
        expect.soft(isDomainError(error) && error.code, `expected a refusal by the rules, got: ${String(error)}`).toBe(
          'permission-denied',
        );
        throw error;
      }
    },
  };
}

runAuthorizationMatrix('the local backend', localDriver);
