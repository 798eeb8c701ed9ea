import { describe, expect, it } from 'vitest';
import { matrixCases, matrixContext, operations, type MatrixDriver } from './matrix.js';

/** Registers one test per matrix cell against a driver. */
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
        const outcome = await driver.attempt(cell.actor, request).then(
          () => 'allowed',
          () => 'denied',
        );
        expect(outcome).toBe(cell.expected);
      });
    }
  });
}
