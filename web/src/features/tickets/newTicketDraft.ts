/**
 * The new-ticket form's title and description while being typed, per person, in
 * localStorage: a reload, or a session that ends and is signed in again, brings them back.
 */
interface Draft {
  readonly title: string;
  readonly description: string;
}

const keyOf = (uid: string) => `support-desk.draft.new-ticket.${uid}`;

export function readNewTicketDraft(uid: string): Draft {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyOf(uid)) ?? '{}') as Partial<Draft>;
    return { title: typeof parsed.title === 'string' ? parsed.title : '', description: typeof parsed.description === 'string' ? parsed.description : '' };
  } catch {
    return { title: '', description: '' };
  }
}

export function writeNewTicketDraft(uid: string, draft: Draft): void {
  if (!draft.title && !draft.description) localStorage.removeItem(keyOf(uid));
  else localStorage.setItem(keyOf(uid), JSON.stringify(draft));
}

export function clearNewTicketDraft(uid: string): void {
  localStorage.removeItem(keyOf(uid));
}
