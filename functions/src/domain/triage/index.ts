export * from './classify.js';
export * from './suggestion.js';
export * from './explained.js';
