import { z } from './zod.js';

/**
 * Characters that show nothing: JavaScript's whitespace (\s) and the zero-width marks, as a
 * regular-expression class body in RE2 syntax (what firestore.rules' matches() speaks; the
 * rules spell the same class in hasVisibleText()). A title, a message or a name made only of
 * these is blank.
 */
export const BLANK_CHARACTERS =
  '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200D}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{2060}\\x{3000}\\x{FEFF}';
/** Control characters: never part of a name. */
export const CONTROL_CHARACTERS = '\\x{00}-\\x{1F}\\x{7F}';

/** The same class for JavaScript, which writes code points as \u{…}. */
const forJavaScript = (rulesClass: string) => rulesClass.replace(/\\x\{/g, '\\u{');
const visible = new RegExp(`[^${forJavaScript(BLANK_CHARACTERS)}]`, 'u');
const edgesBlank = new RegExp(`^[${forJavaScript(BLANK_CHARACTERS)}]+|[${forJavaScript(BLANK_CHARACTERS)}]+$`, 'gu');

/** Whether the text shows at least one character. */
export function hasVisibleText(text: string): boolean {
  return visible.test(text);
}

/** The text without blank characters at either end (String.trim misses the zero-width marks). */
export function trimBlank(text: string): string {
  return text.replace(edgesBlank, '');
}

/**
 * Text a person types (a title, a message, a reason): trimmed, not blank, at most `max`
 * characters, each problem in a sentence that names the limit.
 */
export function typedText(max: number, messages: { blank: string; tooLong: string }) {
  return z.pipe(
    z.pipe(z.string(), z.transform(trimBlank)),
    z.string().check(z.minLength(1, messages.blank), z.maxLength(max, messages.tooLong)),
  );
}

/** The same text as stored: not blank, within the limit (documents are checked, not trimmed). */
export function storedText(max: number) {
  return z.string().check(z.maxLength(max), z.refine(hasVisibleText, 'The text is blank.'));
}
