import { isDomainError } from '@domain';

/** A sentence for people from anything thrown: domain errors carry their own. */
export function errorMessage(error: unknown): string {
  if (isDomainError(error)) return error.message;
  if (error instanceof Error && 'code' in error && typeof error.message === 'string') return error.message;
  return 'Something went wrong. Try again; if it keeps happening, tell us.';
}
