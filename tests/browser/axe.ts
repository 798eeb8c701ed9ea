import { expect, type Page } from '@playwright/test';
import type * as Axe from 'axe-core';
import { createRequire } from 'node:module';

// axe-core's own build, injected into the page under test: no wrapper library in between.
const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const blocking: readonly (Axe.ImpactValue | null | undefined)[] = ['serious', 'critical'];

/** One line per violation and one per node it hits: what a developer needs to find and fix it. */
export function describeViolations(violations: readonly Axe.Result[]): string {
  return violations
    .map((violation) =>
      [
        `${violation.id} (${violation.impact}): ${violation.help} [${violation.helpUrl}]`,
        ...violation.nodes.map((node) => `    ${node.target.join(' >> ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
      ].join('\n'),
    )
    .join('\n');
}

/** Runs axe-core on the whole page as it is now (WCAG 2.x A and AA rules, and best practices). */
export async function axeViolations(page: Page): Promise<Axe.Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeScript });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof Axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations;
}

/**
 * Fails (softly, so every page of a walk is reported) on any serious or critical violation
 * on the page, printing each one's id, help and the nodes it hits.
 */
export async function expectAccessible(page: Page, where: string) {
  const violations = (await axeViolations(page)).filter((violation) => blocking.includes(violation.impact));
  const nodes = violations.reduce((sum, violation) => sum + violation.nodes.length, 0);
  const report = describeViolations(violations);
  if (report) console.log(`axe, ${where}: ${violations.length} serious or critical violations on ${nodes} nodes\n${report}`);
  expect.soft(violations.map((violation) => violation.id), `axe, ${where}:\n${report}`).toEqual([]);
}
