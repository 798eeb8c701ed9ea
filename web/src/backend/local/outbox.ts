import Dexie, { liveQuery } from 'dexie';
import { DomainError, type Actor, type DomainErrorCode } from '@domain';
import type { Connectivity } from '../port';
import { writesOf, type WriteRequest } from '../clientRequest';
import type { Delivered, LocalClient } from './localClient';
import { outboxTargets, type LocalDatabase, type OutboxRow } from './localDatabase';

/**
 * The local backend's model of the network, kept in IndexedDB like Firestore's pending
 * writes: a write made offline waits here, in order, survives a reload, and is delivered
 * exactly once by a tab of the same user that is online. Delivery stamps the "server" time
 * (as serverTimestamp() does), runs the local rules as the writer, then the triggers.
 *
 * Exactly once, in order: an entry is taken out in the same transaction that commits its
 * write, so a tab that dies mid-delivery leaves it untouched (IndexedDB aborts the
 * transaction) and the next tab delivers it. Which tab of a user delivers is settled by a
 * Web Lock per user: the browser hands it to the next waiting tab the moment its holder
 * closes, reloads or crashes. Without Web Locks (Node tests), tabs deliver side by side and
 * the transactions alone keep it exactly once.
 */

/** Runs the triggers of writes delivered together, in order; `before` is each document as it was. */
export type AfterDelivery = (delivered: readonly Delivered[], actorUid: string) => Promise<void>;

const isChatMessage = (request: WriteRequest) =>
  writesOf(request).some((write) => write.method === 'create' && /^tickets\/[^/]+\/messages\/[^/]+$/.test(write.path));

/** Where a write made in this tab went: out at once, refused at once, or in line as entry `queued`. */
type Placement = { delivered: Delivered[] } | { refused: DomainError } | { queued: Promise<void> };

/** Every outbox entry of one writer, oldest first (the `[actorUid+seq]` index). */
export const entriesOf = (db: LocalDatabase, actorUid: string) =>
  db.outbox.where('[actorUid+seq]').between([actorUid, Dexie.minKey], [actorUid, Dexie.maxKey]);

/** How many queued entries one delivery transaction takes at most. */
const DELIVERY_BATCH = 50;
/** Every delivery takes entries out of the outbox and checks its writer's account (verified email: staff rights). */
const DELIVERY_TABLES = ['outbox', 'accounts'];

const pendingOf = (db: LocalDatabase, actorUid: string) => entriesOf(db, actorUid).filter((row) => row.state === 'pending');

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}
const lockManager = (): LockManagerLike | undefined =>
  (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;

export class Outbox {
  private online: boolean;
  /** This tab is delivering, or waiting for the user's lock to deliver. */
  private draining = false;
  /** Something changed while draining: look once more before letting go of the lock. */
  private lookAgain = false;
  private closed = false;
  /** Writes made in this tab that have not yet gone out or into line (see placeAll). */
  private readonly unplaced: { row: OutboxRow; resolve: (placement: Placement) => void; reject: (error: unknown) => void }[] = [];
  private placing = false;
  private pendingOfViewer = 0;
  private readonly listeners = new Set<() => void>();
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: unknown) => void }>();
  private watched: { uid: string | null; stop: () => void } = { uid: null, stop: () => {} };

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

  /**
   * A user signed in to this tab (or out): watch their entries only, to settle this tab's
   * promises, count what is still to send, and deliver what another tab of theirs queued.
   */
  resume() {
    const uid = this.viewerUid();
    if (this.closed || uid === this.watched.uid) return;
    this.watched.stop();
    this.pendingOfViewer = 0;
    this.changed();
    if (uid === null) {
      this.watched = { uid, stop: () => {} };
      return;
    }
    const subscription = liveQuery(() => entriesOf(this.db, uid).toArray()).subscribe({
      next: (rows) => this.observe(rows),
      error: (error) => console.error('The outbox could not be read.', error),
    });
    this.watched = { uid, stop: () => subscription.unsubscribe() };
  }

  setOnline(online: boolean) {
    if (this.online === online) return;
    this.online = online;
    this.changed();
    if (online) void this.flush();
  }

  /**
   * Queues a write and returns a promise that settles when it is delivered (or refused).
   * Offline it stays unsettled, as a Firestore write's promise does. Online, with nothing of
   * the writer's in line and no other tab of theirs delivering, a write made on its own goes
   * out at once: one transaction that writes it (durable from then on, like Firestore's local
   * write) or, if something got in line meanwhile, queues it behind. Writes made together (a
   * burst of messages) take their places in line in one transaction and go out in batches.
   */
  async submit(request: WriteRequest, actorUid: string): Promise<void> {
    const row: OutboxRow = { request, actorUid, targets: outboxTargets(actorUid, request), state: 'pending', error: null };
    const outcome = await new Promise<Placement>((resolve, reject) => {
      this.unplaced.push({ row, resolve, reject });
      if (this.unplaced.length === 1 && !this.placing) queueMicrotask(() => void this.placeAll());
    });
    if ('delivered' in outcome) {
      void this.afterDelivery(outcome.delivered, actorUid);
      return;
    }
    if ('refused' in outcome) throw outcome.refused;
    if (this.online) void this.flush();
    return outcome.queued;
  }

  /** Places the writes made so far, in the order made: alone and able to go, at once; otherwise in line together. */
  private async placeAll() {
    this.placing = true;
    try {
      while (this.unplaced.length > 0) {
        const batch = this.unplaced.splice(0);
        const [only] = batch;
        try {
          if (batch.length === 1 && only && this.online && !this.closed && only.row.actorUid === this.viewerUid()) {
            only.resolve((await this.sendAtOnce(only.row)) ?? { queued: this.settlementOf((await this.db.outbox.add(only.row)) as number) });
          } else {
            const seqs = (await this.db.outbox.bulkAdd(batch.map((entry) => entry.row), { allKeys: true })) as number[];
            const settlements = this.settlementsOf(seqs);
            batch.forEach((entry, index) => entry.resolve({ queued: settlements[index]! }));
          }
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.placing = false;
    }
  }

  /** The write at once, if it may go now; otherwise undefined (queue it). */
  private async sendAtOnce(row: OutboxRow): Promise<Placement | undefined> {
    const attempt = () =>
      this.client.commitWith<Exclude<Placement, { queued: unknown }> | { queuedAs: number }>([row.request], DELIVERY_TABLES, async (commit) => {
        // The writer's earlier writes go first: behind them, this one waits in line too.
        if (await pendingOf(this.db, row.actorUid).first()) return { queuedAs: (await this.db.outbox.add(row)) as number };
        try {
          return { delivered: await commit(row.request, await this.actorOf(row.actorUid), this.now()) };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          // A refused chat message stays, shown as failed with Retry (see observe).
          if (isChatMessage(row.request)) await this.db.outbox.add({ ...row, state: 'failed', error: { code: error.code, message: error.message } });
          return { refused: error };
        }
      });
    const locks = lockManager();
    // Another tab of the writer delivering holds the lock: queue rather than wait for it.
    const outcome = await (locks ? locks.request(this.lockName(row.actorUid), { ifAvailable: true }, (lock) => (lock ? attempt() : Promise.resolve(undefined))) : attempt());
    return outcome && 'queuedAs' in outcome ? { queued: this.settlementOf(outcome.queuedAs) } : outcome;
  }

  private lockName(uid: string) {
    return `${this.db.name}/outbox/${uid}`;
  }

  /**
   * Replaces the data of a pending write still waiting in line, or queues the write if there
   * is none: one entry per thing, however often it is written before it goes out (read markers).
   */
  async submitOrReplace(request: WriteRequest, actorUid: string, sameThing: (queued: WriteRequest) => boolean): Promise<void> {
    const targets = outboxTargets(actorUid, request);
    const seq = await this.db.transaction('rw', this.db.outbox, async () => {
      const queued = await this.db.outbox
        .where('targets')
        .equals(targets[0] ?? '')
        .filter((row) => row.state === 'pending' && row.actorUid === actorUid && sameThing(row.request))
        .first();
      if (!queued) return (await this.db.outbox.add({ request, actorUid, targets, state: 'pending', error: null })) as number;
      await this.db.outbox.update(queued.seq!, { request });
      return queued.seq!;
    });
    const settled = this.settlementOf(seq);
    if (this.online) void this.flush();
    return settled;
  }

  /** A promise for each entry's fate. */
  private settlementsOf(seqs: readonly number[]): Promise<void>[] {
    const settlements = seqs.map(
      (seq) =>
        new Promise<void>((resolve, reject) => {
          const earlier = this.waiting.get(seq);
          this.waiting.set(seq, {
            resolve: () => (earlier?.resolve(), resolve()),
            reject: (error) => (earlier?.reject(error), reject(error)),
          });
        }),
    );
    // Delivered by another tab before this one started waiting: the watcher may never see it.
    void this.db.outbox.bulkGet([...seqs]).then((rows) =>
      rows.forEach((row, index) => {
        if (row) return;
        this.waiting.get(seqs[index]!)?.resolve();
        this.waiting.delete(seqs[index]!);
      }),
    );
    return settlements;
  }

  private settlementOf(seq: number): Promise<void> {
    return this.settlementsOf([seq])[0]!;
  }

  /** Sends a refused write again, as `request` now (a failed chat message's Retry), keeping its place in line. */
  async retry(seq: number, request: WriteRequest): Promise<void> {
    const settled = this.settlementOf(seq);
    await this.db.transaction('rw', this.db.outbox, async () => {
      const row = await this.db.outbox.get(seq);
      if (row) await this.db.outbox.update(seq, { request, targets: outboxTargets(row.actorUid, request), state: 'pending', error: null });
    });
    if (this.online) void this.flush();
    return settled;
  }

  /** Forgets a refused write for good. */
  async discard(seq: number): Promise<void> {
    await this.db.outbox.delete(seq);
  }

  private observe(rows: OutboxRow[]) {
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
    const pending = rows.filter((row) => row.state === 'pending').length;
    if (pending !== this.pendingOfViewer) {
      this.pendingOfViewer = pending;
      this.changed();
    }
    if (pending > 0) void this.flush();
  }

  /** Delivers the signed-in user's pending entries, oldest first, holding their lock. */
  private async flush() {
    const uid = this.viewerUid();
    if (!this.online || this.closed || uid === null) return;
    if (this.draining) {
      this.lookAgain = true;
      return;
    }
    this.draining = true;
    const goOn = () => this.online && !this.closed && this.viewerUid() === uid;
    const drain = async () => {
      do {
        this.lookAgain = false;
        while (goOn()) {
          const batch = await this.deliverNext(uid);
          if (!batch) break;
          // Like Cloud Function triggers: after the writes, not part of them (nor waited for).
          if (batch.length > 0) void this.afterDelivery(batch, uid);
        }
      } while (this.lookAgain && goOn());
    };
    try {
      const locks = lockManager();
      await (locks ? locks.request(this.lockName(uid), drain) : drain());
    } catch (error) {
      console.error('Delivering queued writes stopped; it resumes with the next change.', error);
    } finally {
      this.draining = false;
    }
  }

  /**
   * Delivers the user's oldest pending entries, up to a batch, in one transaction (each
   * entry its own write, checked on its own: a refusal fails that entry alone): what landed,
   * or undefined if nothing was in line. A burst of messages goes out in a few transactions,
   * not one per message.
   */
  private async deliverNext(uid: string): Promise<Delivered[] | undefined> {
    const heads = await pendingOf(this.db, uid).limit(DELIVERY_BATCH).toArray();
    if (heads.length === 0) return undefined;
    // Taking the entries out, the rules' reads and the writes: one transaction.
    const delivered = await this.client.commitWith(
      heads.map((head) => head.request),
      DELIVERY_TABLES,
      async (commit) => {
        // Still in line as they were? (Another tab may have delivered some where there are no
        // Web Locks, a Retry may have put an older entry back, a read marker may have moved.)
        const current = await pendingOf(this.db, uid).limit(heads.length).toArray();
        const actor = await this.actorOf(uid);
        const landed: Delivered[] = [];
        for (const [index, head] of heads.entries()) {
          const queued = current[index];
          if (!queued || queued.seq !== head.seq || JSON.stringify(queued.request) !== JSON.stringify(head.request)) break;
          try {
            landed.push(...(await commit(head.request, actor, this.now())));
            await this.db.outbox.delete(head.seq!);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            await this.db.outbox.update(head.seq!, { state: 'failed', error: { code: error.code, message: error.message } });
          }
        }
        return landed;
      },
    );
    return delivered;
  }

  /** Settles when no delivery is under way in this tab (tests close the database after it). */
  async idle(): Promise<void> {
    while (this.draining) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  close() {
    this.closed = true;
    this.watched.stop();
  }
}
