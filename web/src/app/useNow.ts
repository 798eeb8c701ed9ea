import { useSyncExternalStore } from 'react';

/**
 * The time, for what counts down on screen. One shared ticker for the whole app, however
 * many badges listen (not one interval per row): it runs while anything listens and stops
 * when nothing does. Every listener sees the same tick, so the badges of a page change together.
 */
export const NOW_TICK_MS = 15_000;

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function tick() {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(tick, NOW_TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => now;

/** The shared ticker's time in milliseconds; re-renders on every tick. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** The shared ticker's time rounded down to the minute: changes once a minute (query keys). */
export function useMinute(): number {
  return Math.floor(useNow() / 60_000) * 60_000;
}
