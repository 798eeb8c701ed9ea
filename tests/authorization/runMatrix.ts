import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../../functions/src/domain/index.js';
import type { ClientRequest } from './requests.js';
import {
  matrixCases,
  matrixActors,
  matrixActorTitles,
  matrixContext,
  operations,
  rateLimitCases,
  rateLimitContext,
  rateLimitSeed,
  type MatrixActor,
  type MatrixDriver,
} from './matrix.js';

const outcomeOf = (attempt: Promise<void>) =>
  attempt.then(
    () => 'allowed',
    () => 'denied',
  );

/**
 * Registers one test per matrix cell, and one per rate-limit case, against a driver. The
 * fixture is seeded again only when a cell needs another ticket state or the last cell
 * changed something (an allowed write): reads and refused writes leave it as it was, so the
 * thousand cells do not pay a thousand seedings.
 */
export function runAuthorizationMatrix(name: string, makeDriver: () => Promise<MatrixDriver>) {
  let driver: Promise<MatrixDriver> | undefined;
  let fixture: { state: TicketStatus; ticketId: string } | null = null;
  const seeded = async (state: TicketStatus) => {
    driver ??= makeDriver();
    const ready = await driver;
    if (fixture?.state !== state) fixture = { state, ticketId: await ready.givenTicket(state) };
    return { driver: ready, ticketId: fixture.ticketId };
  };
  const attempt = async (ready: MatrixDriver, actor: MatrixActor, request: ClientRequest) => {
    const outcome = await outcomeOf(ready.attempt(actor, request));
    if (outcome === 'allowed' && request.method !== 'get' && request.method !== 'list') fixture = null;
    return outcome;
  };

  // Read like a specification: one block per actor, then by ticket state, each line saying
  // what that actor may or may not do and why. Cells of one actor and state share a fixture.
  describe(`authorization matrix on ${name}`, () => {
    let serial = 0;
    const cells = matrixCases();
    for (const actor of matrixActors) {
      describe(matrixActorTitles[actor], () => {
        const mine = cells.filter((cell) => cell.actor === actor).sort((a, b) => a.state.localeCompare(b.state));
        for (const cell of mine) {
          const verdict = cell.expected === 'allowed' ? 'may' : 'may not';
          it(`${verdict} ${cell.operation} on a ${cell.state} ticket (${cell.because})`, async () => {
            const { driver: ready, ticketId } = await seeded(cell.state);
            const request = operations[cell.operation](
              matrixContext(cell.actor, ticketId, `matrix-new-${++serial}`, new Date()),
            );
            expect(await attempt(ready, cell.actor, request)).toBe(cell.expected);
          });
        }
      });
    }
  });

  describe(`rate limits on ${name}`, () => {
    let serial = 0;
    for (const limit of rateLimitCases) {
      it(`${limit.name}: ${limit.expected}`, async () => {
        driver ??= makeDriver();
        const ready = await driver;
        const now = new Date();
        const ticketId = await ready.givenTicket('open', [rateLimitSeed(limit.counter, now)]);
        // The seeded counter is not part of the plain fixture.
        fixture = null;
        const request = limit.request(rateLimitContext(ticketId, `limit-new-${++serial}`, limit.counter, now));
        expect(await attempt(ready, 'owner', request)).toBe(limit.expected);
      });
    }
  });
}
