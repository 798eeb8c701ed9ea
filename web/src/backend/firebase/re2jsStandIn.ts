/**
 * Stands in for the `re2js` package (64 KiB gzip), which Firestore imports only to evaluate
 * the regular-expression and LIKE functions of pipeline queries, a preview API this app does
 * not use (vite.config.ts points `re2js` here). Should a pipeline ever evaluate one, Firestore
 * catches the error below, logs it and returns an error value for that expression.
 */
export const RE2JS = {
  compile(pattern: string): never {
    throw new Error(`Regular expressions in Firestore pipelines are not available in this app (pattern ${pattern}).`);
  },
};
