import { DomainError, MESSAGE_PAGE_SIZE, type ChatMessage, type MessageDoc } from '@domain';
import { getDocsFromServer, onSnapshot, type Firestore, type QuerySnapshot } from 'firebase/firestore';
import type { ChatPage, OnError, PendingWrite, Unsubscribe } from '../port';
import { parseEach } from './documents';
import { toDomainError } from './errors';
import {
  comparePositions,
  messagesBeforeQuery,
  newMessageId,
  newestMessagesQuery,
  pageMayHaveOlder,
  type MessagePosition,
  type ReadMessage,
} from './messagesCollection';

/**
 * The chat on Firestore. Per subscription: ONE live listener on the newest messages
 * (`limitToLast`), with metadata changes so "sending" turns into "sent". Older pages are read
 * once with getDocs and kept per ticket: messages never change, so re-subscribing with one
 * more page reads only that page.
 *
 * What this tab knows of a ticket's committed messages is kept as one contiguous run
 * (`History`): the live window's messages of every server snapshot are added, the older pages
 * extend it backwards. If a live window no longer touches the run (the chat was closed while
 * many messages arrived), the run starts again from the window.
 *
 * This tab's own messages are remembered here until the server has them: shown as sending at
 * once (before Firestore's next snapshot), and, when the server refused one, kept with its
 * data and error and shown as failed with a retry after Firestore has rolled it back out of
 * its cache.
 */
interface KnownMessage extends MessagePosition {
  readonly doc: MessageDoc;
}

interface History {
  readonly ticketId: string;
  /** Committed messages, oldest first, without gaps. */
  messages: KnownMessage[];
  /** True once nothing older than `messages[0]` exists. */
  complete: boolean;
  /** Bumped whenever the run restarts, so an older page read for an old run is dropped. */
  generation: number;
  /** The older page being read now, shared by every subscription of the ticket. */
  loading: Promise<void> | undefined;
}

interface OwnMessage {
  readonly ticketId: string;
  readonly doc: MessageDoc;
  /** Set when the server refused the write; cleared by a retry. */
  error: DomainError | undefined;
}

const byPosition = (a: MessagePosition, b: MessagePosition) => comparePositions(a, b);

export class ChatFeed {
  private readonly histories = new Map<string, History>();
  /** Sent from this tab, not yet on the server (sending) or refused by it (failed), by id. */
  private readonly own = new Map<string, OwnMessage>();
  private readonly changeListeners = new Set<() => void>();

  constructor(
    private readonly db: Firestore,
    /** Every write goes through here (connectivity's pending count). */
    private readonly track: <T>(write: Promise<T>) => Promise<T>,
    /** Writes one message (with the writer's rate-limit step); settles when the server has it. */
    private readonly writeMessage: (ticketId: string, messageId: string, message: MessageDoc) => Promise<void>,
  ) {}

  /** Forgets everything of the previous user (sign-out, switch of account). */
  reset() {
    this.histories.clear();
    this.own.clear();
    this.changed();
  }

  private changed() {
    for (const listener of [...this.changeListeners]) listener();
  }

  private history(ticketId: string): History {
    let history = this.histories.get(ticketId);
    if (!history) {
      history = { ticketId, messages: [], complete: false, generation: 0, loading: undefined };
      this.histories.set(ticketId, history);
    }
    return history;
  }

  /** Adds a server snapshot's committed window to the ticket's run. */
  private recordLiveWindow(history: History, live: readonly ReadMessage[], windowIsAll: boolean) {
    const committed = live.filter((m) => !m.pending).map(({ id, at, doc }) => ({ id, at, doc }));
    const newestKnown = history.messages[history.messages.length - 1];
    const oldestLive = committed[0];
    const touches =
      windowIsAll || newestKnown === undefined || oldestLive === undefined || comparePositions(oldestLive, newestKnown) <= 0;
    if (!touches || history.messages.length === 0) {
      if (history.messages.length > 0) history.generation += 1;
      history.messages = committed;
      history.complete = windowIsAll;
      return;
    }
    const known = new Set(history.messages.map((m) => m.id));
    const added = committed.filter((m) => !known.has(m.id));
    if (added.length > 0) history.messages = [...history.messages, ...added].sort(byPosition);
    if (windowIsAll) history.complete = true;
  }

  /** Reads the page before the oldest known message and adds it to the run. */
  private loadOlderPage(history: History): Promise<void> {
    history.loading ??= (async () => {
      const oldest = history.messages[0];
      if (!oldest || history.complete) return;
      const generation = history.generation;
      // From the server: a page from the cache could have holes, and the run must not.
      const snapshot = await getDocsFromServer(messagesBeforeQuery(this.db, history.ticketId, oldest));
      if (history.generation !== generation) return;
      const page = parseEach(snapshot.docs).map(({ id, at, doc }) => ({ id, at, doc }));
      const known = new Set(history.messages.map((m) => m.id));
      history.messages = [...page.filter((m) => !known.has(m.id)), ...history.messages].sort(byPosition);
      if (!pageMayHaveOlder(snapshot.docs.length)) history.complete = true;
    })().finally(() => {
      history.loading = undefined;
    });
    return history.loading;
  }

  subscribe(ticketId: string, olderPages: number, onData: (page: ChatPage) => void, onError: OnError): Unsubscribe {
    const wantsOlder = olderPages > 0;
    const needed = MESSAGE_PAGE_SIZE * (1 + Math.max(0, Math.floor(olderPages)));
    let live: ReadMessage[] | undefined;
    /**
     * The live window held every message of the chat: fewer than a page arrived. A full
     * window may have older messages (or not: finding out would cost a read, so the reader
     * is offered older ones, and a page that comes back short settles it).
     */
    let liveIsAll = false;
    /**
     * While the older pages asked for are being read, nothing goes out: the first page the UI
     * gets already holds them (it keeps the reader's place when they arrive above).
     */
    let filling = false;
    /** The run (generation) the older pages were last read for. */
    let filledGeneration: number | undefined;
    let stopped = false;

    const emit = () => {
      if (stopped || !live || filling) return;
      const history = this.history(ticketId);
      const byId = new Map<string, KnownMessage>(history.messages.map((m) => [m.id, m]));
      for (const m of live) if (!m.pending) byId.set(m.id, m);
      const committed = [...byId.values()].sort(byPosition);
      const shown: ChatMessage[] = committed.slice(-needed).map((m) => ({ ...m.doc, id: m.id, delivery: 'sent' }));
      const pendingIds = new Set<string>();
      for (const m of live) {
        if (!m.pending || this.own.get(m.id)?.error) continue;
        pendingIds.add(m.id);
        shown.push({ ...m.doc, id: m.id, delivery: 'sending' });
      }
      for (const [id, own] of this.own) {
        if (own.ticketId !== ticketId || byId.has(id) || pendingIds.has(id)) continue;
        shown.push({ ...own.doc, id, delivery: own.error ? 'failed' : 'sending' });
      }
      const messages = shown.sort(
        (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      const complete = history.complete || liveIsAll;
      onData({ messages, hasOlder: committed.length > needed || !complete });
    };

    /** Reads older pages until `needed` messages are known, or none are left. */
    const fillOlder = async (history: History) => {
      while (!stopped && !history.complete && history.messages.length > 0 && history.messages.length < needed) {
        const before = history.messages.length;
        await this.loadOlderPage(history);
        if (history.messages.length === before) break; // nothing new (or the run restarted): stop asking
      }
    };

    /** Starts reading older pages once the run has an oldest message to read before. */
    const fillIfNeeded = () => {
      const history = this.history(ticketId);
      if (!wantsOlder || filling || stopped || history.messages.length === 0) return;
      if (filledGeneration === history.generation) return;
      filledGeneration = history.generation;
      filling = true;
      fillOlder(history)
        .catch((error: unknown) => {
          // Offline the older pages wait (the reader can scroll up again); the newest show.
          const offline = typeof error === 'object' && error !== null && 'code' in error && error.code === 'unavailable';
          if (offline) console.warn('Older messages could not be read now.', error);
          else onError(toDomainError(error));
        })
        .finally(() => {
          filling = false;
          emit();
        });
    };

    const onLive = (snapshot: QuerySnapshot<ReadMessage>) => {
      live = parseEach(snapshot.docs);
      liveIsAll = !pageMayHaveOlder(snapshot.docs.length);
      // Only the server's view is gap-free; a snapshot from the cache is shown, not kept.
      if (!snapshot.metadata.fromCache) this.recordLiveWindow(this.history(ticketId), live, liveIsAll);
      fillIfNeeded();
      emit();
    };

    // Re-subscribing with one more page: the run is known already, read the new page now.
    fillIfNeeded();
    const stopLive = onSnapshot(
      newestMessagesQuery(this.db, ticketId),
      { includeMetadataChanges: true },
      onLive,
      (error) =>
        onError(
          toDomainError(error, {
            'permission-denied': 'You cannot read this chat: the ticket belongs to another customer.',
          }),
        ),
    );
    this.changeListeners.add(emit);
    return () => {
      stopped = true;
      this.changeListeners.delete(emit);
      stopLive();
    };
  }

  /** Sends a new message: its id is made at once, the write is not awaited. */
  send(ticketId: string, doc: MessageDoc): PendingWrite {
    return this.deliver(ticketId, newMessageId(this.db, ticketId), doc);
  }

  /** Sends a refused message again under the same id: it can never arrive twice. */
  retry(ticketId: string, messageId: string): PendingWrite {
    const own = this.own.get(messageId);
    if (!own?.error || own.ticketId !== ticketId) throw new DomainError('not-found', 'That message was already sent.');
    return this.deliver(ticketId, messageId, own.doc);
  }

  /** Shows the message as sending at once, then writes it; a refusal keeps it as failed. */
  private deliver(ticketId: string, id: string, doc: MessageDoc): PendingWrite {
    // Throws at once when the writer's rate limit is full: nothing is shown or written.
    const written = this.writeMessage(ticketId, id, doc);
    const own: OwnMessage = { ticketId, doc, error: undefined };
    this.own.set(id, own);
    this.changed();
    const committed = this.track(written).then(
      () => {
        // The server has it: the live listener shows it from now on.
        if (this.own.get(id) === own) this.own.delete(id);
        this.changed();
      },
      (error: unknown) => {
        const domainError = toDomainError(error, {
          'permission-denied': 'This message was not sent: the chat is closed, or you are not part of this ticket.',
        });
        if (this.own.get(id) === own) own.error = domainError;
        this.changed();
        throw domainError;
      },
    );
    committed.catch(() => {}); // the caller decides whether to listen; never unhandled
    return { id, committed };
  }
}
