import Dexie, { liveQuery } from 'dexie';
import { DomainError, type Actor } from '@domain';
import type { ClientRequest, DocData, WhereEquals } from './clientRequest';
import { checkRequest, parentTicketPath } from './localRules';
import { tableFor, toRow, withoutKey, type LocalDatabase, type TicketRow } from './localDatabase';

/** Indexes that serve "equal to X, newest first" on tickets; mirrors firestore.indexes.json. */
const ticketIndexes = ['customerUid', 'status', 'assigneeUid'] as const;

/**
 * What a client SDK is to Firestore, this is to IndexedDB: every read and write goes through
 * the local rules first, as the signed-in actor, and is refused with the rule's reason.
 */
export class LocalClient {
  constructor(
    readonly db: LocalDatabase,
    private readonly actor: () => Actor | null,
  ) {}

  /** Checks the request as the actor; requests under tickets/{id}/… see the parent ticket, as the rules' get() does. */
  private async authorize(request: ClientRequest, existing: DocData | undefined, actor: Actor | null = this.actor()) {
    const parentPath = parentTicketPath(request);
    const parent = parentPath === undefined ? undefined : await this.existing(parentPath);
    const decision = checkRequest(actor, request, existing, parent);
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
   * write made earlier); resolves with the document for get, rows for list.
   */
  async execute(request: ClientRequest, as: Actor | null = this.actor()): Promise<unknown> {
    if (request.method === 'list') {
      await this.authorize(request, undefined, as);
      if (request.collection === 'tickets') return this.listTickets(request.where, request.limit);
      return this.listDocuments(request.collection, request.where, request.limit);
    }
    return this.db.transaction('rw', this.db.tables, async () => {
      const existing = await this.existing(request.path);
      await this.authorize(request, existing, as);
      const located = tableFor(this.db, request.path);
      switch (request.method) {
        case 'get':
          return existing;
        case 'create':
          await located.table.add(toRow(located, request.data));
          return undefined;
        case 'update':
          await located.table.update(located.id, request.data);
          return undefined;
        case 'delete':
          await located.table.delete(located.id);
          return undefined;
      }
    });
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
    const located = collection === 'reads' ? tableFor(this.db, 'tickets/_/reads/_') : tableFor(this.db, `${collection}/_`);
    const parent = collection === 'reads' ? {} : located.parent;
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
    request: ClientRequest,
    read: () => Promise<T>,
    onData: (value: T) => void,
    onError: (error: Error) => void,
  ): () => void {
    let subscription: { unsubscribe(): void } | undefined;
    let cancelled = false;
    const start = async () => {
      const existing = request.method === 'list' ? undefined : await this.existing(request.path);
      await this.authorize(request, existing);
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
