import { roleSchema, ticketDocSchema, type Ticket } from '@domain';
import type { AppliedWrite, DocData } from '../clientRequest';
import { handleTicketCreated } from '@functions/handlers/handleTicketCreated';
import { recordMessage } from '@functions/handlers/recordMessage';
import { recordRead } from '@functions/handlers/recordRead';
import { refuseUnverifiedStaff } from '@functions/handlers/refuseUnverifiedStaff';
import { reviewTicketChange } from '@functions/handlers/reviewTicketChange';
import { updateTicketStats } from '@functions/handlers/updateTicketStats';
import type { LocalDatabase } from './localDatabase';
import { autoId } from './autoId';
import { isEmailVerified } from './localAccounts';
import { localStore, type EventDocument } from './localStore';
import { LearnedScope } from './transactionScope';

const toTicket = (row: DocData & { id: string }): Ticket => ({ ...ticketDocSchema.parse(row), id: row.id });

/**
 * The local stand-in for Cloud Functions triggers: the same handlers, run by the tab that
 * made the write. `catchUp` runs at start so a ticket whose tab closed before its trigger
 * ran still gets a number (handlers are idempotent, like at-least-once triggers).
 */
export function localTriggers(db: LocalDatabase) {
  // One scope per handler: each learns the tables its own transactions touch.
  const scopes = {
    ticketCreated: new LearnedScope(),
    ticketUpdated: new LearnedScope(),
    messageCreated: new LearnedScope(),
    readWritten: new LearnedScope(),
    userUpdated: new LearnedScope(),
    ticketWritten: new LearnedScope(),
  };
  const stores = {
    ticketCreated: localStore(db, scopes.ticketCreated),
    ticketUpdated: localStore(db, scopes.ticketUpdated),
    ticketWritten: localStore(db, scopes.ticketWritten),
  };
  /** The reports' counts of a ticket, after the other triggers of its write have run (as onTicketWritten). */
  const countTicket = async (ticketId: string, eventId: string, before: unknown, after: unknown) =>
    void (await updateTicketStats(stores.ticketWritten, ticketId, { eventId, before, after, now: new Date() }));
  const deps = () => ({ now: new Date(), random: Math.random });
  return {
    ticketCreated: async (ticketId: string) => {
      await handleTicketCreated(stores.ticketCreated, ticketId, deps());
      await countTicket(ticketId, autoId(), undefined, undefined);
    },
    ticketUpdated: async (ticketId: string, before: Ticket, after: Ticket, actorUid: string) => {
      // A fresh key per change, as a Cloud Function gets a fresh event id; the review and
      // the stats share it, as the functions share the event's.
      const changeKey = autoId();
      await reviewTicketChange(stores.ticketUpdated, ticketId, before, after, { uid: actorUid }, { ...deps(), changeKey });
      await countTicket(ticketId, changeKey, before, after);
    },
    messageCreated: async (ticketId: string, messageId: string, event?: EventDocument) =>
      void (await recordMessage(localStore(db, scopes.messageCreated, event), ticketId, messageId, deps())),
    readWritten: async (ticketId: string, uid: string, event?: EventDocument) =>
      void (await recordRead(localStore(db, scopes.readWritten, event), ticketId, uid, deps())),
    /** A staff role given to an unverified account goes back to customer (on Firebase: the claims trigger). */
    userUpdated: async (uid: string) => {
      const role = roleSchema.safeParse((await db.users.get(uid))?.role);
      if (!role.success) return;
      await refuseUnverifiedStaff(localStore(db, scopes.userUpdated), uid, role.data, () => isEmailVerified(db, uid));
    },
    /** The triggers a delivered client write sets off, as Firestore events would. */
    async afterDelivery(request: AppliedWrite, before: DocData | undefined, actorUid: string) {
      const [collection, id = '', sub, subId = ''] = request.path.split('/');
      if (collection === 'users' && sub === undefined && request.method === 'update') await this.userUpdated(id);
      if (collection !== 'tickets') return;
      if (sub === undefined && request.method === 'create') await this.ticketCreated(id);
      if (sub === undefined && request.method === 'update' && before) {
        const after = await db.tickets.get(id);
        if (after) await this.ticketUpdated(id, toTicket({ ...before, id }), toTicket(after), actorUid);
      }
      // The document as the write left it, as the event would carry it.
      const event = request.method === 'delete' ? undefined : { path: request.path, data: { ...before, ...request.data } };
      if (sub === 'messages' && request.method === 'create') await this.messageCreated(id, subId, event);
      if (sub === 'reads') await this.readWritten(id, subId, event);
    },
    async catchUp() {
      const unnumbered = await db.tickets.filter((ticket) => ticket.number === null).primaryKeys();
      for (const id of unnumbered) await handleTicketCreated(stores.ticketCreated, id, deps());
    },
  };
}
