import { categories, priorities, type Category, type Priority } from '../ticketFields.js';
import { lexiconLines } from './lexicon.js';
import { plainWords } from './plainWords.js';
import { stemOf, tokenize, TypoIndex, type Token } from './tokens.js';

/**
 * The offline classifier: category and priority from a ticket's title and description, with
 * the phrases that decided each, as the customer wrote them. No network, deterministic, a
 * fraction of a millisecond a ticket; the same code in the browser, the local backend and the
 * Cloud Function (which falls back to it when the model cannot answer).
 */
export interface TriageText {
  readonly title: string;
  readonly description: string;
}

export interface RulesSuggestion {
  readonly category: Category;
  readonly priority: Priority;
  /** The customer's phrases behind each choice, strongest first (empty: nothing decided it, the default). */
  readonly reasons: { readonly category: readonly string[]; readonly priority: readonly string[] };
}

type Signal = 'low' | 'medium' | 'high' | 'critical' | 'outage' | 'scope' | 'soon' | 'workaround' | 'calm' | 'shout';
const signals = new Set<string>(['low', 'medium', 'high', 'critical', 'outage', 'scope', 'soon', 'workaround', 'calm', 'shout']);
const categoryLetters: Record<string, Category> = { b: 'billing', t: 'technical', a: 'account', g: 'general' };

interface Entry {
  readonly stems: readonly string[];
  readonly weights: Partial<Record<Category, number>>;
  readonly signal: Signal | null;
  /** The phrase itself says "not" (e.g. "not working"): nothing before it negates it. */
  readonly negative: boolean;
}

const negators = new Set(['not', 'no', 'never', 'without', 'nothing', 'cannot']);
const NEGATION_REACH = 3;
const TITLE_WEIGHT = 1.5;
const NEGATED_WEIGHT = 0.3;
const MAX_REASONS = 4;

function parseLexicon(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [phrase = '', weightText = '', signalText = ''] = line.split('|').map((part) => part.trim());
    const weights: Partial<Record<Category, number>> = {};
    for (const item of weightText.split(/\s+/).filter(Boolean)) {
      const category = categoryLetters[item[0]!];
      const weight = Number(item.slice(1));
      if (!category || !Number.isFinite(weight)) throw new Error(`Triage lexicon: bad weight "${item}" in "${line}"`);
      weights[category] = weight;
    }
    if (signalText !== '' && !signals.has(signalText)) throw new Error(`Triage lexicon: unknown signal in "${line}"`);
    const words = phrase
      .split(/\s+/)
      .flatMap((word) => (word === '*' || word === '#n' ? [word] : tokenize(word, false, 0).tokens.map((token) => token.word)));
    entries.push({
      stems: words.map((word) => (word === '*' ? '*' : stemOf(word))),
      weights,
      signal: signalText === '' ? null : (signalText as Signal),
      negative: negators.has(words[0] ?? ''),
    });
  }
  return entries;
}

interface Lexicon {
  /** Entries by their first stem, longest first. */
  readonly byFirstStem: ReadonlyMap<string, readonly Entry[]>;
  readonly knownStems: ReadonlySet<string>;
  readonly typos: TypoIndex;
}

let built: Lexicon | undefined;

/**
 * The parsed lexicon and its typo index, built on the first classification rather than when
 * the module loads: every screen that can show a ticket imports this module, few classify.
 */
function lexicon(): Lexicon {
  if (built) return built;
  const entries = parseLexicon(lexiconLines);
  const byFirstStem = new Map<string, Entry[]>();
  for (const entry of entries) {
    const list = byFirstStem.get(entry.stems[0]!) ?? [];
    list.push(entry);
    byFirstStem.set(entry.stems[0]!, list);
  }
  for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  const typos = new TypoIndex(
    lexiconLines
      .split('\n')
      .flatMap((line) => (line.split('|')[0] ?? '').trim().toLowerCase().split(/\s+/))
      .filter((word) => /^[a-z]+$/.test(word))
      .flatMap((word) => inflections(word).map((form): [string, string] => [form, stemOf(word)])),
    plainWords,
  );
  built = { byFirstStem, knownStems: new Set(entries.flatMap((entry) => entry.stems)), typos };
  return built;
}

function inflections(word: string): string[] {
  const base = word.endsWith('e') ? word.slice(0, -1) : word;
  return [word, `${word}s`, `${base}ed`, `${base}ing`, `${word}d`];
}

interface Match {
  readonly entry: Entry;
  readonly phrase: string;
  readonly inTitle: boolean;
  readonly negated: boolean;
  readonly shouted: boolean;
}

function matchAt(byFirstStem: Lexicon['byFirstStem'], tokens: readonly Token[], index: number): Entry | undefined {
  const candidates = byFirstStem.get(tokens[index]!.stem);
  if (!candidates) return undefined;
  return candidates.find((entry) =>
    entry.stems.every((stem, offset) => {
      const token = tokens[index + offset];
      return token !== undefined && token.clause === tokens[index]!.clause && (stem === '*' || token.stem === stem);
    }),
  );
}

function findMatches(text: TriageText): Match[] {
  const title = tokenize(text.title, true, 0);
  const description = tokenize(text.description, false, title.clauses);
  const tokens = [...title.tokens, ...description.tokens];
  const { byFirstStem, knownStems, typos } = lexicon();
  for (const token of tokens) {
    if (knownStems.has(token.stem)) continue;
    const corrected = typos.correct(token.word, knownStems);
    if (corrected !== null) token.stem = corrected;
  }
  const matches: Match[] = [];
  for (let index = 0; index < tokens.length; ) {
    const entry = matchAt(byFirstStem, tokens, index);
    if (!entry) {
      index++;
      continue;
    }
    const first = tokens[index]!;
    const last = tokens[index + entry.stems.length - 1]!;
    const source = first.inTitle ? text.title : text.description;
    let negated = false;
    if (!entry.negative) {
      for (let back = index - 1; back >= 0 && back >= index - NEGATION_REACH; back--) {
        const before = tokens[back]!;
        if (before.clause !== first.clause) break;
        if (negators.has(before.word)) negated = true;
      }
    }
    matches.push({
      entry,
      phrase: source.slice(first.start, last.end),
      inTitle: first.inTitle,
      negated,
      shouted: first.shouted,
    });
    index += entry.stems.length;
  }
  return matches;
}

const levelOf: Record<Priority, number> = { low: 0, medium: 1, high: 2, critical: 3 };

function addReason(list: string[], phrase: string) {
  const key = phrase.toLowerCase();
  if (!list.some((known) => known.toLowerCase() === key)) list.push(phrase);
}

function chooseCategory(matches: readonly Match[]): { category: Category; reasons: string[] } {
  const scores = Object.fromEntries(categories.map((category) => [category, 0])) as Record<Category, number>;
  for (const match of matches) {
    for (const [category, weight] of Object.entries(match.entry.weights) as [Category, number][]) {
      scores[category] += weight * (match.inTitle ? TITLE_WEIGHT : 1) * (match.negated ? NEGATED_WEIGHT : 1);
    }
  }
  let category: Category = 'general';
  for (const candidate of categories) if (scores[candidate] > scores[category]) category = candidate;
  const reasons: string[] = [];
  const backing = matches
    .filter((match) => !match.negated && (match.entry.weights[category] ?? 0) > 0)
    .sort((a, b) => (b.entry.weights[category] ?? 0) - (a.entry.weights[category] ?? 0));
  for (const match of backing) addReason(reasons, match.phrase);
  return { category, reasons: reasons.slice(0, MAX_REASONS) };
}

function choosePriority(matches: readonly Match[]): { priority: Priority; reasons: string[] } {
  const counted = matches.filter((match) => match.entry.signal !== null && !match.negated && match.entry.signal !== 'shout');
  const having = (signal: Signal) => counted.filter((match) => match.entry.signal === signal);
  const problems = counted.filter((match) => ['medium', 'high', 'critical', 'outage'].includes(match.entry.signal!));
  const scope = having('scope');
  const soon = having('soon');
  const workaround = having('workaround');
  const reasons: string[] = [];
  const because = (list: readonly Match[]) => list.forEach((match) => addReason(reasons, match.phrase));

  let priority: Priority;
  const critical = having('critical');
  const outage = having('outage');
  const high = having('high');
  if (critical.length > 0) {
    priority = 'critical';
    because(critical);
  } else if (outage.length > 0 || high.length > 0) {
    priority = scope.length > 0 ? 'critical' : 'high';
    because([...outage, ...high]);
    if (scope.length > 0) because(scope);
    else because(soon);
  } else if (problems.length > 0) {
    priority = scope.length > 0 || soon.length > 0 ? 'high' : 'medium';
    because([...problems, ...scope, ...soon]);
  } else if (soon.length > 0) {
    priority = 'high';
    because(soon);
  } else if (having('low').length > 0 || having('calm').length > 0) {
    priority = 'low';
    because([...having('calm'), ...having('low')]);
  } else {
    priority = 'medium';
  }
  if (workaround.length > 0 && levelOf[priority] > levelOf.medium && critical.length === 0) {
    priority = 'medium';
    because(workaround);
  }
  return { priority, reasons: reasons.slice(0, MAX_REASONS) };
}

/** Category and priority for a ticket, each with the phrases that decided it. */
export function classifyTicket(text: TriageText): RulesSuggestion {
  const matches = findMatches(text);
  const { category, reasons: categoryReasons } = chooseCategory(matches);
  const { priority, reasons: priorityReasons } = choosePriority(matches);
  return { category, priority, reasons: { category: categoryReasons, priority: priorityReasons } };
}

/**
 * The customer's phrases that back a given category and priority (a model's answer, say): what
 * the classifier would quote for them. Empty lists when nothing in the text points there.
 */
export function phrasesBacking(text: TriageText, category: Category, priority: Priority): RulesSuggestion['reasons'] {
  const matches = findMatches(text).filter((match) => !match.negated);
  const forCategory: string[] = [];
  for (const match of matches) if ((match.entry.weights[category] ?? 0) > 0) addReason(forCategory, match.phrase);
  const wanted: Record<Priority, Signal[]> = {
    low: ['low', 'calm'],
    medium: ['medium', 'workaround'],
    high: ['high', 'outage', 'soon'],
    critical: ['critical', 'outage', 'scope'],
  };
  const forPriority: string[] = [];
  for (const match of matches) if (wanted[priority].includes(match.entry.signal as Signal)) addReason(forPriority, match.phrase);
  return { category: forCategory.slice(0, MAX_REASONS), priority: forPriority.slice(0, MAX_REASONS) };
}

/** One step of priority apart or the same: the bench's "within one level". */
export function priorityDistance(a: Priority, b: Priority): number {
  return Math.abs(priorities.indexOf(a) - priorities.indexOf(b));
}
