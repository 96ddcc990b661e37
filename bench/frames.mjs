#!/usr/bin/env node
// Smoothness: frame times (requestAnimationFrame deltas) and long tasks (PerformanceObserver)
// while a request animates through the graph and while the graph is panned and zoomed, without
// and with a 4× CPU slowdown (DevTools throttling, as on a school laptop). A benchmark: it prints
// figures and checks nothing. Run: npx vite build && npm run bench:frames
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startPreview } from './preview.mjs';

const RATES = [1, 4];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync('dist/index.html')) {
  console.error('dist/ is missing: run `npx vite build` first.');
  process.exit(1);
}

/** Starts recording frames and long tasks in the page. */
async function startRecording(page) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    const rec = { frames: [], longTasks: [], at: [], start: performance.now(), running: true };
    w.__rec = rec;
    let last = performance.now();
    const tick = (now) => {
      rec.frames.push(now - last);
      last = now;
      if (rec.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
    rec.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        rec.longTasks.push(entry.duration);
        rec.at.push(entry.startTime - rec.start);
      }
    });
    rec.observer.observe({ type: 'longtask' });
  });
}

async function stopRecording(page) {
  return page.evaluate(() => {
    const rec = /** @type {any} */ (window).__rec;
    rec.running = false;
    rec.observer.disconnect();
    return { frames: rec.frames, longTasks: rec.longTasks, at: rec.at };
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summarize(label, { frames, longTasks, at }) {
  const sorted = [...frames].sort((a, b) => a - b);
  const over = longTasks.filter((d) => d > 50);
  const f = (n) => n.toFixed(1).padStart(5);
  console.log(
    `  ${label.padEnd(26)} frames ${String(frames.length).padStart(4)}  p50 ${f(percentile(sorted, 50))} ms  p95 ${f(percentile(sorted, 95))} ms  max ${f(sorted.at(-1) ?? Number.NaN)} ms  long tasks ${longTasks.length} (longest ${longTasks.length === 0 ? '-' : `${Math.max(...longTasks).toFixed(0)} ms`}, ${over.length} over 50 ms)`,
  );
  if (longTasks.length > 0) {
    console.log(
      `    long tasks at ${at.map((t, i) => `+${t.toFixed(0)} ms (${longTasks[i].toFixed(0)} ms)`).join(', ')} after recording began`,
    );
  }
}

/** A request from Send to the end of its animation, at normal speed. */
async function playRequest(page) {
  await page.getByLabel('User').selectOption('alice');
  await page.getByLabel('Command').fill('kubectl run nginx --image=nginx');
  await startRecording(page);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.locator('[data-testid="pipeline-graph"][data-playback="done"]').waitFor({ timeout: 60_000 });
  return stopRecording(page);
}

/** Drags the React Flow pane around and zooms in and out with the wheel. */
async function panAndZoom(page) {
  const pane = page.locator('.react-flow__pane').first();
  const box = await pane.boundingBox();
  if (box === null) throw new Error('no React Flow pane');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await startRecording(page);
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i <= 30; i++) {
      await page.mouse.move(cx + Math.sin(i / 5) * 150, cy + Math.cos(i / 5) * 60);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    for (let i = 0; i < 10; i++) {
      await page.mouse.wheel(0, round % 2 === 0 ? -120 : 120);
      await page.waitForTimeout(30);
    }
  }
  await page.waitForTimeout(300);
  return stopRecording(page);
}

const preview = await startPreview(4180);
const userDataDir = mkdtempSync(join(tmpdir(), 'krf-frames-'));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  console.log(`Frame times in headless Chromium (${await browser.version()}), viewport 1440×900`);
  for (const rate of RATES) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(preview.url);
    await page.getByTestId('pipeline-graph').waitFor();
    await page.waitForTimeout(500);
    console.log(`\nCPU ${rate}× slower`);
    summarize('request animation', await playRequest(page));
    summarize('pan and zoom', await panAndZoom(page));
    await context.close();
  }
} finally {
  await browser.close();
  preview.stop();
  rmSync(userDataDir, { recursive: true, force: true });
}
