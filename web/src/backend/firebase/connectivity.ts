import type { Connectivity } from '../port';

/**
 * Whether this tab reaches the backend and still has writes to send. The browser says when
 * the network is gone (navigator.onLine and its online/offline events); every client write of
 * the adapter passes through `track`, so "syncing" lasts exactly while one has not settled
 * (offline a Firestore write settles only once it reaches the server).
 */
export class ConnectivityTracker {
  private pending = 0;
  private online: boolean;
  private readonly listeners = new Set<(state: Connectivity) => void>();
  private last: Connectivity;

  constructor() {
    this.online = typeof navigator === 'undefined' || navigator.onLine !== false;
    if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
      window.addEventListener('online', () => this.setOnline(true));
      window.addEventListener('offline', () => this.setOnline(false));
    }
    this.last = this.state();
  }

  state(): Connectivity {
    if (!this.online) return 'offline';
    return this.pending > 0 ? 'syncing' : 'online';
  }

  subscribe(onData: (state: Connectivity) => void): () => void {
    this.listeners.add(onData);
    onData(this.state());
    return () => void this.listeners.delete(onData);
  }

  /** Counts a write as pending until it settles; hands the same promise back. */
  track<T>(write: Promise<T>): Promise<T> {
    this.pending += 1;
    this.changed();
    const settle = () => {
      this.pending -= 1;
      this.changed();
    };
    write.then(settle, settle);
    return write;
  }

  private setOnline(online: boolean) {
    this.online = online;
    this.changed();
  }

  private changed() {
    const next = this.state();
    if (next === this.last) return;
    this.last = next;
    for (const listener of [...this.listeners]) listener(next);
  }
}
