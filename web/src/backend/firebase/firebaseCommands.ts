import {
  DomainError,
  cannedReplyInputSchema,
  checkNewTicketDoc,
  messageInputSchema,
  newMessageDoc,
  newNoteDoc,
  newTicketDoc,
  newTicketInputSchema,
  parseInput,
  rejectionReasonSchema,
  satisfactionChange,
} from '@domain';
import type { Firestore } from 'firebase/firestore';
import type { PendingWrite, SupportBackend } from '../port';
import {
  attachmentRefsOf,
  cannedReplyRemoval,
  cannedReplyWrite,
  newNoteWrites,
  presenceRemoval,
  presenceWrite,
  newTicketWrites,
  notificationsSeenWrites,
  profileChangeWrite,
  readMarkerWrite,
  ticketChangeWrite,
  type TicketChange,
} from '../writes';
import type { AttachmentsStorage } from './attachmentsStorage';
import type { AuthSession } from './authSession';
import { newCannedReplyId } from './cannedRepliesCollection';
import type { ChatFeed } from './chatFeed';
import { commitCounted } from './commitCounted';
import { commitRequest } from './commitRequest';
import { toDomainError } from './errors';
import type { ErrorContext } from './liveQueries';
import { newNoteId } from './notesCollection';
import { newTicketId } from './ticketsCollection';

/** The port's commands: what the Firebase adapter writes. */
export type FirebaseCommands = Pick<
  SupportBackend,
  | 'createTicket'
  | 'attachmentUrl'
  | 'acceptTicket'
  | 'rejectTicket'
  | 'changeStatus'
  | 'setPriority'
  | 'rateHelp'
  | 'assignTicket'
  | 'setUserRole'
  | 'setUserActive'
  | 'markNotificationsSeen'
  | 'saveCannedReply'
  | 'deleteCannedReply'
  | 'beatPresence'
  | 'leavePresence'
  | 'sendMessage'
  | 'retryMessage'
  | 'addNote'
  | 'markRead'
>;

export interface FirebaseCommandsDeps {
  readonly db: Firestore;
  /** Storage for attachments, loaded on first use. */
  readonly attachments: () => Promise<AttachmentsStorage>;
  readonly session: AuthSession;
  readonly chat: ChatFeed;
  /** Every client write goes through here (connectivity's pending count). */
  readonly track: <T>(write: Promise<T>) => Promise<T>;
}

const refusedChange = {
  'permission-denied':
    'The desk refused this change: the ticket may have moved on meanwhile, or your role does not allow it.',
};

const cannedRepliesRefused = { 'permission-denied': 'Only admins edit canned replies.' };

/**
 * Every command of the port on Firebase: the request writes.ts builds, committed as one batch
 * (commitRequest), and never awaited by the UI (offline it never settles); the rules decide,
 * the triggers complete. A new ticket's files go to Storage once the ticket is stored.
 */
export function firebaseCommands({ db, attachments: attachmentsStorage, session, chat, track }: FirebaseCommandsDeps): FirebaseCommands {
  /**
   * A client write the UI does not await: counted as pending for the connectivity state, its
   * refusal turned into a DomainError, never an unhandled rejection if nobody listens.
   */
  function pendingWrite(id: string, write: Promise<void>, context?: ErrorContext): PendingWrite {
    const committed = track(write).catch((error: unknown) => {
      throw toDomainError(error, context);
    });
    committed.catch(() => {});
    return { id, committed };
  }

  /** A change of a ticket by staff (or its customer closing or reopening it), in the writer's name. */
  function changeTicket(ticketId: string, change: TicketChange): PendingWrite {
    const me = session.require();
    return pendingWrite(ticketId, commitRequest(db, ticketChangeWrite(ticketId, change, me.uid, new Date())), refusedChange);
  }

  return {
    createTicket(input, attachments = [], onProgress = () => {}) {
      const parsed = parseInput(newTicketInputSchema, input);
      const customer = session.current;
      if (!customer) throw new DomainError('unauthenticated', 'Sign in to open a ticket.');
      const now = new Date();
      // The planned files, as the ticket says of them; their bytes follow once the ticket exists.
      const ticket = newTicketDoc(parsed, customer, now, attachmentRefsOf(attachments));
      const decision = checkNewTicketDoc(customer, ticket);
      if (!decision.allowed) throw new DomainError('permission-denied', decision.reason);
      const id = newTicketId(db);
      const counters = session.counters();
      const written = commitCounted(db, counters, 'tickets', (at) => newTicketWrites(id, ticket, counters, at));
      // The UI follows the ticket through its listener and may never look at `committed`.
      const { committed } = pendingWrite(id, written, {
        'permission-denied':
          'The desk refused to store this ticket. Reload the page and try again; if it happens again, contact the support desk.',
      });
      // storage.rules check the ticket's owner in Firestore: the files go once it is stored.
      const uploaded = committed.then(async () => {
        if (attachments.length === 0) return;
        try {
          await track(
            attachmentsStorage().then((storage) =>
              Promise.all(attachments.map((upload) => storage.upload(id, upload, (fraction) => onProgress(upload.slot, fraction)))),
            ),
          );
        } catch (error) {
          throw toDomainError(error, {
            'permission-denied': 'The desk refused an attachment: only images and PDFs within the size limits are stored.',
          });
        }
      });
      uploaded.catch(() => {});
      return { id, committed, uploaded };
    },

    attachmentUrl(ticketId, slot) {
      return attachmentsStorage().then((storage) => storage.objectUrl(ticketId, slot)).catch((error: unknown) => {
        throw toDomainError(error, {
          'not-found': 'That attachment has not finished uploading.',
          'permission-denied': 'You cannot see this attachment.',
        });
      });
    },

    // ---- staff actions: the rules decide, the update trigger audits ----

    acceptTicket(ticketId) {
      const me = session.require();
      return changeTicket(ticketId, { status: 'in_progress', assigneeUid: me.uid });
    },

    rejectTicket(ticketId, reason) {
      const trimmed = parseInput(rejectionReasonSchema, reason);
      return changeTicket(ticketId, { status: 'rejected', rejectionReason: trimmed });
    },

    changeStatus(ticketId, to) {
      return changeTicket(ticketId, { status: to });
    },

    setPriority(ticketId, priority) {
      return changeTicket(ticketId, { priority });
    },

    rateHelp(ticket, input) {
      return changeTicket(ticket.id, satisfactionChange(ticket, input));
    },

    assignTicket(ticketId, assigneeUid) {
      return changeTicket(ticketId, { assigneeUid });
    },

    // ---- people ----

    setUserRole(uid, role) {
      session.require();
      return pendingWrite(uid, commitRequest(db, profileChangeWrite(uid, { role })), {
        'permission-denied': 'Only admins change roles, and nobody changes their own.',
      });
    },

    setUserActive(uid, active) {
      session.require();
      return pendingWrite(uid, commitRequest(db, profileChangeWrite(uid, { active })), {
        'permission-denied': 'Only admins switch accounts on and off, and nobody their own.',
      });
    },

    markNotificationsSeen(ids) {
      const me = session.require();
      return pendingWrite(me.uid, commitRequest(db, notificationsSeenWrites(me.uid, ids)));
    },

    // ---- canned replies ----

    saveCannedReply(id, input) {
      const reply = parseInput(cannedReplyInputSchema, input);
      session.require();
      const replyId = id ?? newCannedReplyId(db);
      return pendingWrite(replyId, commitRequest(db, cannedReplyWrite(replyId, reply)), cannedRepliesRefused);
    },

    deleteCannedReply(id) {
      session.require();
      return pendingWrite(id, commitRequest(db, cannedReplyRemoval(id)), cannedRepliesRefused);
    },

    // ---- presence ----

    beatPresence(ticketId, activity) {
      const me = session.require();
      const beat = { uid: me.uid, ticketId, displayName: me.displayName, activity, heartbeatAt: new Date() };
      return pendingWrite(ticketId, commitRequest(db, presenceWrite(beat)));
    },

    leavePresence(ticketId) {
      const me = session.require();
      return pendingWrite(ticketId, commitRequest(db, presenceRemoval(ticketId, me.uid)));
    },

    // ---- chat ----

    sendMessage(ticketId, input) {
      const { text } = parseInput(messageInputSchema, input);
      const me = session.require();
      return chat.send(ticketId, newMessageDoc({ text }, me, new Date()));
    },

    retryMessage(ticketId, messageId) {
      session.require();
      return chat.retry(ticketId, messageId);
    },

    addNote(ticketId, input) {
      const { text } = parseInput(messageInputSchema, input);
      const me = session.require();
      const now = new Date();
      const id = newNoteId(db, ticketId);
      const note = newNoteDoc({ text }, me, now);
      const counters = session.counters();
      const written = commitCounted(db, counters, 'messages', (at) => newNoteWrites(ticketId, id, note, counters, at));
      return pendingWrite(id, written, { 'permission-denied': 'Only support staff write internal notes.' });
    },

    markRead(ticketId) {
      const me = session.require();
      return pendingWrite(ticketId, commitRequest(db, readMarkerWrite(ticketId, me.uid, new Date())));
    },
  };
}
