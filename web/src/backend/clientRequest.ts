/**
 * A client request as security rules see it: a method on a path, with the data it writes or
 * the equality filters it lists with. The local backend routes every client read and write
 * through `checkRequest` in this shape, and the authorization matrix states its operations
 * in it, so one table drives both the local rules and firestore.rules.
 */
export type DocData = Record<string, unknown>;
export type WhereEquals = readonly [field: string, op: '==', value: unknown];

/**
 * What the server does to a field as the write lands, as Firestore's FieldValue transforms:
 * `serverTime` is serverTimestamp() (the rules see request.time), `increment` adds to the
 * stored number (the rules see the sum). The data may carry an estimate for the same field,
 * which is what a tab shows until the write lands.
 */
export type FieldTransform = { readonly kind: 'serverTime' } | { readonly kind: 'increment'; readonly by: number };
export type FieldTransforms = Readonly<Record<string, FieldTransform>>;

export const serverTime: FieldTransform = { kind: 'serverTime' };
export const increment = (by: number): FieldTransform => ({ kind: 'increment', by });

/** One document write. `set` creates or replaces: the rules see a create or an update, as the document exists. */
export type DocumentWrite =
  | { method: 'create'; path: string; data: DocData; transforms?: FieldTransforms }
  | { method: 'update'; path: string; data: DocData; transforms?: FieldTransforms }
  | { method: 'set'; path: string; data: DocData; transforms?: FieldTransforms }
  | { method: 'delete'; path: string };

/** Writes that commit together or not at all (Firestore's writeBatch); each is checked against the batch's result. */
export interface BatchWrite {
  readonly method: 'batch';
  readonly writes: readonly DocumentWrite[];
}

export type ClientRequest =
  | { method: 'get'; path: string }
  | {
      method: 'list';
      /** A collection path (`tickets`, `tickets/{id}/messages`), or with `collectionGroup` a collection id (`reads`). */
      collection: string;
      where: readonly WhereEquals[];
      limit: number;
      /** Every collection with this id, wherever it is (Firestore's collectionGroup query). */
      collectionGroup?: boolean;
    }
  | DocumentWrite
  | BatchWrite;

/** The requests that change data: what the outbox carries. */
export type WriteRequest = DocumentWrite | BatchWrite;

/**
 * A write as it landed: transforms resolved, `set` turned into the create or update it was.
 * What the rules judge and what the triggers react to.
 */
export type AppliedWrite =
  | { method: 'create' | 'update'; path: string; data: DocData }
  | { method: 'delete'; path: string };

/** What a request asks of the rules: a read, or one applied write. */
export type RuledRequest = Extract<ClientRequest, { method: 'get' | 'list' }> | AppliedWrite;

/** The document writes of a request, in order (one, or a batch's). */
export function writesOf(request: WriteRequest): readonly DocumentWrite[] {
  return request.method === 'batch' ? request.writes : [request];
}
