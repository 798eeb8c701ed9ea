// The request shape lives with the local rules that evaluate it; the matrix speaks it too.
export type { ClientRequest, WhereEquals } from '../../web/src/backend/local/clientRequest.js';
