import { describe, expect, it } from 'vitest';
import {
  matrixCases,
  matrixContext,
  operations,
  rateLimitCases,
  rateLimitContext,
  rateLimitSeed,
  type MatrixDriver,
} from './matrix.js';

const outcomeOf = (attempt: Promise<void>) =>
  attempt.then(
    () => 'allowed',
    () => 'denied',
  );

/** Registers one test per matrix cell, and one per rate-limit case, against a driver. */
export function runAuthorizationMatrix(name: string, makeDriver: () => Promise<MatrixDriver>) {
  describe(`authorization matrix on ${name}`, () => {
    let serial = 0;
    for (const cell of matrixCases()) {
      it(`${cell.actor} ${cell.operation} on a ${cell.state} ticket is ${cell.expected} (${cell.because})`, async () => {
        const driver = await makeDriver();
        const ticketId = await driver.givenTicket(cell.state);
        const request = operations[cell.operation](
          matrixContext(cell.actor, ticketId, `matrix-new-${++serial}`, new Date()),
        );
        expect(await outcomeOf(driver.attempt(cell.actor, request))).toBe(cell.expected);
      });
    }
  });

  describe(`rate limits on ${name}`, () => {
    let serial = 0;
    for (const limit of rateLimitCases) {
      it(`${limit.name}: ${limit.expected}`, async () => {
        const driver = await makeDriver();
        const now = new Date();
        const ticketId = await driver.givenTicket('open', [rateLimitSeed(limit.counter, now)]);
        const request = limit.request(rateLimitContext(ticketId, `limit-new-${++serial}`, limit.counter, now));
        expect(await outcomeOf(driver.attempt('owner', request))).toBe(limit.expected);
      });
    }
  });
}
