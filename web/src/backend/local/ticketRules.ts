import {
  isCountedBy,
  isDocId,
  mayAddNote,
  mayCreateTicket,
  mayPostMessage,
  mayReadNotes,
  mayReadReadMarkers,
  mayReadTicket,
  mayRateTicket,
  mayUpdateTicket,
  mayWriteReadMarker,
  messageDocSchema,
  noteDocSchema,
  readMarkerSchema,
  satisfactionFields,
  ticketDocSchema,
  type Decision,
} from '@domain';
import { z } from 'zod/mini';
import type { DocData } from '../clientRequest';
import { allow, counterAfter, deny, mayReadParent, parentTicket, profileOf, type DocRequest, type RuleContext } from './ruleContext';

// The rules' shape checks: a document with a field the desk does not know is refused, as
// firestore.rules' key lists refuse it.
const exactTicketDoc = z.strictObject(ticketDocSchema.shape);
const exactMessageDoc = z.strictObject(messageDocSchema.shape);
const exactNoteDoc = z.strictObject(noteDocSchema.shape);
const exactReadMarker = z.strictObject(readMarkerSchema.shape);

/**
 * The local rules for `tickets/{id}` and what lies under it (messages, notes, events, read
 * markers), as firestore.rules decides them, by the domain's policy functions. Parsing is
 * strict: like the rules' keys().hasOnly(), an unknown field is refused rather than stored.
 */
export async function checkTicket(
  context: RuleContext,
  request: DocRequest,
  existing: DocData | undefined,
): Promise<Decision> {
  const { actor, docs } = context;
  const before = existing === undefined ? undefined : ticketDocSchema.parse(existing);
  switch (request.method) {
    case 'get':
      if (!actor) return deny('Sign in to see tickets.');
      // Reading a ticket that does not exist (yet) tells nothing (ids are random) and lets a
      // tab listen to the ticket it has just created before the server has it.
      return before ? mayReadTicket(actor, before) : allow;
    case 'create': {
      if (before) return deny('That ticket already exists.');
      const doc = exactTicketDoc.safeParse(request.data);
      if (!doc.success) return deny(doc.error.issues[0]?.message ?? 'The ticket is not well formed.');
      const followUpId = doc.data.followUpOf;
      const followUp = followUpId !== null && isDocId(followUpId) ? parentTicket(await docs.get(`tickets/${followUpId}`)) : undefined;
      const decision = mayCreateTicket(actor, doc.data, { profile: context.profile, followUpOf: followUp });
      if (!decision.allowed) return decision;
      return isCountedBy(await counterAfter(context, 'tickets'), request.path)
        ? allow
        : deny('A new ticket counts against your tickets an hour.');
    }
    case 'update': {
      if (!before) return deny('No such ticket.');
      const after = exactTicketDoc.safeParse({ ...before, ...request.data });
      if (!after.success) return deny(after.error.issues[0]?.message ?? 'The change is not well formed.');
      const assigneeUid = after.data.assigneeUid;
      const assignee =
        assigneeUid !== null && assigneeUid !== before.assigneeUid ? profileOf(await docs.get(`users/${assigneeUid}`)) : undefined;
      // A rating is its own kind of change (firestore.rules: mayUpdateTicket || mayRateTicket);
      // a refusal gives the reason of the kind the change is.
      const rates = satisfactionFields.some((field) => field in request.data);
      return rates ? mayRateTicket(actor, before, after.data) : mayUpdateTicket(actor, before, after.data, { assignee });
    }
    default:
      return deny('Tickets are never deleted from the app.');
  }
}

export async function checkTicketSubcollection(
  context: RuleContext,
  request: DocRequest,
  subcollection: string,
  ticketId: string,
  docId: string,
  existing: DocData | undefined,
  parent: DocData | undefined,
): Promise<Decision> {
  const { actor } = context;
  switch (subcollection) {
    case 'messages':
      switch (request.method) {
        case 'get':
          return mayReadParent(actor, parent);
        case 'create': {
          if (existing) return deny('Messages are never changed.');
          const ticket = parentTicket(parent);
          if (!ticket) return deny('No such ticket.');
          const message = exactMessageDoc.safeParse(request.data);
          if (!message.success) return deny(message.error.issues[0]?.message ?? 'The message is not well formed.');
          const decision = mayPostMessage(actor, ticket, message.data, { profile: context.profile });
          if (!decision.allowed) return decision;
          return isCountedBy(await counterAfter(context, 'messages'), request.path)
            ? allow
            : deny('A message counts against your messages a minute.');
        }
        default:
          return deny('Messages are never changed.');
      }
    case 'notes':
      switch (request.method) {
        case 'get':
          return mayReadNotes(actor);
        case 'create': {
          if (existing) return deny('Notes are never changed.');
          const staff = mayReadNotes(actor);
          if (!staff.allowed) return staff;
          const note = exactNoteDoc.safeParse(request.data);
          if (!note.success) return deny(note.error.issues[0]?.message ?? 'The note is not well formed.');
          const decision = mayAddNote(actor, parent, note.data, { profile: context.profile });
          if (!decision.allowed) return decision;
          return isCountedBy(await counterAfter(context, 'messages'), request.path)
            ? allow
            : deny('A note counts against your messages a minute.');
        }
        default:
          return deny('Notes are never changed.');
      }
    case 'events':
      return request.method === 'get' ? mayReadParent(actor, parent) : deny('Only the desk itself records events.');
    case 'reads':
      switch (request.method) {
        case 'get':
          return mayReadReadMarkers(actor, docId);
        case 'create':
        case 'update': {
          const marker = exactReadMarker.safeParse(request.data);
          if (!actor || actor.uid !== docId) return deny('Only you can mark what you have read.');
          if (!marker.success) return deny('The read marker is not well formed.');
          return mayWriteReadMarker(actor, parentTicket(parent), { ticketId, readerUid: docId }, marker.data);
        }
        default:
          return deny('Read markers are never deleted.');
      }
    default:
      return deny('Only the desk itself writes there.');
  }
}
