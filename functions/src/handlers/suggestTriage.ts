import {
  afterRateLimitStep,
  modelAnswerSchema,
  modelSuggestion,
  parseInput,
  rateLimitDocSchema,
  rulesSuggestion,
  triageInputSchema,
  triageLimitPath,
  triagePrompt,
  triageRateLimit,
  windowStep,
  type TriageSuggestion,
} from '../domain/index.js';
import type { DocStore } from '../store/port.js';

/**
 * The model port: a prompt in, the model's raw text out. The Gemini adapter
 * (models/geminiTriageModel.ts) asks for structured output; a fake stands in for tests.
 */
export interface TriageModel {
  /** Rejects on any failure; stops (and rejects) once `signal` aborts. */
  generate(prompt: string, signal: AbortSignal): Promise<string>;
}

/** Why the answer is the offline classifier's: what the logs say. */
export type TriageFallback = 'no-model' | 'rate-limited' | 'timeout' | 'error' | 'invalid-json' | 'unknown-value';

export interface SuggestTriageDeps {
  /** null: no key configured. */
  readonly model: TriageModel | null;
  readonly store: DocStore;
  readonly now: Date;
  /** How long the model may take; 2 s. */
  readonly timeoutMs?: number;
  /** Calls `onTimeout` after `ms`, returns a cancel; tests pass one they fire themselves. */
  readonly startTimer?: (ms: number, onTimeout: () => void) => () => void;
  readonly onFallback?: (reason: TriageFallback, detail?: unknown) => void;
}

export const TRIAGE_TIMEOUT_MS = 2_000;

const realTimer = (ms: number, onTimeout: () => void) => {
  const timer = setTimeout(onTimeout, ms);
  return () => clearTimeout(timer);
};

class TriageTimeout extends Error {}

/**
 * "Suggest a category and priority": the model's answer when it gives a valid one in time,
 * otherwise (no key, over the account's rate, a timeout, an error, text that is not JSON, a
 * value outside the enums) the offline classifier's, marked `source: 'rules'`. Bad input is
 * the only refusal (a DomainError naming the limit).
 */
export async function suggestTriage(uid: string, rawInput: unknown, deps: SuggestTriageDeps): Promise<TriageSuggestion> {
  const input = parseInput(triageInputSchema, rawInput);
  const fallback = (reason: TriageFallback, detail?: unknown): TriageSuggestion => {
    deps.onFallback?.(reason, detail);
    return rulesSuggestion(input);
  };
  if (deps.model === null) return fallback('no-model');
  if (!(await countRequest(deps.store, uid, deps.now))) return fallback('rate-limited');

  let text: string;
  try {
    text = await withTimeout(deps.model, triagePrompt(input), deps);
  } catch (error) {
    return fallback(error instanceof TriageTimeout ? 'timeout' : 'error', error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fallback('invalid-json', text.slice(0, 200));
  }
  const answer = modelAnswerSchema.safeParse(json);
  if (!answer.success) return fallback('unknown-value', text.slice(0, 200));
  return modelSuggestion(input, answer.data);
}

async function withTimeout(model: TriageModel, prompt: string, deps: SuggestTriageDeps): Promise<string> {
  const controller = new AbortController();
  let cancel = () => {};
  const timedOut = new Promise<never>((_, reject) => {
    cancel = (deps.startTimer ?? realTimer)(deps.timeoutMs ?? TRIAGE_TIMEOUT_MS, () => {
      reject(new TriageTimeout('The model did not answer in time.'));
      controller.abort();
    });
  });
  try {
    return await Promise.race([model.generate(prompt, controller.signal), timedOut]);
  } finally {
    cancel();
  }
}

/** One step of the account's triage counter; false when its window is full. */
async function countRequest(store: DocStore, uid: string, now: Date): Promise<boolean> {
  const path = triageLimitPath(uid);
  return store.runTransaction(async (tx) => {
    const stored = rateLimitDocSchema.safeParse(await tx.get(path));
    const current = stored.success ? stored.data : undefined;
    const step = windowStep(triageRateLimit, current, now);
    if (step.kind === 'full') return false;
    tx.set(path, afterRateLimitStep(current, step, `triage/${now.getTime()}`, now));
    return true;
  });
}

