/**
 * A client request as security rules see it: a method on a path, with the data it writes or
 * the equality filters it lists with. The local backend routes every client read and write
 * through `checkRequest` in this shape, and the authorization matrix states its operations
 * in it, so one table drives both the local rules and firestore.rules.
 */
export type DocData = Record<string, unknown>;
export type WhereEquals = readonly [field: string, op: '==', value: unknown];

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
  | { method: 'create'; path: string; data: DocData }
  | { method: 'update'; path: string; data: DocData }
  | { method: 'delete'; path: string };

/** The requests that change data: what the outbox carries and what triggers react to. */
export type WriteRequest = Extract<ClientRequest, { method: 'create' | 'update' | 'delete' }>;
