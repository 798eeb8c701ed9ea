/**
 * The local stand-in for Cloud Scheduler: runs the scheduled functions' handlers on a timer
 * in every open tab (they are idempotent, so two tabs running them at once record each
 * thing once), and once at start, as a catch-up for the time no tab was open.
 */
export class LocalSchedule {
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;

  constructor(
    private readonly run: () => Promise<void>,
    private readonly everyMs: number,
  ) {}

  start(): void {
    if (this.timer !== undefined || this.stopped) return;
    void this.run();
    this.timer = setInterval(() => void this.run(), this.everyMs);
  }

  /** For good: a start after it does nothing (the backend is closing). */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
