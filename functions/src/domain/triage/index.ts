export * from './classify.js';
export * from './suggestion.js';
