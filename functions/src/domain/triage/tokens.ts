import { stemmer } from 'stemmer';

/**
 * Words of a ticket as the classifier reads them: lower case, accents dropped, contractions
 * spelled one way ("can't", "cant", "can not" -> "cannot"), numbers as `#n`, each with its
 * Porter stem (the `stemmer` package) and where it stands in the text, so a reason can quote
 * the customer's own words. Clause breaks (. ! ? ; and "but") end a negation's reach.
 */
export interface Token {
  /** The normalised word ("cannot", "#n", "charged"). */
  readonly word: string;
  /** Its stem, or a typo's corrected stem (see `typoStem`). */
  stem: string;
  /** Where the word is in the text it came from: [start, end). */
  readonly start: number;
  readonly end: number;
  /** Which part of the ticket: the title counts more. */
  readonly inTitle: boolean;
  /** Index of the clause it is in: negation and scope stay within one. */
  readonly clause: number;
  /** Written in capitals (a shouted word: noted, never counted). */
  readonly shouted: boolean;
}

const contractions: Record<string, string> = {
  cant: 'cannot',
  "can't": 'cannot',
  couldnt: 'cannot',
  "couldn't": 'cannot',
  unable: 'cannot',
  wont: 'not',
  "won't": 'not',
  dont: 'not',
  "don't": 'not',
  doesnt: 'not',
  "doesn't": 'not',
  didnt: 'not',
  "didn't": 'not',
  isnt: 'not',
  "isn't": 'not',
  wasnt: 'not',
  "wasn't": 'not',
  arent: 'not',
  "aren't": 'not',
  werent: 'not',
  "weren't": 'not',
  havent: 'not',
  "haven't": 'not',
  hasnt: 'not',
  "hasn't": 'not',
  "i'm": 'i',
  im: 'i',
  "it's": 'it',
  "that's": 'that',
  "there's": 'there',
  "we're": 'we',
  "you're": 'you',
  "i've": 'i',
  "we've": 'we',
  "i'd": 'i',
  "we'd": 'we',
  noone: 'nobody',
  'no-one': 'nobody',
  login: 'log in',
  logon: 'log in',
  signin: 'sign in',
  '2fa': 'two factor',
  'two-factor': 'two factor',
  'e-mail': 'email',
};

/** Words that end what a "not" before them can reach. */
const clauseBreakWords = new Set(['but', 'however', 'although', 'though']);

const wordPattern = /[a-z0-9]+(?:[-'][a-z0-9]+)*|[.!?;]/g;

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019]/g, "'");
}

const stems = new Map<string, string>();

/** A word's Porter stem (numbers stay `#n`), remembered: tickets repeat their words. */
export function stemOf(word: string): string {
  if (word.startsWith('#')) return word;
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stems.size < 20_000) stems.set(word, stem);
  }
  return stem;
}

/** Tokens of one part of the ticket; `clauseStart` carries clause numbers on from the part before. */
export function tokenize(text: string, inTitle: boolean, clauseStart: number): { tokens: Token[]; clauses: number } {
  const folded = fold(text);
  const lower = folded.toLowerCase();
  const tokens: Token[] = [];
  let clause = clauseStart;
  for (const match of lower.matchAll(wordPattern)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    if (/^[.!?;]$/.test(raw)) {
      clause++;
      continue;
    }
    if (clauseBreakWords.has(raw)) {
      clause++;
      continue;
    }
    const original = folded.slice(start, end);
    const shouted = original.length >= 3 && /[A-Z]/.test(original) && original === original.toUpperCase();
    const spelled = contractions[raw] ?? (/^\d+$/.test(raw) ? '#n' : raw);
    const words = spelled.split(' ');
    // "can not" is one word, like "cannot".
    if (words.length === 1 && words[0] === 'not' && tokens.at(-1)?.word === 'can' && tokens.at(-1)?.clause === clause) {
      const can = tokens.pop()!;
      tokens.push({ word: 'cannot', stem: 'cannot', start: can.start, end, inTitle, clause, shouted });
      continue;
    }
    for (const word of words) tokens.push({ word, stem: stemOf(word), start, end, inTitle, clause, shouted });
  }
  return { tokens, clauses: clause + 1 - clauseStart };
}

/**
 * Typos within one edit (a letter dropped, added, changed, or two swapped) of a word the
 * lexicon knows, by the deletion neighbourhood of each (SymSpell's idea, distance one): a
 * word and a known word are one edit apart when deleting at most one letter of each makes
 * them equal. Only words of five letters or more, and never a common word that is simply
 * itself ("change" is not a typo of "charge").
 */
export class TypoIndex {
  private readonly byVariant = new Map<string, string>();
  private readonly cache = new Map<string, string | null>();

  constructor(
    knownWords: Iterable<[word: string, stem: string]>,
    private readonly plainWords: ReadonlySet<string>,
  ) {
    for (const [word, stem] of knownWords) {
      if (word.length < 5) continue;
      for (const variant of [word, ...deletions(word)]) {
        if (!this.byVariant.has(variant)) this.byVariant.set(variant, stem);
      }
    }
  }

  /** The stem a misspelt word most likely means, or null. */
  correct(word: string, knownStems: ReadonlySet<string>): string | null {
    if (word.length < 5 || word.startsWith('#') || this.plainWords.has(word) || knownStems.has(stemOf(word))) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    for (const variant of [word, ...deletions(word)]) {
      const stem = this.byVariant.get(variant);
      if (stem !== undefined) {
        found = stem;
        break;
      }
    }
    if (this.cache.size < 10_000) this.cache.set(word, found);
    return found;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let index = 0; index < word.length; index++) out.push(word.slice(0, index) + word.slice(index + 1));
  return out;
}
