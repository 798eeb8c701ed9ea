import { describe, expect, it } from 'vitest';
import { cannedTriggerBefore, fillPlaceholders, matchesCannedReply, newCannedReplyDoc } from './cannedReply.js';

const values = { customerName: 'Maya Chen', ticketNumber: 42, agentName: 'Sam Rivera' };

describe('canned replies', () => {
  it('fills every placeholder, spaces inside the braces too, and leaves unknown ones as typed', () => {
    expect(fillPlaceholders('Hi {{customer.name}}, about {{ ticket.number }}: {{agent.name}} here. {{ticket.title}}', values)).toBe(
      'Hi Maya Chen, about #42: Sam Rivera here. {{ticket.title}}',
    );
    expect(fillPlaceholders('Ticket {{ticket.number}}', { ...values, ticketNumber: null })).toBe('Ticket #pending');
  });

  it('finds a reply by every word typed, in its title, category or body', () => {
    const reply = newCannedReplyDoc({ title: 'Refund on its way', body: 'We have sent the money back.', category: 'Billing' });
    expect(matchesCannedReply(reply, 'refund')).toBe(true);
    expect(matchesCannedReply(reply, 'billing money')).toBe(true);
    expect(matchesCannedReply(reply, 'password')).toBe(false);
    expect(matchesCannedReply(reply, '')).toBe(true);
  });

  it('keeps no empty category and trims what the admin typed', () => {
    expect(newCannedReplyDoc({ title: ' Hello ', body: 'Hi!', category: '  ' })).toEqual({ title: 'Hello', body: 'Hi!', category: null });
    expect(() => newCannedReplyDoc({ title: ' ', body: 'Hi!' })).toThrow('Give the canned reply a title.');
  });

  it('opens the picker on "::" anywhere or "/" at the start of a line, with what follows as the search', () => {
    expect(cannedTriggerBefore('Hello ::ref', 11)).toEqual({ start: 6, query: 'ref' });
    expect(cannedTriggerBefore('::', 2)).toEqual({ start: 0, query: '' });
    expect(cannedTriggerBefore('/refund now', 11)).toEqual({ start: 0, query: 'refund now' });
    expect(cannedTriggerBefore('Thanks\n/ref', 11)).toEqual({ start: 7, query: 'ref' });
    expect(cannedTriggerBefore('and/or', 6)).toBeNull();
    expect(cannedTriggerBefore('Hello there', 11)).toBeNull();
  });
});
