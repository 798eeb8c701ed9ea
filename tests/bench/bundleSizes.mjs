// The bytes each first screen loads, from a build's Vite manifest: the JS and CSS of the
// entry and of the lazily loaded modules that screen needs, each with everything it imports,
// gzip-compressed as a server sends them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** `screens`: name -> the source modules it loads lazily (keys of the manifest, e.g. src/app/SignedInApp.tsx). */
export function firstScreenBytes(outDir, screens) {
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'));
  const gzipped = new Map();
  const sizeOf = (file) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(outDir, file))).length);
    return gzipped.get(file);
  };
  const result = {};
  for (const [name, lazy] of Object.entries(screens)) {
    const chunks = new Set();
    const visit = (key) => {
      if (chunks.has(key)) return;
      const chunk = manifest[key];
      if (!chunk) throw new Error(`${key} is not in the manifest of ${outDir}`);
      chunks.add(key);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    for (const key of ['index.html', ...lazy]) visit(key);
    const js = [...chunks].reduce((sum, key) => sum + sizeOf(manifest[key].file), 0);
    const cssFiles = new Set([...chunks].flatMap((key) => manifest[key].css ?? []));
    const css = [...cssFiles].reduce((sum, file) => sum + sizeOf(file), 0);
    result[name] = { js, css };
  }
  return result;
}

export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
