import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnread } from './unread.js';

const t = (iso: string) => new Date(iso);
const me = 'reader';
const them = 'agent-7';

describe('isUnread: the red dot', () => {
  it.each([
    ['no messages yet, never read', { lastMessageAt: null, lastMessageBy: null }, undefined, false],
    ['no messages yet, read before', { lastMessageAt: null, lastMessageBy: null }, t('2024-01-01T10:00:00Z'), false],
    ['my own last message, never read', { lastMessageAt: t('2024-01-01T10:00:00Z'), lastMessageBy: me }, undefined, false],
    ['my own last message, newer than my marker', { lastMessageAt: t('2024-01-01T12:00:00Z'), lastMessageBy: me }, t('2024-01-01T10:00:00Z'), false],
    ['their message newer than my marker', { lastMessageAt: t('2024-01-01T12:00:00Z'), lastMessageBy: them }, t('2024-01-01T10:00:00Z'), true],
    ['their message older than my marker', { lastMessageAt: t('2024-01-01T09:00:00Z'), lastMessageBy: them }, t('2024-01-01T10:00:00Z'), false],
    ['their message at the very moment I read', { lastMessageAt: t('2024-01-01T10:00:00Z'), lastMessageBy: them }, t('2024-01-01T10:00:00Z'), false],
    ['their message, no marker (undefined)', { lastMessageAt: t('2024-01-01T10:00:00Z'), lastMessageBy: them }, undefined, true],
    ['their message, no marker (null)', { lastMessageAt: t('2024-01-01T10:00:00Z'), lastMessageBy: them }, null, true],
  ] as const)('%s -> %s', (_label, ticket, lastReadAt, expected) => {
    expect(isUnread(ticket, me, lastReadAt)).toBe(expected);
  });

  it('property: one’s own message never shows a dot, whatever the marker', () => {
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true }),
        fc.option(fc.date({ noInvalidDate: true })),
        (lastMessageAt, lastReadAt) => {
          expect(isUnread({ lastMessageAt, lastMessageBy: me }, me, lastReadAt)).toBe(false);
        },
      ),
    );
  });

  it('property: someone else’s message shows a dot exactly when it is newer than the marker', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), fc.date({ noInvalidDate: true }), (lastMessageAt, lastReadAt) => {
        expect(isUnread({ lastMessageAt, lastMessageBy: them }, me, lastReadAt)).toBe(
          lastMessageAt.getTime() > lastReadAt.getTime(),
        );
      }),
    );
  });
});
