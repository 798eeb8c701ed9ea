import { liveQuery } from 'dexie';
import { DomainError, type Actor, type DomainErrorCode } from '@domain';
import type { Connectivity } from '../port';
import { writesOf, type AppliedWrite, type DocData, type WriteRequest } from '../clientRequest';
import type { LocalClient } from './localClient';
import type { LocalDatabase, OutboxRow } from './localDatabase';

/**
 * The local backend's model of the network, kept in IndexedDB like Firestore's pending
 * writes: a write made offline waits here, in order, survives a reload, and is delivered
 * exactly once by a tab of the same user that is online. Delivery stamps the "server" time
 * (as serverTimestamp() does), runs the local rules as the writer, then the triggers.
 */

/** Runs the triggers for a delivered write; `before` is the document as it was. */
export type AfterDelivery = (write: AppliedWrite, before: DocData | undefined, actorUid: string) => Promise<void>;

const isChatMessage = (request: WriteRequest) =>
  writesOf(request).some((write) => write.method === 'create' && /^tickets\/[^/]+\/messages\/[^/]+$/.test(write.path));

/** An entry claimed by a tab that vanished mid-delivery is offered again after this. */
const STALE_CLAIM_MS = 15_000;

export class Outbox {
  private online: boolean;
  private flushing = false;
  private pendingOfViewer = 0;
  private readonly listeners = new Set<() => void>();
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: unknown) => void }>();
  private readonly stopWatching: () => void;

  constructor(
    private readonly db: LocalDatabase,
    private readonly client: LocalClient,
    private readonly actorOf: (uid: string) => Promise<Actor | null>,
    private readonly viewerUid: () => string | null,
    private readonly afterDelivery: AfterDelivery,
    private readonly now: () => Date,
    online: boolean,
  ) {
    this.online = online;
    // Every tab watches the shared outbox: to settle its own writes' promises, to count what
    // is still to send, and to deliver what another tab queued.
    const subscription = liveQuery(() => this.db.outbox.toArray()).subscribe({
      next: (rows) => this.observe(rows),
      error: (error) => console.error('The outbox could not be read.', error),
    });
    this.stopWatching = () => subscription.unsubscribe();
  }

  connectivity(): Connectivity {
    if (!this.online) return 'offline';
    return this.pendingOfViewer > 0 ? 'syncing' : 'online';
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private changed() {
    for (const listener of [...this.listeners]) listener();
  }

  /** A user signed in to this tab: deliver what they left queued (e.g. before a reload). */
  resume() {
    if (this.online) void this.flush();
  }

  setOnline(online: boolean) {
    if (this.online === online) return;
    this.online = online;
    this.changed();
    if (online) void this.flush();
  }

  /**
   * Queues a write and returns a promise that settles when it is delivered (or refused).
   * Offline it stays unsettled, as a Firestore write's promise does.
   */
  async submit(request: WriteRequest, actorUid: string): Promise<void> {
    const seq = (await this.db.outbox.add({
      request,
      actorUid,
      state: 'pending',
      claimedAt: null,
      error: null,
    } as OutboxRow)) as number;
    const settled = new Promise<void>((resolve, reject) => this.waiting.set(seq, { resolve, reject }));
    // Another tab may have delivered it between the add and now.
    void this.db.outbox.toArray().then((rows) => this.observe(rows));
    if (this.online) void this.flush();
    return settled;
  }

  /** Sends a refused write again, as `request` now (a failed chat message's Retry), keeping its place in line. */
  async retry(seq: number, request: WriteRequest): Promise<void> {
    const settled = new Promise<void>((resolve, reject) => this.waiting.set(seq, { resolve, reject }));
    await this.db.outbox.update(seq, { request, state: 'pending', error: null, claimedAt: null });
    if (this.online) void this.flush();
    return settled;
  }

  /** Forgets a refused write for good. */
  async discard(seq: number): Promise<void> {
    await this.db.outbox.delete(seq);
  }

  private observe(rows: OutboxRow[]) {
    const viewer = this.viewerUid();
    const present = new Map(rows.map((row) => [row.seq!, row]));
    for (const [seq, waiter] of this.waiting) {
      const row = present.get(seq);
      if (!row) {
        this.waiting.delete(seq);
        waiter.resolve();
      } else if (row.state === 'failed') {
        this.waiting.delete(seq);
        // A refused chat message stays, shown as failed with Retry; any other refused write
        // is dropped, as Firestore drops it from its cache.
        if (!isChatMessage(row.request)) void this.discard(seq);
        waiter.reject(new DomainError((row.error?.code ?? 'permission-denied') as DomainErrorCode, row.error?.message ?? 'The write was refused.'));
      }
    }
    this.pendingOfViewer = rows.filter((row) => row.actorUid === viewer && row.state !== 'failed').length;
    this.changed();
    if (this.online && rows.some((row) => row.state === 'pending' && row.actorUid === viewer)) void this.flush();
  }

  /** Delivers pending entries one at a time, oldest first, across all tabs. */
  private async flush() {
    if (this.flushing || this.closed) return;
    this.flushing = true;
    try {
      while (this.online && !this.closed) {
        const entry = await this.claimNext();
        if (!entry) break;
        await this.deliver(entry);
      }
    } catch (error) {
      console.error('Delivering queued writes stopped; it resumes with the next change.', error);
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Takes the signed-in user's oldest pending entry, unless another tab is delivering one of
   * theirs right now. Like Firestore's pending writes, a user's writes go out only under
   * that user's own session.
   */
  private claimNext(): Promise<OutboxRow | undefined> {
    const viewer = this.viewerUid();
    if (viewer === null) return Promise.resolve(undefined);
    return this.db.transaction('rw', this.db.outbox, async () => {
      const rows = (await this.db.outbox.toArray()).filter((row) => row.actorUid === viewer);
      const now = Date.now();
      const inFlight = rows.find((row) => row.state === 'sending' && now - (row.claimedAt ?? 0) < STALE_CLAIM_MS);
      if (inFlight) return undefined;
      const next = rows.find((row) => row.state === 'pending' || row.state === 'sending');
      if (!next) return undefined;
      await this.db.outbox.update(next.seq!, { state: 'sending', claimedAt: now });
      return next;
    });
  }

  private async deliver(entry: OutboxRow) {
    // Delivered already by a tab that stopped before clearing the entry: exactly once.
    // (A create of a document that exists can only be this write's own earlier delivery:
    // ids are random.)
    for (const write of writesOf(entry.request)) {
      if (write.method === 'create' && (await this.client.read(write.path)) !== undefined) {
        await this.db.outbox.delete(entry.seq!);
        return;
      }
    }
    let delivered;
    try {
      delivered = await this.client.commit(entry.request, await this.actorOf(entry.actorUid), this.now());
    } catch (error) {
      const refusal = error instanceof DomainError ? error : new DomainError('permission-denied', String(error));
      await this.db.outbox.update(entry.seq!, {
        state: 'failed',
        error: { code: refusal.code, message: refusal.message },
        claimedAt: null,
      });
      return;
    }
    await this.db.outbox.delete(entry.seq!);
    // Like Cloud Function triggers: after the write, not part of it (and not waited for).
    for (const { write, before } of delivered) void this.afterDelivery(write, before, entry.actorUid);
  }

  /** Settles when no delivery is under way in this tab (tests close the database after it). */
  async idle(): Promise<void> {
    while (this.flushing) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private closed = false;

  close() {
    this.closed = true;
    this.stopWatching();
  }
}
