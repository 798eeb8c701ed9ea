import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// The web bundle resolves packages the way Node does from web/. A chart library that gets an
// older react-is than React itself cannot tell React 19's elements apart (their $$typeof
// changed), and a package the web imports only through the shared domain must be declared by
// the web, or a hoisting change drops it from the bundle.
const webRequire = createRequire(fileURLToPath(new URL('../../web/package.json', import.meta.url)));
const major = (version: string) => version.split('.')[0];
const versionFrom = (require: NodeJS.Require, name: string) => (require(`${name}/package.json`) as { version: string }).version;

it("the charts see the same react-is major as the app's React", () => {
  const reactMajor = major(versionFrom(webRequire, 'react'));
  const chartsRequire = createRequire(webRequire.resolve('recharts/package.json'));
  expect(major(versionFrom(chartsRequire, 'react-is'))).toBe(reactMajor);
});

it('every package the shared domain imports is a web dependency', () => {
  const domainDir = fileURLToPath(new URL('../../functions/src/domain', import.meta.url));
  const sources = readdirSync(domainDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  // Value imports only (a type import leaves nothing in the bundle), by package name.
  const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  const imported = new Set(
    sources.flatMap((name) =>
      [...readFileSync(join(domainDir, name), 'utf8').matchAll(/^import (?!type )[^;]*?from '([^.'][^']*)'/gm)]
        .map((match) => match[1] ?? '')
        .filter((specifier) => !specifier.startsWith('node:'))
        .map(packageOf),
    ),
  );
  const webManifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../web/package.json', import.meta.url)), 'utf8')) as { dependencies: Record<string, string> };
  expect(imported.size).toBeGreaterThan(0);
  expect([...imported].filter((name) => !(name in webManifest.dependencies))).toEqual([]);
});
