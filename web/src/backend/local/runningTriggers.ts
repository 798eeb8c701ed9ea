/**
 * The local triggers still running, so that closing the backend waits for them rather than
 * cutting them off. A trigger that fails is logged: it runs again when the app next starts
 * (catchUp; handlers are idempotent, like at-least-once triggers).
 */
export class RunningTriggers {
  private readonly running = new Set<Promise<void>>();

  /** Follows one trigger run; the promise settles when it has, never rejecting. */
  track(trigger: Promise<void>): Promise<void> {
    const settled = trigger.catch(logTriggerFailure).finally(() => this.running.delete(settled));
    this.running.add(settled);
    return settled;
  }

  /** Settles once no trigger runs (including any a running one set off). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}

export function logTriggerFailure(error: unknown): void {
  console.error('A local trigger failed; it runs again when the app next starts.', error);
}
