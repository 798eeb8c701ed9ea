import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memoryStore.js';
import { suggestTriage } from '../handlers/suggestTriage.js';
import { geminiTriageModel } from './geminiTriageModel.js';

/** A fake Gemini on loopback: answers each generateContent with what the test says, and keeps the requests. */
async function fakeGemini(answer: (response: ServerResponse) => void) {
  const requests: { url: string; body: Record<string, unknown> }[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ url: request.url ?? '', body: JSON.parse(body || '{}') as Record<string, unknown> });
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { baseUrl: `http://127.0.0.1:${port}`, requests };
}
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};
const modelText = (text: string) => ({ candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP' }] });
const complaint = { title: 'Charged twice', description: 'Please refund the second payment.' };

describe('the Gemini adapter (@google/genai against a fake server on loopback)', () => {
  it('asks with the prompt and a JSON schema of the two enums, and hands back the text', async () => {
    const gemini = await fakeGemini((response) =>
      json(response, 200, modelText('{"suggested_category": "billing", "suggested_priority": "high"}')),
    );
    const suggestion = await suggestTriage('cust-1', complaint, {
      model: geminiTriageModel('test-key', { baseUrl: gemini.baseUrl }),
      store: new MemoryStore(),
      now: new Date('2026-03-02T10:00:00Z'),
    });
    expect(suggestion).toMatchObject({ category: 'billing', priority: 'high', source: 'model' });
    const [request] = gemini.requests;
    expect(request?.url).toContain('gemini-2.5-flash:generateContent');
    expect(JSON.stringify(request?.body)).toContain('You are a support ticket classifier.');
    const config = request?.body.generationConfig as { responseMimeType: string; responseSchema: { properties: Record<string, { enum: string[] }> } };
    expect(config.responseMimeType).toBe('application/json');
    expect(config.responseSchema.properties.suggested_category?.enum).toEqual(['billing', 'technical', 'account', 'general']);
    expect(config.responseSchema.properties.suggested_priority?.enum).toEqual(['low', 'medium', 'high', 'critical']);
  });

  it("falls back to the classifier when the server fails, marked as the rules'", async () => {
    const gemini = await fakeGemini((response) => json(response, 400, { error: { code: 400, message: 'API key not valid', status: 'INVALID_ARGUMENT' } }));
    const suggestion = await suggestTriage('cust-1', complaint, {
      model: geminiTriageModel('bad-key', { baseUrl: gemini.baseUrl }),
      store: new MemoryStore(),
      now: new Date('2026-03-02T10:00:00Z'),
    });
    expect(suggestion).toMatchObject({ category: 'billing', priority: 'high', source: 'rules' });
  });
});
