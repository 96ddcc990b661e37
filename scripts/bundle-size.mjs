#!/usr/bin/env node
// Prints the initial and total JavaScript of the production build (gzip KB) and, with
// --check, fails when the initial JS is over budget. Initial = the entry script and every
// chunk it preloads (what the browser fetches before the graph can play a request).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Initial JS budget in gzip KB: at most 10% above the measured size (see README, Performance). */
const INITIAL_BUDGET_KB = Number(process.env.BUNDLE_BUDGET_KB ?? 160);

const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1]),
);
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const all = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const initialKb = [...initial].reduce((sum, f) => sum + gz(f), 0);
const totalKb = all.reduce((sum, f) => sum + gz(f), 0);

console.log(`initial JS: ${initialKb.toFixed(1)} KB gzip (${initial.size} file(s); budget ${INITIAL_BUDGET_KB} KB)`);
console.log(`total JS:   ${totalKb.toFixed(1)} KB gzip (${all.length} file(s))`);
for (const f of all) console.log(`  ${initial.has(f) ? '*' : ' '} ${f}  ${gz(f).toFixed(1)} KB`);

if (process.argv.includes('--check') && initialKb > INITIAL_BUDGET_KB) {
  console.error(`Initial JS ${initialKb.toFixed(1)} KB is over the ${INITIAL_BUDGET_KB} KB budget.`);
  process.exit(1);
}
