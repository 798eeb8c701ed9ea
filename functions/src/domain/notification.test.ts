import { describe, expect, it } from 'vitest';
import { assignmentNotice, autoAssignmentNotice, newTicketText, statusChangeNotice } from './notification.js';

const ticket = { number: 7, title: 'Printer', customerUid: 'maya', customerName: 'Maya Chen' };

describe('who is notified of what', () => {
  it('staff read who opened which ticket', () => {
    expect(newTicketText(ticket)).toBe('New ticket #7 from Maya Chen: Printer');
  });

  it('the customer hears of status changes made by others, never of their own', () => {
    expect(statusChangeNotice(ticket, 'in_progress', null, 'sam')).toEqual({
      recipientUid: 'maya',
      text: 'Your ticket #7 ("Printer") is now In progress.',
    });
    expect(statusChangeNotice(ticket, 'rejected', 'Duplicate.', null)?.text).toBe(
      'Your ticket #7 ("Printer") was rejected: Duplicate.',
    );
    expect(statusChangeNotice(ticket, 'closed', null, 'maya')).toBeNull();
  });

  it('a new assignee is told, unless they took the ticket themselves', () => {
    expect(assignmentNotice(ticket, 'priya', 'sam', 'Sam Rivera')).toEqual({
      recipientUid: 'priya',
      text: 'Sam Rivera assigned ticket #7 ("Printer") to you.',
    });
    expect(assignmentNotice(ticket, 'sam', 'sam', 'Sam Rivera')).toBeNull();
    expect(assignmentNotice(ticket, null, 'sam', 'Sam Rivera')).toBeNull();
    expect(autoAssignmentNotice(ticket, 'priya').text).toBe('Ticket #7 was assigned to you: Printer');
  });
});
