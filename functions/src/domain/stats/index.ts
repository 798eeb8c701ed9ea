export * from './durations.js';
export * from './statsDocs.js';
export * from './contribution.js';
export * from './summary.js';
export * from './rebuild.js';
export * from './report.js';
