import { describe, expect, it } from 'vitest';
import {
  assignmentConfigFrom,
  assignmentPool,
  chooseAssignee,
  defaultAssignmentConfig,
  type AssignmentConfig,
} from './assignment.js';

const staff = [
  { uid: 'ana', role: 'agent' },
  { uid: 'ben', role: 'agent' },
  { uid: 'cy', role: 'agent' },
  { uid: 'root', role: 'admin' },
];
const roundRobin: AssignmentConfig = { strategy: 'round_robin', agentUids: [], lastAssignedUid: null };

describe('auto-assignment', () => {
  it('round robin rotates fairly over the agents and wraps around', () => {
    let config = roundRobin;
    const picks: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      const pick = chooseAssignee(config, assignmentPool(config, staff), Math.random);
      picks.push(pick);
      config = { ...config, lastAssignedUid: pick };
    }
    expect(picks).toEqual(['ana', 'ben', 'cy', 'ana', 'ben', 'cy']);
  });

  it('skips an agent who is no longer active, keeping everyone else in turn', () => {
    const pool = assignmentPool({ ...roundRobin, agentUids: ['ana', 'ben', 'cy'] }, staff.filter((u) => u.uid !== 'ben'));
    expect(pool).toEqual(['ana', 'cy']);
    expect(chooseAssignee({ ...roundRobin, agentUids: ['ana', 'ben', 'cy'], lastAssignedUid: 'ana' }, pool, Math.random)).toBe('cy');
  });

  it('manual assigns nobody; random picks by the given random number; admins are not in the default pool', () => {
    expect(chooseAssignee({ ...roundRobin, strategy: 'manual' }, ['ana'], Math.random)).toBeNull();
    expect(chooseAssignee({ ...roundRobin, strategy: 'random' }, ['ana', 'ben', 'cy'], () => 0.5)).toBe('ben');
    expect(assignmentPool(roundRobin, staff)).not.toContain('root');
  });

  it('reads a console-edited config: missing means the default, broken means manual', () => {
    expect(assignmentConfigFrom(undefined)).toEqual(defaultAssignmentConfig);
    expect(assignmentConfigFrom({ strategy: 'round_robin' })).toMatchObject({ strategy: 'round_robin', agentUids: [] });
    expect(assignmentConfigFrom({ strategy: 'whoever' }).strategy).toBe('manual');
  });
});
