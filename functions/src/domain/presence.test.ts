import { describe, expect, it } from 'vitest';
import { PRESENCE_EXPIRY_MS, livePresence, replyLandedSince } from './presence.js';

const now = new Date('2024-05-01T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('presence', () => {
  it('readers keep entries whose heartbeat is within the expiry, whatever is stored', () => {
    const entries = [{ uid: 'fresh', heartbeatAt: ago(1_000) }, { uid: 'edge', heartbeatAt: ago(PRESENCE_EXPIRY_MS) }, { uid: 'gone', heartbeatAt: ago(PRESENCE_EXPIRY_MS + 1) }];
    expect(livePresence(entries, now).map((e) => e.uid)).toEqual(['fresh', 'edge']);
  });

  it("finds another staff member's reply that landed since typing began, never one's own or a customer's", () => {
    const message = (authorUid: string, authorRole: string, at: number) => ({ authorUid, authorRole, authorName: authorUid, kind: 'user', createdAt: ago(at) });
    const since = ago(30_000);
    expect(replyLandedSince([message('priya', 'agent', 60_000)], since, 'sam')).toBeUndefined();
    expect(replyLandedSince([message('sam', 'agent', 10_000), message('maya', 'customer', 5_000)], since, 'sam')).toBeUndefined();
    expect(replyLandedSince([message('priya', 'agent', 20_000)], since, 'sam')?.authorUid).toBe('priya');
  });
});
