import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, it } from 'vitest';

// What `npm run build -w functions` compiles is what `firebase deploy` uploads. Excluding a
// file in tsconfig.build.json is not enough: tsc still compiles it when a deployed file
// imports it, so every file the build reaches through relative imports is checked here.
const testOnly = [/\.test\.ts$/, /\/store\/memoryStore\.ts$/, /\/store\/memoryFiles\.ts$/, /\/handlers\/testSupport\.ts$/, /\/handlers\/statsSimulation\.ts$/];

function reachedFrom(roots: readonly string[]): Set<string> {
  const reached = new Set<string>();
  const queue = [...roots];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    for (const imported of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), imported.fileName.replace(/\.js$/, '.ts'));
      if (existsSync(target)) queue.push(target);
    }
  }
  return reached;
}

it('the deployed functions contain no test-only code (in-memory store, test seeding, tests)', () => {
  const configPath = fileURLToPath(new URL('../../functions/tsconfig.build.json', import.meta.url));
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const compiled = [...reachedFrom(config.fileNames)];
  expect(compiled.some((name) => name.endsWith('/functions/src/index.ts'))).toBe(true);
  expect(compiled.filter((name) => testOnly.some((pattern) => pattern.test(name)))).toEqual([]);
});
