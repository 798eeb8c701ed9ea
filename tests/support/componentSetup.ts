import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom lacks these browser APIs that Mantine reads for color scheme and layout.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList;
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// Mantine's Select scrolls the highlighted option into view as the arrow keys move.
Element.prototype.scrollIntoView ??= () => {};

if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}

// findBy/waitFor wait for a state; their cap (1 s by default) is raised so that a busy
// machine, not a wrong screen, never fails a test.
configure({ asyncUtilTimeout: 10_000 });

// Each test starts with empty web storage, as a new tab would (drafts live there).
afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
