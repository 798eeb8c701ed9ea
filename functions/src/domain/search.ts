/**
 * Queue search. Firestore has no full-text search, so the functions store the distinct
 * words of a ticket's title and description in `searchTokens`; the queue asks the server
 * for tickets holding the search's longest word (array-contains) and keeps those holding
 * every other word too.
 */
export const SEARCH_TOKENS_MAX = 200;
const MIN_TOKEN_LENGTH = 2;

export function searchTokens(text: string): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= MIN_TOKEN_LENGTH);
  return [...new Set(words)].slice(0, SEARCH_TOKENS_MAX);
}

export function ticketSearchTokens(ticket: { title: string; description: string }): string[] {
  return searchTokens(`${ticket.title} ${ticket.description}`);
}

/** The word the server filters on: the longest, as the most selective. */
export function primarySearchToken(search: string): string | null {
  const tokens = searchTokens(search);
  return tokens.reduce<string | null>((best, t) => (best === null || t.length > best.length ? t : best), null);
}

/** Whether a ticket holds every word of the search (an empty search matches everything). */
export function matchesSearch(ticketTokens: readonly string[], search: string): boolean {
  const held = new Set(ticketTokens);
  return searchTokens(search).every((token) => held.has(token));
}
