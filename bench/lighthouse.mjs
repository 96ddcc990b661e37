#!/usr/bin/env node
// Page quality: Lighthouse (default mobile preset: Moto G-class device, simulated slow 4G and
// 4× CPU slowdown) against the production build served by `vite preview`, in Debian's Chromium.
// Prints the category scores, LCP, TBT, CLS and total bytes, and the audits that lost points.
// A benchmark: it checks nothing. Run: npx vite build && npm run bench:lighthouse
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startPreview } from './preview.mjs';

if (!existsSync('dist/index.html')) {
  console.error('dist/ is missing: run `npx vite build` first.');
  process.exit(1);
}

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
const preview = await startPreview(4181);
const userDataDir = mkdtempSync(join(tmpdir(), 'krf-lighthouse-'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  userDataDir,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const { lhr } = await lighthouse(preview.url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    results.push(lhr);
  }
  const last = results.at(-1);
  const score = (id) => median(results.map((r) => Math.round((r.categories[id]?.score ?? 0) * 100)));
  const metric = (id) => median(results.map((r) => r.audits[id]?.numericValue ?? Number.NaN));
  console.log(
    `Lighthouse ${last.lighthouseVersion}, ${last.configSettings.formFactor} preset, Chromium ${last.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1]}; median of ${runs} run(s)`,
  );
  console.log(`  performance     ${score('performance')}`);
  console.log(`  accessibility   ${score('accessibility')}`);
  console.log(`  best practices  ${score('best-practices')}`);
  console.log(`  SEO             ${score('seo')}`);
  console.log(`  FCP  ${(metric('first-contentful-paint') / 1000).toFixed(2)} s`);
  console.log(`  LCP  ${(metric('largest-contentful-paint') / 1000).toFixed(2)} s`);
  console.log(`  TBT  ${metric('total-blocking-time').toFixed(0)} ms`);
  console.log(`  CLS  ${metric('cumulative-layout-shift').toFixed(3)}`);
  console.log(`  total bytes  ${(metric('total-byte-weight') / 1024).toFixed(1)} KB (transferred)`);
  const lost = Object.values(last.audits).filter(
    (a) =>
      a.score !== null &&
      a.score < 1 &&
      a.scoreDisplayMode !== 'informative' &&
      a.scoreDisplayMode !== 'manual' &&
      a.scoreDisplayMode !== 'notApplicable',
  );
  if (lost.length > 0) {
    console.log('  audits below full marks (last run):');
    for (const a of lost) console.log(`    ${a.id}: ${a.score} ${a.displayValue ?? ''}`);
  }
} finally {
  chrome.kill();
  preview.stop();
  rmSync(userDataDir, { recursive: true, force: true });
}
