// The request shape lives with the local rules that evaluate it; the matrix speaks it too.
export type { BatchWrite, ClientRequest, DocumentWrite, FieldTransforms, WhereEquals } from '../../web/src/backend/clientRequest.js';
export { increment, serverTime } from '../../web/src/backend/clientRequest.js';
