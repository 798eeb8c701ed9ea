import Dexie, { liveQuery } from 'dexie';
import { DomainError, rateLimits, type Actor, type RateLimits } from '@domain';
import {
  writesOf,
  type AppliedWrite,
  type ClientRequest,
  type DocData,
  type DocumentWrite,
  type RuledRequest,
  type WhereEquals,
  type WriteRequest,
} from '../clientRequest';
import { checkRequest, type DocLookup } from './localRules';
import { LearnedScope, type Scope } from './transactionScope';
import { tableFor, toRow, withoutKey, type LocalDatabase, type TicketRow } from './localDatabase';

/** Indexes that serve "equal to X, newest first" on tickets; mirrors firestore.indexes.json. */
const ticketIndexes = ['customerUid', 'status', 'assigneeUid'] as const;

/** One write of a committed request: as it landed, the document before it, and whether it replaced the whole document. */
export interface Delivered {
  readonly write: AppliedWrite;
  readonly before: DocData | undefined;
  readonly replaces: boolean;
}

/** A write with its transforms resolved against the document before it, as the server resolves them. */
function resolveWrite(write: DocumentWrite, current: DocData | undefined, now: Date): Delivered {
  if (write.method === 'delete') return { write, before: current, replaces: false };
  const data: DocData = { ...write.data };
  for (const [field, transform] of Object.entries(write.transforms ?? {})) {
    if (transform.kind === 'serverTime') data[field] = now;
    else data[field] = (typeof current?.[field] === 'number' ? (current[field] as number) : 0) + transform.by;
  }
  if (write.method === 'set') return { write: { method: current ? 'update' : 'create', path: write.path, data }, before: current, replaces: true };
  return { write: { method: write.method, path: write.path, data }, before: current, replaces: false };
}

/**
 * What a client SDK is to Firestore, this is to IndexedDB: every read and write goes through
 * the local rules first, as the signed-in actor, and is refused with the rule's reason.
 */
export class LocalClient {
  /** Every write's rules read the parent ticket and the writer's profile; other tables are learned. */
  private readonly scope = new LearnedScope(['tickets', 'users']);

  constructor(
    readonly db: LocalDatabase,
    private readonly actor: () => Actor | null,
    /** The rate limits the rules enforce: the desk's, unless a bench build raised them. */
    private readonly limits: RateLimits = rateLimits,
  ) {}

  /** Documents as stored, for the rules of a read (nothing changes, so get and getAfter agree). */
  private storedDocs(): DocLookup {
    const get = (path: string) => this.existing(path);
    return { get, getAfter: get, now: new Date() };
  }

  private async authorize(request: RuledRequest, docs: DocLookup, actor: Actor | null) {
    const decision = await checkRequest(actor, request, docs, this.limits);
    if (!decision.allowed) throw new DomainError('permission-denied', decision.reason);
  }

  private async existing(path: string): Promise<DocData | undefined> {
    const located = tableFor(this.db, path);
    return withoutKey(await located.table.get(located.id), located);
  }

  /** The document at a path as the "server" has it, without any rules: for the outbox and triggers. */
  read(path: string): Promise<DocData | undefined> {
    return this.existing(path);
  }

  /**
   * Carries out one request as the signed-in actor (or `as`, for the outbox delivering a
   * write made earlier); resolves with the document for get, rows for list, and what landed
   * for a write. Server times are `now`.
   */
  async execute(request: ClientRequest, as: Actor | null = this.actor(), now: Date = new Date()): Promise<unknown> {
    if (request.method === 'list') {
      await this.authorize(request, this.storedDocs(), as);
      if (request.collection === 'tickets') return this.listTickets(request.where, request.limit);
      return this.listDocuments(request.collection, request.where, request.limit);
    }
    if (request.method === 'get') {
      await this.authorize(request, this.storedDocs(), as);
      return this.existing(request.path);
    }
    return this.commit(request, as, now);
  }

  /**
   * Commits a write or a batch atomically, as Firestore does: every write is checked by the
   * rules, which see the documents before the request (get) and as the whole request leaves
   * them (getAfter); one refusal refuses all. The transaction locks only the tables written
   * and the ones the rules read (learned; see LearnedScope).
   */
  commit(request: WriteRequest, as: Actor | null, now: Date): Promise<Delivered[]> {
    return this.commitWith([request], [], (commit) => commit(request, as, now));
  }

  /**
   * commit() of any of `requests`, each atomic and checked as commit() does, inside one
   * transaction that also covers the `alongside` tables, for work that must be atomic with
   * the writes (the outbox takes each entry out with its write, several in one go). `body`
   * gets the commit to call; a refusal it catches leaves the transaction usable, as nothing
   * of a request is written before all of it is allowed.
   */
  commitWith<T>(
    requests: readonly WriteRequest[],
    alongside: readonly string[],
    body: (commit: (request: WriteRequest, as: Actor | null, now: Date) => Promise<Delivered[]>) => Promise<T>,
  ): Promise<T> {
    const written = requests.flatMap((request) => writesOf(request).map((write) => tableFor(this.db, write.path).table.name));
    return this.scope.transaction(this.db, [...alongside, ...written], (scope) =>
      body((request, as, now) => this.apply(request, as, now, scope)),
    );
  }

  /** Reads a document within a transaction of the given scope. */
  private async existingWithin(path: string, scope: Scope): Promise<DocData | undefined> {
    scope.require(tableFor(this.db, path).table.name);
    return this.existing(path);
  }

  private async apply(request: WriteRequest, as: Actor | null, now: Date, scope: Scope): Promise<Delivered[]> {
    const stored = new Map<string, DocData | undefined>();
    const get = async (path: string) => {
      if (!stored.has(path)) stored.set(path, await this.existingWithin(path, scope));
      return stored.get(path);
    };
    const after = new Map<string, DocData | undefined>();
    const delivered: Delivered[] = [];
    for (const write of writesOf(request)) {
      const current = after.has(write.path) ? after.get(write.path) : await get(write.path);
      const landed = resolveWrite(write, current, now);
      const { write: applied } = landed;
      after.set(
        write.path,
        applied.method === 'delete' ? undefined : landed.replaces || !current ? applied.data : { ...current, ...applied.data },
      );
      delivered.push(landed);
    }
    const docs: DocLookup = { get, getAfter: async (path) => (after.has(path) ? after.get(path) : get(path)), now };
    for (const { write } of delivered) await this.authorize(write, docs, as);
    for (const { write, replaces } of delivered) {
      const located = tableFor(this.db, write.path);
      scope.require(located.table.name);
      if (write.method === 'delete') await located.table.delete(located.id);
      else if (write.method === 'create' || replaces) await located.table.put(toRow(located, write.data));
      else await located.table.update(located.id, write.data);
    }
    return delivered;
  }

  /** Tickets equal to the filters, newest first: the shape every ticket list takes. */
  listTickets(where: readonly WhereEquals[], limit: number): Promise<TicketRow[]> {
    const [indexed, ...rest] = where;
    const matchesRest = (row: TicketRow) =>
      rest.every(([field, , value]) => (row as Record<string, unknown>)[field] === value);
    if (indexed && (ticketIndexes as readonly string[]).includes(indexed[0])) {
      const [field, , value] = indexed;
      return this.db.tickets
        .where(`[${field}+createdAt]`)
        .between([value, Dexie.minKey], [value, Dexie.maxKey])
        .reverse()
        .filter(matchesRest)
        .limit(limit)
        .toArray();
    }
    return this.db.tickets
      .orderBy('createdAt')
      .reverse()
      .filter((row) => where.every(([field, , value]) => (row as Record<string, unknown>)[field] === value))
      .limit(limit)
      .toArray();
  }

  /** Documents of any other collection (a subcollection, or the `reads` collection group). */
  private async listDocuments(collection: string, where: readonly WhereEquals[], limit: number) {
    const group: Record<string, string> = { reads: 'tickets/_/reads/_', viewers: 'presence/_/viewers/_' };
    const groupPath = group[collection];
    const located = tableFor(this.db, groupPath ?? `${collection}/_`);
    const parent = groupPath ? {} : located.parent;
    const rows = await located.table
      .filter(
        (row) =>
          Object.entries(parent).every(([field, value]) => row[field] === value) &&
          where.every(([field, , value]) => row[field] === value),
      )
      .limit(limit)
      .toArray();
    return rows.map((row) => withoutKey(row, located));
  }

  /**
   * A realtime read: the rules check once (as Firestore checks a listener's query once), then
   * every change in any tab re-runs the query. Returns the unsubscribe.
   */
  watch<T>(
    request: Extract<ClientRequest, { method: 'get' | 'list' }>,
    read: () => Promise<T>,
    onData: (value: T) => void,
    onError: (error: Error) => void,
  ): () => void {
    let subscription: { unsubscribe(): void } | undefined;
    let cancelled = false;
    const start = async () => {
      await this.authorize(request, this.storedDocs(), this.actor());
      if (cancelled) return;
      subscription = liveQuery(read).subscribe({ next: onData, error: onError });
    };
    start().catch((error: Error) => {
      if (!cancelled) onError(error);
    });
    return () => {
      cancelled = true;
      subscription?.unsubscribe();
    };
  }
}
