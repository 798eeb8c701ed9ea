import { describe, expect, it } from 'vitest';
import { triageRateLimit, type TriageSuggestion } from '../domain/index.js';
import { MemoryStore } from '../store/memoryStore.js';
import { suggestTriage, type SuggestTriageDeps, type TriageFallback, type TriageModel } from './suggestTriage.js';

const complaint = {
  title: 'Charged twice this month',
  description: 'I was charged twice for my subscription and need a refund of the second payment.',
};
const NOW = new Date('2026-03-02T10:00:00Z');

/** A model that answers what it is told to, and remembers the prompts it got. */
function fakeModel(answer: (prompt: string, signal: AbortSignal) => Promise<string>): TriageModel & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    prompts,
    generate(prompt, signal) {
      prompts.push(prompt);
      return answer(prompt, signal);
    },
  };
}

async function ask(model: TriageModel | null, extra: Partial<SuggestTriageDeps> = {}) {
  const fallbacks: TriageFallback[] = [];
  const store = extra.store ?? new MemoryStore();
  const suggestion = await suggestTriage('cust-1', complaint, {
    model,
    store,
    now: NOW,
    onFallback: (reason) => fallbacks.push(reason),
    ...extra,
  });
  return { suggestion, fallbacks, store };
}

const rules: Pick<TriageSuggestion, 'category' | 'priority' | 'source'> = { category: 'billing', priority: 'high', source: 'rules' };

describe('suggestTriage (the callable handler)', () => {
  it("answers with the model's valid answer, marked as the model's, with the customer's phrases behind it", async () => {
    const model = fakeModel(async () => '{"suggested_category": "billing", "suggested_priority": "critical"}');
    const { suggestion, fallbacks } = await ask(model);
    expect(suggestion).toMatchObject({ category: 'billing', priority: 'critical', source: 'model' });
    expect(suggestion.reasons).toContain('Charged twice');
    expect(fallbacks).toEqual([]);
    expect(model.prompts[0]).toContain('You are a support ticket classifier.');
    expect(model.prompts[0]).toContain('Return ONLY valid JSON like: {"suggested_category": "...", "suggested_priority": "..."}');
    expect(model.prompts[0]).toContain(`Ticket description: ${complaint.title}`);
  });

  it('answers with the offline classifier, marked as such, when no key is configured', async () => {
    const { suggestion, fallbacks } = await ask(null);
    expect(suggestion).toMatchObject(rules);
    expect(suggestion.reasons).toEqual(expect.arrayContaining(['Charged twice', 'refund']));
    expect(fallbacks).toEqual(['no-model']);
  });

  it('answers with the classifier when the model returns text that is not JSON', async () => {
    const { suggestion, fallbacks } = await ask(fakeModel(async () => 'Sure! The category is billing.'));
    expect(suggestion).toMatchObject(rules);
    expect(fallbacks).toEqual(['invalid-json']);
  });

  it('answers with the classifier when the model names a value outside the enums', async () => {
    const { suggestion, fallbacks } = await ask(fakeModel(async () => '{"suggested_category": "refunds", "suggested_priority": "high"}'));
    expect(suggestion).toMatchObject(rules);
    expect(fallbacks).toEqual(['unknown-value']);
  });

  it('answers with the classifier when the model fails', async () => {
    const { suggestion, fallbacks } = await ask(fakeModel(async () => Promise.reject(new Error('503 from the model'))));
    expect(suggestion).toMatchObject(rules);
    expect(fallbacks).toEqual(['error']);
  });

  it('answers with the classifier after 2 s without an answer, and stops the model', async () => {
    let fire = () => {};
    let timeoutMs = 0;
    let aborted = false;
    const hanging = fakeModel(
      (_prompt, signal) =>
        new Promise<string>((_, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          });
          // The timer fires only once the model has been asked (no real time passes).
          queueMicrotask(() => fire());
        }),
    );
    const { suggestion, fallbacks } = await ask(hanging, {
      startTimer: (ms, onTimeout) => {
        timeoutMs = ms;
        fire = onTimeout;
        return () => {};
      },
    });
    expect(timeoutMs).toBe(2_000);
    expect(suggestion).toMatchObject(rules);
    expect(fallbacks).toEqual(['timeout']);
    expect(aborted).toBe(true);
  });

  it('counts each request against the account, and past the limit answers with the classifier without asking the model', async () => {
    const model = fakeModel(async () => '{"suggested_category": "billing", "suggested_priority": "high"}');
    const store = new MemoryStore();
    for (let index = 0; index < triageRateLimit.max; index++) {
      expect((await ask(model, { store })).suggestion.source).toBe('model');
    }
    const { suggestion, fallbacks } = await ask(model, { store });
    expect(suggestion.source).toBe('rules');
    expect(fallbacks).toEqual(['rate-limited']);
    expect(model.prompts).toHaveLength(triageRateLimit.max);
    // A new window, a new allowance.
    const later = await ask(model, { store, now: new Date(NOW.getTime() + triageRateLimit.windowMs) });
    expect(later.suggestion.source).toBe('model');
  });

  it('refuses input beyond the ticket limits, naming the limit', async () => {
    await expect(
      suggestTriage('cust-1', { title: 'x'.repeat(201), description: '' }, { model: null, store: new MemoryStore(), now: NOW }),
    ).rejects.toThrow('A title may be at most 200 characters.');
    await expect(
      suggestTriage('cust-1', { title: 'ok', description: 'y', extra: 1 }, { model: null, store: new MemoryStore(), now: NOW }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
