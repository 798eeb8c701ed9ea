import { describe, expect, it } from 'vitest';
import { classifyTicket, phrasesBacking } from './classify.js';
import { rulesSuggestion } from './explained.js';
import { suggestionSentence } from './suggestion.js';

describe('the offline classifier', () => {
  it('says billing and high for a double charge, because of the phrases that say so', () => {
    const found = classifyTicket({ title: 'Charged twice', description: 'I was charged twice this month, please refund one.' });
    expect(found).toMatchObject({ category: 'billing', priority: 'high' });
    expect(found.reasons.category).toEqual(expect.arrayContaining(['Charged twice', 'refund']));
    expect(found.reasons.priority).toContain('Charged twice');
  });

  it('says high when nobody can log in since this morning, and why', () => {
    const found = classifyTicket({ title: 'Login', description: 'Nobody can log in since this morning.' });
    expect(found.priority === 'high' || found.priority === 'critical').toBe(true);
    expect(found.category).toBe('account');
    expect(found.reasons.priority.join(' ')).toMatch(/log in|Nobody|since this morning/);
  });

  it('does not raise a question because it is shouted', () => {
    const found = classifyTicket({ title: 'URGENT!!!', description: 'URGENT!!! how do I change my avatar' });
    expect(found).toMatchObject({ category: 'account', priority: 'low' });
    expect(found.reasons.priority).not.toContain('URGENT');
  });

  it('raises a calm report of an outage', () => {
    const found = classifyTicket({
      title: 'A note about the API',
      description: 'Hello, no stress. Since about an hour every request to your API returns an error for all our users.',
    });
    expect(found.priority).toBe('critical');
    expect(found.category).toBe('technical');
  });

  it('reads a negation: "not a bug" is no problem, "not locked out" no emergency', () => {
    expect(classifyTicket({ title: 'Not a bug', description: 'Not a bug, just a wish: favourite projects.' }).priority).toBe('low');
    expect(
      classifyTicket({ title: 'Two-factor', description: "I'm not locked out, but the code is asked on every login." }).priority,
    ).not.toBe('high');
  });

  it('reads common typos as the words they mean', () => {
    const found = classifyTicket({ title: 'refnd', description: 'I was chargd twice and the reciept is wrong' });
    expect(found).toMatchObject({ category: 'billing', priority: 'high' });
    expect(classifyTicket({ title: 'change my email', description: 'How do I change my email?' }).category).not.toBe('billing');
  });

  it('says general and medium, with no reasons, when nothing in the text decides', () => {
    expect(classifyTicket({ title: 'Hello', description: 'Hello there.' })).toEqual({
      category: 'general',
      priority: 'medium',
      reasons: { category: [], priority: [] },
    });
  });

  it('explains a given answer by the phrases that back it', () => {
    const text = { title: 'Invoice', description: 'The app crashes when I open the invoice.' };
    expect(phrasesBacking(text, 'technical', 'high').category).toContain('app');
    expect(phrasesBacking(text, 'billing', 'high').category).toEqual(['Invoice']);
  });

  it('says so in a sentence for the form', () => {
    const suggestion = rulesSuggestion({ title: 'Charged twice', description: 'Please refund.' });
    expect(suggestionSentence(suggestion)).toBe("Billing, High, because 'Charged twice', 'refund'");
  });
});
