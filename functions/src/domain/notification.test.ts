import { describe, expect, it } from 'vitest';
import {
  assignmentNotice,
  autoAssignmentNotice,
  messageAudience,
  messageRecipients,
  newMessageText,
  newTicketText,
  startsTurn,
  statusChangeNotice,
} from './notification.js';

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

describe('who hears of a chat message', () => {
  const assigned = { customerUid: 'maya', assigneeUid: 'priya' };
  const unassigned = { customerUid: 'maya', assigneeUid: null };
  const fromMaya = { authorUid: 'maya', authorRole: 'customer', kind: 'user' } as const;
  const fromSam = { authorUid: 'sam', authorRole: 'agent', kind: 'user' } as const;
  const staff = ['priya', 'sam', 'ada'];
  const told = (...args: Parameters<typeof messageAudience>) => messageRecipients(messageAudience(...args), staff);

  it("the assignee hears of every customer's message, a burst's later ones included", () => {
    expect(told(assigned, fromMaya, null)).toEqual(['priya']);
    expect(told(assigned, fromMaya, 'maya')).toEqual(['priya']);
    expect(told(assigned, fromMaya, 'priya')).toEqual(['priya']);
  });

  it('on an unassigned ticket every active staff member hears, only when the customer starts a turn', () => {
    expect(messageAudience(unassigned, fromMaya, null)).toEqual({ kind: 'activeStaff', exceptUid: 'maya' });
    expect(told(unassigned, fromMaya, null)).toEqual(staff);
    expect(told(unassigned, fromMaya, 'sam')).toEqual(staff);
    expect(messageAudience(unassigned, fromMaya, 'maya')).toEqual({ kind: 'nobody' });
  });

  it('a staff reply tells the customer, whoever is assigned', () => {
    expect(told(assigned, fromSam, 'maya')).toEqual(['maya']);
    expect(told(unassigned, fromSam, 'sam')).toEqual(['maya']);
  });

  it('system messages tell nobody', () => {
    expect(told(assigned, { authorUid: null, authorRole: null, kind: 'system' }, 'maya')).toEqual([]);
  });

  it('never the author: staff who opened a ticket of their own, or an assignee writing as the customer', () => {
    const own = { customerUid: 'sam', assigneeUid: 'sam' };
    expect(told(own, fromSam, null)).toEqual([]);
    const ownUnassigned = { customerUid: 'sam', assigneeUid: null };
    expect(told(ownUnassigned, fromSam, null)).toEqual(['priya', 'ada']);
  });

  it("a turn starts with the first message or when the other side spoke last", () => {
    expect(startsTurn(unassigned, 'maya', null)).toBe(true);
    expect(startsTurn(unassigned, 'maya', 'sam')).toBe(true);
    expect(startsTurn(unassigned, 'maya', 'maya')).toBe(false);
    expect(startsTurn(unassigned, 'sam', 'priya')).toBe(false);
    expect(startsTurn(unassigned, 'sam', 'maya')).toBe(true);
  });

  it('reads in the words of who is told, with the first words of the message', () => {
    const message = { authorUid: 'maya', authorName: 'Maya Chen', text: 'The printer\nis smoking again.' };
    expect(newMessageText(ticket, message, 'priya')).toBe('New message on #7 ("Printer") from Maya Chen: The printer is smoking again.');
    const reply = { authorUid: 'sam', authorName: 'Sam Rivera', text: 'On my way.' };
    expect(newMessageText(ticket, reply, 'maya')).toBe('New message on your ticket #7 ("Printer") from Sam Rivera: On my way.');
  });
});
