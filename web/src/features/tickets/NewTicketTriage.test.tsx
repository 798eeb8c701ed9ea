import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rulesSuggestion, suggestionSentence, type TriageInput, type TriageSuggestion } from '@domain';
import { describe, expect, it } from 'vitest';
import { Route } from 'react-router';
import { localBackendAs, renderPage } from '../../testing/renderWithBackend';
import { NewTicketPage } from './NewTicketPage';

const routes = <Route path="/tickets/new" element={<NewTicketPage />} />;
const hint = () => screen.getByRole('status', { name: 'Suggested category and priority' });

/** Typing key by key is slow in jsdom on a busy machine: the customer pastes instead (one change, like a keystroke). */
async function paste(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

describe('New ticket form: triage while typing', () => {
  it('suggests Billing, High with the phrases behind it, pre-fills both, and the ticket keeps what was suggested', async () => {
    const backend = await localBackendAs('demo-maya');
    renderPage(backend, routes, '/tickets/new');
    const user = userEvent.setup();
    await paste(user, await screen.findByRole('textbox', { name: 'Title' }), 'Charged twice');
    await paste(user, screen.getByRole('textbox', { name: 'Description' }), 'Please refund the second payment.');
    await waitFor(() => expect(hint()).toHaveTextContent("Suggested: Billing, High, because 'Charged twice', 'refund'"));
    expect(hint()).toHaveTextContent('by the desk’s rules');
    expect(screen.getByRole('combobox', { name: 'Category' })).toHaveValue('billing');
    expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveValue('high');

    await user.click(screen.getByRole('button', { name: 'Open ticket' }));
    await waitFor(async () => expect(await backend.db.tickets.count()).toBe(1));
    const [saved] = await backend.db.tickets.toArray();
    expect(saved).toMatchObject({
      category: 'billing',
      priority: 'high',
      suggestedCategory: 'billing',
      suggestedPriority: 'high',
      suggestionSource: 'rules',
    });
  });

  it('stops pre-filling a field once the customer picks it, and keeps their choice', async () => {
    const backend = await localBackendAs('demo-maya');
    renderPage(backend, routes, '/tickets/new');
    const user = userEvent.setup();
    await paste(user, await screen.findByRole('textbox', { name: 'Title' }), 'Charged twice');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Category' })).toHaveValue('billing'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'Account');
    await paste(user, screen.getByRole('textbox', { name: 'Description' }), 'My invoice and refund, how do I see them?');
    await waitFor(() => expect(hint()).toHaveTextContent('Suggested: Billing'));
    expect(screen.getByRole('combobox', { name: 'Category' })).toHaveValue('account');

    await user.click(screen.getByRole('button', { name: 'Open ticket' }));
    await waitFor(async () => expect(await backend.db.tickets.count()).toBe(1));
    const [saved] = await backend.db.tickets.toArray();
    expect(saved).toMatchObject({ category: 'account', suggestedCategory: 'billing', suggestionSource: 'rules' });
  });

  it('never lets a slow, stale answer overwrite a newer one', async () => {
    const backend = await localBackendAs('demo-maya');
    // Answers held back, then released newest first: the older one arrives last.
    const pending: { input: TriageInput; answer: (suggestion: TriageSuggestion) => void }[] = [];
    backend.suggestTriage = (input) => new Promise((answer) => pending.push({ input, answer }));
    renderPage(backend, routes, '/tickets/new');
    const user = userEvent.setup();
    await paste(user, await screen.findByRole('textbox', { name: 'Title' }), 'Charged twice');
    await paste(user, screen.getByRole('textbox', { name: 'Description' }), ' app crashes');
    expect(hint()).toHaveTextContent('Suggesting a category and priority…');
    const newest = pending.at(-1)!;
    newest.answer(rulesSuggestion(newest.input));
    await waitFor(() => expect(hint()).toHaveTextContent(`Suggested: ${suggestionSentence(rulesSuggestion(newest.input))}`));
    const shown = hint().textContent;
    // act() settles the answers and whatever React makes of them.
    await act(async () => {
      for (const older of pending.slice(0, -1).reverse()) older.answer({ ...rulesSuggestion(older.input), category: 'general', priority: 'low' });
    });
    expect(hint().textContent).toBe(shown);
    expect(screen.getByRole('combobox', { name: 'Priority' })).not.toHaveValue('low');
  });

  it('opens the ticket without waiting for a suggestion that never comes', async () => {
    const backend = await localBackendAs('demo-maya');
    backend.suggestTriage = () => new Promise(() => {});
    renderPage(backend, routes, '/tickets/new');
    const user = userEvent.setup();
    await paste(user, await screen.findByRole('textbox', { name: 'Title' }), 'Printer question');
    await paste(user, screen.getByRole('textbox', { name: 'Description' }), 'How do I print?');
    expect(hint()).toHaveTextContent('Suggesting a category and priority…');
    await user.click(screen.getByRole('button', { name: 'Open ticket' }));
    await waitFor(async () => expect(await backend.db.tickets.count()).toBe(1));
    const [saved] = await backend.db.tickets.toArray();
    expect(saved).toMatchObject({ category: 'general', priority: 'medium', suggestedCategory: null, suggestionSource: null });
  });
});
