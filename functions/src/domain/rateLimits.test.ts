import { describe, expect, it } from 'vitest';
import { afterRateLimitStep, isRateLimitStep, rateLimitStep, rateLimits, type RateLimitDoc } from './rateLimits.js';

const minute = 60_000;
const start = new Date('2026-12-07T10:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const counter = (count: number): RateLimitDoc => ({ windowStart: start, count, lastPath: `tickets/t/messages/m${count}` });

describe('the step a client takes with a new message', () => {
  it('opens a window when there is none, counts in it while it has room, and is refused while it is full', () => {
    expect(rateLimitStep('messages', undefined, start)).toEqual({ kind: 'new-window' });
    expect(rateLimitStep('messages', counter(5), at(10_000))).toEqual({ kind: 'same-window' });
    expect(rateLimitStep('messages', counter(rateLimits.messages.max), at(10_000))).toEqual({ kind: 'full', retryInMs: 50_000 });
  });

  it('keeps counting in a window that is over while it has room, and opens a new one only when it is full and over', () => {
    expect(rateLimitStep('messages', counter(5), at(3 * minute))).toEqual({ kind: 'same-window' });
    expect(rateLimitStep('messages', counter(rateLimits.messages.max), at(minute))).toEqual({ kind: 'new-window' });
  });

  it('messages written offline over several minutes, then delivered together, are each accepted in order', () => {
    // The client takes every step from its own view: a window it opened and believes started
    // when it wrote, a minute and more before the server stamps it.
    let view: RateLimitDoc | undefined;
    const steps = [0, 30_000, 70_000, 100_000].map((ms, n) => {
      const step = rateLimitStep('messages', view, at(ms));
      if (step.kind === 'full') throw new Error('not full');
      view = afterRateLimitStep(view, step, `tickets/t/messages/offline${n}`, at(ms));
      return { step, written: view };
    });
    // Back online five minutes later, the server takes them one after another.
    const arrival = at(5 * minute);
    let stored: RateLimitDoc | undefined;
    for (const { step, written } of steps) {
      const after = step.kind === 'new-window' ? { ...written, windowStart: arrival } : { ...written, windowStart: stored!.windowStart, count: stored!.count + 1 };
      expect(isRateLimitStep('messages', stored, after, arrival)).toBe(true);
      stored = after;
    }
    expect(stored).toMatchObject({ count: 4, lastPath: 'tickets/t/messages/offline3' });
  });
});
