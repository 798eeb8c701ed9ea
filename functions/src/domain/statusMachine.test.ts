import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { roles, type Role } from './roles.js';
import { assertTransition, canTransition, movesFrom } from './statusMachine.js';
import { locksChat, statusLabels, ticketStatuses, type TicketStatus } from './ticketFields.js';

/**
 * The legal moves, written out here independently of `statusTransitions`, so a change to the
 * machine's table shows up as a failing row rather than being mirrored silently.
 */
const legalMoves: ReadonlyArray<readonly [TicketStatus, TicketStatus, readonly Role[]]> = [
  ['open', 'in_progress', ['agent', 'admin']],
  ['open', 'rejected', ['agent', 'admin']],
  ['in_progress', 'resolved', ['agent', 'admin']],
  ['in_progress', 'rejected', ['agent', 'admin']],
  ['resolved', 'in_progress', ['customer', 'agent', 'admin']],
  ['resolved', 'closed', ['customer', 'agent', 'admin']],
];

function rolesAllowed(from: TicketStatus, to: TicketStatus): readonly Role[] | undefined {
  return legalMoves.find(([f, t]) => f === from && t === to)?.[2];
}

const triples = roles.flatMap((role) =>
  ticketStatuses.flatMap((from) => ticketStatuses.map((to) => ({ role, from, to }))),
);

function thrown(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('status machine: every (role, from, to)', () => {
  it('covers all 3 x 5 x 5 triples', () => {
    expect(triples).toHaveLength(roles.length * ticketStatuses.length * ticketStatuses.length);
    expect(triples).toHaveLength(75);
  });

  describe.each(triples)('$role: $from -> $to', ({ role, from, to }) => {
    const allowedRoles = rolesAllowed(from, to);
    const legal = allowedRoles?.includes(role) ?? false;

    it(`canTransition is ${legal}`, () => {
      expect(canTransition(role, from, to)).toBe(legal);
    });

    it(`movesFrom ${legal ? 'offers' : 'does not offer'} the move`, () => {
      expect(movesFrom(role, from).includes(to)).toBe(legal);
    });

    it('assertTransition agrees', () => {
      const error = thrown(() => assertTransition(role, from, to));
      if (from === to || legal) {
        expect(error).toBeUndefined();
        return;
      }
      expect(error).toBeInstanceOf(DomainError);
      const domainError = error as DomainError;
      if (allowedRoles === undefined) {
        expect(domainError.code).toBe('failed-precondition');
        expect(domainError.message).toBe(
          `A ticket cannot move from ${statusLabels[from]} to ${statusLabels[to]}.`,
        );
      } else {
        expect(domainError.code).toBe('permission-denied');
        expect(domainError.message).toContain(statusLabels[from]);
        expect(domainError.message).toContain(statusLabels[to]);
        expect(domainError.message).toContain(role);
      }
    });
  });
});

describe('status machine: examples', () => {
  it('says in words why a closed ticket cannot be reopened to open', () => {
    expect(() => assertTransition('admin', 'closed', 'open')).toThrow(
      'A ticket cannot move from Closed to Open.',
    );
  });

  it('refuses a customer accepting their own ticket as a permission problem', () => {
    const error = thrown(() => assertTransition('customer', 'open', 'in_progress'));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('permission-denied');
    expect((error as DomainError).message).toBe(
      'A customer cannot move a ticket from Open to In progress.',
    );
  });

  it('offers each role exactly the buttons of the table', () => {
    expect(movesFrom('agent', 'open')).toEqual(['in_progress', 'rejected']);
    expect(movesFrom('customer', 'open')).toEqual([]);
    expect(movesFrom('customer', 'resolved')).toEqual(['in_progress', 'closed']);
    expect(movesFrom('admin', 'in_progress')).toEqual(['resolved', 'rejected']);
  });

  it('movesFrom returns exactly the statuses the independent table allows, nothing more', () => {
    for (const role of roles) {
      for (const from of ticketStatuses) {
        const expected = ticketStatuses.filter((to) => rolesAllowed(from, to)?.includes(role));
        expect([...movesFrom(role, from)].sort()).toEqual([...expected].sort());
      }
    }
  });
});

describe('status machine: properties', () => {
  const roleArb = fc.constantFrom(...roles);
  const statusArb = fc.constantFrom(...ticketStatuses);
  const terminalArb = fc.constantFrom<TicketStatus>('closed', 'rejected');

  it('closed and rejected are terminal for every role', () => {
    fc.assert(
      fc.property(roleArb, terminalArb, statusArb, (role, from, to) => {
        expect(movesFrom(role, from)).toEqual([]);
        expect(canTransition(role, from, to)).toBe(false);
        if (from !== to) expect(() => assertTransition(role, from, to)).toThrow(DomainError);
      }),
    );
  });

  it('a random walk of legal moves from open stays within the statuses and ends for good', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(roleArb, fc.nat()), { maxLength: 40 }),
        (steps) => {
          let status: TicketStatus = 'open';
          let ended = false;
          for (const [role, pick] of steps) {
            const moves = movesFrom(role, status);
            const next: TicketStatus = moves[pick % Math.max(1, moves.length)] ?? status;
            expect(() => assertTransition(role, status, next)).not.toThrow();
            if (ended) expect(next).toBe(status);
            status = next;
            expect(ticketStatuses).toContain(status);
            if (status === 'closed' || status === 'rejected') ended = true;
          }
        },
      ),
    );
  });

  it('random attempts by anyone, applied only when canTransition allows, never leave an end state', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(roleArb, statusArb), { maxLength: 60 }), (attempts) => {
        let status: TicketStatus = 'open';
        const visited: TicketStatus[] = [status];
        for (const [role, to] of attempts) {
          if (canTransition(role, status, to)) {
            expect(rolesAllowed(status, to)).toContain(role);
            status = to;
            visited.push(status);
          }
        }
        for (const seen of visited) expect(ticketStatuses).toContain(seen);
        const firstEnd = visited.findIndex((s) => s === 'closed' || s === 'rejected');
        if (firstEnd >= 0) {
          expect(visited.slice(firstEnd + 1)).toEqual([]);
          expect(status).toBe(visited[firstEnd]);
        }
      }),
    );
  });

  it('a random walk reaches every status from open', () => {
    // The machine is not a dead end anywhere it should not be: each status is reachable.
    const reached = new Set<TicketStatus>(['open']);
    const queue: TicketStatus[] = ['open'];
    while (queue.length > 0) {
      const from = queue.shift() as TicketStatus;
      for (const role of roles) {
        for (const to of movesFrom(role, from)) {
          if (!reached.has(to)) {
            reached.add(to);
            queue.push(to);
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...ticketStatuses].sort());
  });

  it('locksChat is true exactly for closed and rejected', () => {
    fc.assert(
      fc.property(statusArb, (status) => {
        expect(locksChat(status)).toBe(status === 'closed' || status === 'rejected');
      }),
    );
    expect(ticketStatuses.filter(locksChat)).toEqual(['closed', 'rejected']);
  });
});
