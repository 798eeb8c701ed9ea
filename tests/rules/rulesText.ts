import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reading security rules as text, for the tests that hold their literals to the domain:
 * rules cannot import TypeScript, so a test compares what they spell with what the domain
 * says, and fails on the first difference.
 */
export function readRules(file: 'firestore.rules' | 'storage.rules'): string {
  return readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8');
}

/** The body of `function name(...) { ... }`, braces balanced. */
export function functionBody(rules: string, name: string): string {
  const start = rules.search(new RegExp(`function ${name}\\(`));
  if (start < 0) throw new Error(`The rules have no function ${name}.`);
  const open = rules.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < rules.length; i++) {
    if (rules[i] === '{') depth++;
    else if (rules[i] === '}' && --depth === 0) return rules.slice(open + 1, i);
  }
  throw new Error(`function ${name} is not closed.`);
}

/** Every quoted string in a piece of rules, in order. */
export function quotedStrings(text: string): string[] {
  return [...text.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((match) => match[1]!);
}

/** A rules string literal as the regular expression it passes to matches(): `\\t` is `\t`. */
export function unescapeRulesString(literal: string): string {
  return literal.replace(/\\\\/g, '\\');
}

/** The string list after `prefix` (e.g. "hasOnly(" or "in "), as written: ['a', 'b']. */
export function listAfter(text: string, prefix: string): string[] {
  const start = text.indexOf(prefix);
  if (start < 0) throw new Error(`No "${prefix}" in: ${text.slice(0, 80)}…`);
  const open = text.indexOf('[', start);
  const close = text.indexOf(']', open);
  return quotedStrings(text.slice(open, close));
}

/** Every number `name(value, N)` is called with, e.g. isText(ticket.title, 200) -> 200. */
export function callArguments(text: string, call: string): string[][] {
  return [...text.matchAll(new RegExp(`${call}\\(([^()]*)\\)`, 'g'))].map((match) => match[1]!.split(',').map((arg) => arg.trim()));
}
