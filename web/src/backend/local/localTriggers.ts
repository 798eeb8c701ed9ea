import { roleSchema, ticketDocSchema, type Ticket } from '@domain';
import type { AppliedWrite, DocData } from '../clientRequest';
import { autoCloseResolved } from '@functions/handlers/autoCloseResolved';
import { emailReplyIfAway, emailStatusChange } from '@functions/handlers/emailCustomer';
import { handleTicketCreated } from '@functions/handlers/handleTicketCreated';
import { recordMessage } from '@functions/handlers/recordMessage';
import { recordRead } from '@functions/handlers/recordRead';
import { refuseUnverifiedStaff } from '@functions/handlers/refuseUnverifiedStaff';
import { reviewTicketChange } from '@functions/handlers/reviewTicketChange';
import { updateTicketStats } from '@functions/handlers/updateTicketStats';
import { watchServiceLevels } from '@functions/handlers/watchServiceLevels';
import type { LocalDatabase } from './localDatabase';
import { autoId } from './autoId';
import { isEmailVerified } from './localAccounts';
import { localStore, type EventDocument } from './localStore';
import { LearnedScope } from './transactionScope';
import { logTriggerFailure } from './runningTriggers';

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
    scheduled: new LearnedScope(),
  };
  const stores = {
    ticketCreated: localStore(db, scopes.ticketCreated),
    ticketUpdated: localStore(db, scopes.ticketUpdated),
    ticketWritten: localStore(db, scopes.ticketWritten),
    scheduled: localStore(db, scopes.scheduled),
  };
  /** The reports' counts of a ticket, after the other triggers of its write have run (as onTicketWritten). */
  const countTicket = async (ticketId: string, eventId: string, before: unknown, after: unknown) =>
    void (await updateTicketStats(stores.ticketWritten, ticketId, { eventId, before, after, now: new Date() }));
  const deps = () => ({ now: new Date(), random: Math.random });
  /** Emails to customers are kept, not sent (the local backend has no mail server); links go to this tab's desk. */
  const mailDeps = () => ({ now: new Date(), deskUrl: typeof location === 'undefined' ? null : location.origin });
  return {
    /** `eventId`: the event's id, the same however often its triggers run (as a Cloud Function's). */
    ticketCreated: async (ticketId: string, eventId: string) => {
      await handleTicketCreated(stores.ticketCreated, ticketId, deps());
      await countTicket(ticketId, eventId, undefined, undefined);
    },
    /** `changeKey`: the change's event id; the review and the stats share it, as the functions share the event's. */
    ticketUpdated: async (ticketId: string, before: Ticket, after: Ticket, actorUid: string, changeKey: string) => {
      await reviewTicketChange(stores.ticketUpdated, ticketId, before, after, { uid: actorUid }, { ...deps(), changeKey });
      if (before.status !== after.status) {
        await emailStatusChange(stores.ticketUpdated, ticketId, { to: after.status, actorUid, changeKey }, mailDeps());
      }
      await countTicket(ticketId, changeKey, before, after);
    },
    messageCreated: async (ticketId: string, messageId: string, event?: EventDocument) => {
      const store = localStore(db, scopes.messageCreated, event);
      await recordMessage(store, ticketId, messageId, deps());
      await emailReplyIfAway(store, ticketId, messageId, mailDeps());
    },
    readWritten: async (ticketId: string, uid: string, event?: EventDocument) =>
      void (await recordRead(localStore(db, scopes.readWritten, event), ticketId, uid, deps())),
    /** A staff role given to an unverified account goes back to customer (on Firebase: the claims trigger). */
    userUpdated: async (uid: string) => {
      const role = roleSchema.safeParse((await db.users.get(uid))?.role);
      if (!role.success) return;
      await refuseUnverifiedStaff(localStore(db, scopes.userUpdated), uid, role.data, () => isEmailVerified(db, uid));
    },
    /**
     * The triggers of client writes delivered together (a batch of a burst), in order. Where
     * there are several, they run in one transaction over the tables the triggers have been
     * seen to use, so that the tabs' live queries wake once for all of them rather than once
     * for each. Should one reach beyond those tables, or fail, the transaction is undone and
     * each runs on its own (as every trigger may run more than once, on Firebase too).
     */
    async afterDeliveries(delivered: readonly { write: AppliedWrite; before: DocData | undefined }[], actorUid: string) {
      const runs = delivered.flatMap(({ write, before }) => this.triggersOf(write, before, actorUid));
      const tables = new Set(Object.values(scopes).flatMap((scope) => scope.tables()));
      if (runs.length > 1 && tables.size > 0) {
        try {
          return await db.transaction('rw', [...tables], async () => {
            for (const run of runs) await run();
          });
        } catch (error) {
          // Nothing of the group stayed (IndexedDB undid it): one by one, each in its own scope.
          console.warn('The triggers of a delivery ran one by one.', error);
        }
      }
      for (const run of runs) await run().catch(logTriggerFailure);
    },
    /**
     * The trigger runs a delivered client write sets off, as Firestore events would: with the
     * document as that write left it (not as it is by the time the trigger runs, after later
     * writes of the same delivery), and one event id however often they run.
     */
    triggersOf(request: AppliedWrite, before: DocData | undefined, actorUid: string): (() => Promise<void>)[] {
      const [collection, id = '', sub, subId = ''] = request.path.split('/');
      const event = request.method === 'delete' ? undefined : { path: request.path, data: { ...before, ...request.data } };
      const eventId = autoId();
      const runs: (() => Promise<void>)[] = [];
      if (collection === 'users' && sub === undefined && request.method === 'update') runs.push(() => this.userUpdated(id));
      if (collection !== 'tickets') return runs;
      if (sub === undefined && request.method === 'create') runs.push(() => this.ticketCreated(id, eventId));
      if (sub === undefined && request.method === 'update' && before && event) {
        runs.push(() => this.ticketUpdated(id, toTicket({ ...before, id }), toTicket({ ...event.data, id }), actorUid, eventId));
      }
      if (sub === 'messages' && request.method === 'create') runs.push(() => this.messageCreated(id, subId, event));
      if (sub === 'reads') runs.push(() => this.readWritten(id, subId, event));
      return runs;
    },
    /**
     * The scheduled functions (on Firebase: watchServiceLevels every minute, autoCloseResolved
     * every 15): the breach watch, then the auto-close, whose closes the reports then count
     * (as onTicketWritten would).
     */
    async scheduled() {
      await watchServiceLevels(stores.scheduled, deps());
      for (const ticketId of await autoCloseResolved(stores.scheduled, deps())) await countTicket(ticketId, autoId(), undefined, undefined);
    },
    async catchUp() {
      const unnumbered = await db.tickets.filter((ticket) => ticket.number === null).primaryKeys();
      for (const id of unnumbered) await handleTicketCreated(stores.ticketCreated, id, deps());
    },
  };
}
