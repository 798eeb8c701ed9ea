// The request shape lives with the local rules that evaluate it; the matrix speaks it too.
export type { ClientRequest, DocumentWrite, FieldTransforms, WhereEquals } from '../../web/src/backend/local/clientRequest.js';
export { increment, serverTime } from '../../web/src/backend/local/clientRequest.js';
