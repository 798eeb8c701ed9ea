import type { Connectivity } from '../port';

/**
 * The local backend's model of a network connection: while offline, writes wait here in
 * order (as Firestore keeps pending writes) and their `committed` promise stays unsettled;
 * back online they go out one by one, each settling as the "server" (the local rules)
 * accepts or refuses it.
 */
export interface OutboxEntry {
  readonly send: () => Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class Outbox {
  private readonly queue: OutboxEntry[] = [];
  private flushing = false;
  private readonly listeners = new Set<() => void>();

  constructor(private online: boolean) {}

  get isOnline(): boolean {
    return this.online;
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  connectivity(): Connectivity {
    if (!this.online) return 'offline';
    return this.queue.length > 0 || this.flushing ? 'syncing' : 'online';
  }

  /** Called on every change of connectivity or of what is pending. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private changed() {
    for (const listener of [...this.listeners]) listener();
  }

  setOnline(online: boolean) {
    if (this.online === online) return;
    this.online = online;
    this.changed();
    if (online) void this.flush();
  }

  /** Sends now when online and nothing is queued before it; otherwise waits its turn. */
  submit(send: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ send, resolve, reject });
      this.changed();
      if (this.online) void this.flush();
    });
  }

  private async flush() {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.online && this.queue.length > 0) {
        const entry = this.queue[0]!;
        try {
          await entry.send();
          entry.resolve();
        } catch (error) {
          entry.reject(error);
        }
        this.queue.shift();
        this.changed();
      }
    } finally {
      this.flushing = false;
      this.changed();
    }
  }
}
