/**
 * The one error type business rules throw. Codes match Firebase's callable error codes so
 * a handler's refusal reads the same whether it came from a Cloud Function or the local
 * backend.
 */
export type DomainErrorCode =
  | 'invalid-argument'
  | 'permission-denied'
  | 'failed-precondition'
  | 'not-found'
  /** A rate limit: the sentence says when to try again. */
  | 'resource-exhausted'
  | 'unauthenticated';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * Parses input at a boundary; bad input becomes a DomainError carrying the first problem's
 * own sentence ("A title may be at most 200 characters.").
 */
export function parseInput<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError('invalid-argument', result.error.issues[0]?.message ?? 'The input is not valid.');
}
