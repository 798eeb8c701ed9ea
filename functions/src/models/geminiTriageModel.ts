import { GoogleGenAI, Type } from '@google/genai';
import { categories, priorities } from '../domain/index.js';
import type { TriageModel } from '../handlers/suggestTriage.js';

export const GEMINI_TRIAGE_MODEL = 'gemini-2.5-flash';

/**
 * The model port on Gemini (`@google/genai`): the prompt, and structured output whose JSON
 * schema allows only the two enums, so a well-behaved answer is exactly what the handler
 * parses. `baseUrl` points it at a fake server on loopback in tests.
 */
export function geminiTriageModel(apiKey: string, options: { baseUrl?: string; model?: string } = {}): TriageModel {
  const ai = new GoogleGenAI({ apiKey, ...(options.baseUrl ? { httpOptions: { baseUrl: options.baseUrl } } : {}) });
  return {
    async generate(prompt, signal) {
      const response = await ai.models.generateContent({
        model: options.model ?? GEMINI_TRIAGE_MODEL,
        contents: prompt,
        config: {
          abortSignal: signal,
          temperature: 0,
          responseMimeType: 'application/json',
          responseSchema: {
            type: Type.OBJECT,
            properties: {
              suggested_category: { type: Type.STRING, format: 'enum', enum: [...categories] },
              suggested_priority: { type: Type.STRING, format: 'enum', enum: [...priorities] },
            },
            required: ['suggested_category', 'suggested_priority'],
            propertyOrdering: ['suggested_category', 'suggested_priority'],
          },
        },
      });
      return response.text ?? '';
    },
  };
}
