import { newTicketDoc, newUserDoc, type Actor, type TicketStatus } from '../../functions/src/domain/index.js';
import { LocalClient } from '../../web/src/backend/local/localClient.js';
import { LocalDatabase } from '../../web/src/backend/local/localDatabase.js';
import { matrixPeople, type MatrixActor, type MatrixDriver } from './matrix.js';
import { runAuthorizationMatrix } from './runMatrix.js';

let databases = 0;

/** The matrix against the local rules: seeding writes straight to IndexedDB, like the console. */
async function localDriver(): Promise<MatrixDriver> {
  const db = new LocalDatabase(`matrix-${++databases}`);
  const now = new Date();
  await db.users.bulkAdd(
    Object.values(matrixPeople).map((person) => ({
      ...newUserDoc({ email: `${person.uid}@example.com`, displayName: person.displayName }, now),
      role: person.role,
      uid: person.uid,
    })),
  );
  await db.counters.add({ id: 'tickets', last: 1 });
  const clientAs = (actor: MatrixActor) => {
    const who: Actor | null = actor === 'signedOut' ? null : matrixPeople[actor];
    return new LocalClient(db, () => who);
  };
  return {
    async givenTicket(state: TicketStatus) {
      const doc = newTicketDoc(
        { title: 'Fixture', description: 'A ticket the matrix acts on.', category: 'general', priority: 'low' },
        matrixPeople.owner,
        now,
      );
      const id = `fixture-${state}`;
      await db.tickets.add({
        ...doc,
        id,
        number: 1,
        status: state,
        assigneeUid: state === 'open' ? null : matrixPeople.agent.uid,
        chatLocked: state === 'closed' || state === 'rejected',
      });
      return id;
    },
    async attempt(actor, request) {
      await clientAs(actor).execute(request);
    },
  };
}

runAuthorizationMatrix('the local backend', localDriver);
