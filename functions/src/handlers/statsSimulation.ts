import { rebuildStats, statsDocSchema, ticketDocSchema, ticketEventSchema, type TicketDoc } from '../domain/index.js';
import type { MemoryStore } from '../store/memoryStore.js';
import type { DocData } from '../store/port.js';
import { handleTicketCreated } from './handleTicketCreated.js';
import { revertBrokenEdit } from './revertBrokenEdit.js';
import { reviewTicketChange } from './reviewTicketChange.js';
import { updateTicketStats, type TicketWrite } from './updateTicketStats.js';

/**
 * The Firestore triggers of a desk over a MemoryStore, for the stats tests: every write of
 * a ticket (a client's, the console's, or a function's own) becomes an event with its own
 * id, which runs what the deployed functions run on it: the review (or the repair of a
 * broken edit) and the stats. Events are kept, so a test can deliver one again.
 */
export class DeskSimulation {
  private eventCount = 0;
  /** Event ids start with it: a second simulation of one store names its events apart. */
  idPrefix = "ev";
  readonly delivered: { ticketId: string; write: TicketWrite; actorUid: string | null }[] = [];
  constructor(
    readonly store: MemoryStore,
    public now: Date,
  ) {}

  private ticket(ticketId: string): DocData | undefined {
    return this.store.read(`tickets/${ticketId}`);
  }

  /** A customer opens a ticket; its creation trigger runs, then whatever that trigger changed. */
  async create(ticketId: string, doc: TicketDoc): Promise<void> {
    this.store.write(`tickets/${ticketId}`, doc);
    await this.deliver(ticketId, { eventId: this.nextId(), before: undefined, after: doc, now: this.now }, null);
    const seen = this.ticket(ticketId);
    await handleTicketCreated(this.store, ticketId, { now: this.now, random: () => 0 });
    await this.echo(ticketId, seen);
  }

  /** A write of a ticket by a client (actorUid) or the console (null), without any rules in the way. */
  async edit(ticketId: string, change: DocData, actorUid: string | null): Promise<void> {
    const before = this.ticket(ticketId);
    if (before === undefined) return;
    const after = { ...before, ...change, ...(actorUid ? { updatedAt: this.now, updatedBy: actorUid } : {}) };
    this.store.write(`tickets/${ticketId}`, after);
    await this.deliver(ticketId, { eventId: this.nextId(), before, after, now: this.now }, actorUid);
  }

  /** Delivers an event delivered before, once more (triggers are at least once). */
  async redeliver(index: number): Promise<void> {
    const event = this.delivered[index % this.delivered.length];
    if (event) await this.run(event.ticketId, event.write, event.actorUid);
  }

  private async deliver(ticketId: string, write: TicketWrite, actorUid: string | null): Promise<void> {
    this.delivered.push({ ticketId, write, actorUid });
    await this.run(ticketId, write, actorUid);
  }

  private async run(ticketId: string, write: TicketWrite, actorUid: string | null): Promise<void> {
    const seen = this.ticket(ticketId);
    const before = ticketDocSchema.safeParse(write.before);
    const after = ticketDocSchema.safeParse(write.after);
    const deps = { now: write.now, changeKey: write.eventId };
    if (before.success && !after.success) await revertBrokenEdit(this.store, ticketId, before.data, write.after, { uid: actorUid }, deps);
    else if (before.success && after.success) await reviewTicketChange(this.store, ticketId, before.data, after.data, { uid: actorUid }, deps);
    await updateTicketStats(this.store, ticketId, write);
    await this.echo(ticketId, seen);
  }

  /** A function's own write of the ticket comes back through the triggers, as on Firestore. */
  private async echo(ticketId: string, seen: DocData | undefined): Promise<void> {
    const now = this.ticket(ticketId);
    if (JSON.stringify(now) === JSON.stringify(seen)) return;
    await this.deliver(ticketId, { eventId: this.nextId(), before: seen, after: now, now: this.now }, null);
  }

  private nextId(): string {
    return `${this.idPrefix}${++this.eventCount}`;
  }
}

/** A stats document as a reader sees it, its zero counts left out (a count taken back leaves a 0). */
function withoutZeros(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const kept = Object.entries(value)
    .map(([key, v]) => [key, withoutZeros(v)] as const)
    .filter(([, v]) => v !== 0 && !(v !== null && typeof v === 'object' && !(v instanceof Date) && Object.keys(v).length === 0));
  return Object.fromEntries(kept);
}

/** The stats documents held, by id, as readers see them. */
export function heldStats(store: MemoryStore): Record<string, unknown> {
  const docs = store.list('stats').map(({ id, data }) => [id, withoutZeros(statsDocSchema.parse(data))] as const);
  return Object.fromEntries(docs.filter(([id, doc]) => id === 'summary' || Object.keys(doc as object).some((key) => key === 'days' || key === 'counts')));
}

/** The stats documents a rebuild from the stored tickets and audit trails makes, as readers see them. */
export function rebuiltStats(store: MemoryStore): Record<string, unknown> {
  const tickets = store.list('tickets').flatMap(({ id, data }) => {
    const parsed = ticketDocSchema.safeParse(data);
    return parsed.success ? [{ id, ticket: parsed.data }] : [];
  });
  const events = tickets.flatMap(({ id }) =>
    store.list(`tickets/${id}/events`).map((event) => ({ ticketId: id, id: event.id, event: ticketEventSchema.parse(event.data) })),
  );
  const { stats } = rebuildStats(tickets, events);
  const docs = Object.entries(stats).map(([id, doc]) => [id, withoutZeros(doc)] as const);
  return Object.fromEntries(docs.filter(([id, doc]) => id === 'summary' || Object.keys(doc as object).some((key) => key === 'days' || key === 'counts')));
}
