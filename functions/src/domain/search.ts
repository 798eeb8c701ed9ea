/**
 * Queue search. Firestore has no full-text search, so the functions store the distinct
 * words of a ticket's title and description, and of its chat's messages (kept by the
 * message trigger, never read in the browser), in `searchTokens`; the queue asks the server
 * for tickets holding the search's longest word (array-contains) and keeps those holding
 * every other word too. Internal notes stay out: customers can read their ticket's tokens.
 */
/** The distinct words kept of one text (a title and description, a message). */
export const SEARCH_TOKENS_MAX = 200;
/**
 * The words a ticket keeps in all: its own first, then its conversation's until full (a
 * document's index entries and size stay far below Firestore's limits).
 */
export const TICKET_SEARCH_TOKENS_MAX = 1000;
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

/** The ticket's tokens with those of more text (a new message) after them, each once, up to the ticket's cap. */
export function withSearchTokens(kept: readonly string[], more: readonly string[]): string[] {
  return [...new Set([...kept, ...more])].slice(0, TICKET_SEARCH_TOKENS_MAX);
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
