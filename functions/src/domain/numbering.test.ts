import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTicketNumber, nextTicketNumber, ticketCounterSchema } from './numbering.js';

describe('formatTicketNumber', () => {
  it('shows #pending before the number arrives', () => {
    expect(formatTicketNumber(null)).toBe('#pending');
  });

  it.each([
    [1, '#1'],
    [42, '#42'],
    [100000, '#100000'],
  ])('shows %d as %s', (n, expected) => {
    expect(formatTicketNumber(n)).toBe(expected);
  });
});

describe('nextTicketNumber', () => {
  it('starts at 1 when no counter exists yet', () => {
    expect(nextTicketNumber(undefined)).toBe(1);
  });

  it('starts at 1 from a zeroed counter', () => {
    expect(nextTicketNumber({ last: 0 })).toBe(1);
  });

  it('hands out the number after the last one', () => {
    expect(nextTicketNumber({ last: 41 })).toBe(42);
  });

  it('property: always one more than the last, and a valid counter itself', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000_000 }), (last) => {
        const next = nextTicketNumber({ last });
        expect(next).toBe(last + 1);
        expect(ticketCounterSchema.safeParse({ last: next }).success).toBe(true);
      }),
    );
  });

  it('the counter refuses negative or fractional values', () => {
    expect(ticketCounterSchema.safeParse({ last: -1 }).success).toBe(false);
    expect(ticketCounterSchema.safeParse({ last: 1.5 }).success).toBe(false);
  });
});
