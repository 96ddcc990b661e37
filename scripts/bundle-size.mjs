#!/usr/bin/env node
// Prints the initial and total JavaScript of the production build (gzip KB) and, with --check,
// fails when the initial JS is over budget.
//
// Initial = everything that must load before a request can play: the entry chunk, the chunks it
// imports statically, and the chunks src/main.tsx imports with `import()` as soon as it runs
// (the store, the engine and the starter world), with their own static imports. It follows
// dist/.vite/manifest.json (build.manifest in vite.config.ts) from dist/.vite/start-up.json (the
// list of those imports, from the module graph). Chunks loaded on demand (editors, lessons,
// schemas, CEL) are in the total only.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Initial JS budget in gzip KB: at most 10% above the measured size (see README, Performance). */
const INITIAL_BUDGET_KB = Number(process.env.BUNDLE_BUDGET_KB ?? 300);

const dist = 'dist';
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: run \`npx vite build\` first (build.manifest must be on).`);
  process.exit(1);
}
/** @type {Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/**
 * The manifest keys of the modules src/main.tsx imports with `import()` as it starts, which
 * vite.config.ts (preloadStartUpChunks) reads from the module graph and writes beside the manifest.
 */
function startUpImports() {
  const path = join(dist, '.vite', 'start-up.json');
  if (!existsSync(path)) {
    console.error(`${path} is missing: vite.config.ts's preloadStartUpChunks plugin writes it.`);
    process.exit(1);
  }
  const keys = JSON.parse(readFileSync(path, 'utf8'));
  for (const key of keys) {
    if (!(key in manifest)) {
      console.error(`src/main.tsx imports ${key} at start, but it is not in the build manifest.`);
      process.exit(1);
    }
  }
  return keys;
}

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) {
  console.error(`expected one entry in the manifest, found ${entries.length}`);
  process.exit(1);
}
const initialKeys = new Set();
const visit = (key) => {
  if (initialKeys.has(key)) return;
  initialKeys.add(key);
  for (const dep of manifest[key]?.imports ?? []) visit(dep);
};
visit(entries[0][0]);
for (const key of startUpImports()) visit(key);

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const allFiles = [...new Set(Object.values(manifest).map((c) => c.file))]
  .filter((f) => f.endsWith('.js'))
  .sort();
const initialFiles = new Set([...initialKeys].map((k) => manifest[k].file));
const initialKb = [...initialFiles].reduce((sum, f) => sum + gz(f), 0);
const totalKb = allFiles.reduce((sum, f) => sum + gz(f), 0);

console.log(
  `initial JS: ${initialKb.toFixed(1)} KB gzip (${initialFiles.size} file(s); budget ${INITIAL_BUDGET_KB} KB)`,
);
console.log(`total JS:   ${totalKb.toFixed(1)} KB gzip (${allFiles.length} file(s))`);
console.log('  (* = initial)');
for (const f of allFiles) console.log(`  ${initialFiles.has(f) ? '*' : ' '} ${f}  ${gz(f).toFixed(1)} KB`);

if (process.argv.includes('--check') && initialKb > INITIAL_BUDGET_KB) {
  console.error(`Initial JS ${initialKb.toFixed(1)} KB is over the ${INITIAL_BUDGET_KB} KB budget.`);
  process.exit(1);
}
