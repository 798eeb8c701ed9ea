import { z } from './zod.js';

/**
 * What a document id or a uid looks like: Firestore's automatic ids and Firebase Auth's uids
 * are letters and digits; the demo accounts add '-' and '_'. Never a '/' (an id is spliced
 * into paths: `users/${uid}/notifications`), never '.' or '..'. firestore.rules spells the
 * same pattern in isDocId().
 */
export const DOC_ID_PATTERN = '[A-Za-z0-9_-]{1,128}';
const docIdRegExp = new RegExp(`^${DOC_ID_PATTERN}$`);

export const docIdSchema = z.string().check(z.regex(docIdRegExp, 'That is not an id the desk issues.'));

export function isDocId(value: unknown): value is string {
  return typeof value === 'string' && docIdRegExp.test(value);
}
