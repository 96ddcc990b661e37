import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { openApp, stage, waitForRun } from './helpers';

const THEMES = ['light', 'dark'] as const;
const LOCALES = ['en', 'zh-CN'] as const;
const DETAILS_TABS = ['etcd', 'watch', 'resources', 'log', 'access'] as const;
const STAGE_NODES = [
  'client',
  'authentication',
  'authorization',
  'decoding',
  'mutatingAdmission',
  'schemaValidation',
  'validatingAdmission',
  'storage',
  'etcd',
] as const;

/**
 * The serious and critical axe-core violations on the page (or inside `scope`), one line per
 * offending element, so a failure lists the rule ids and where they hit. No rule is disabled.
 */
async function seriousViolations(page: Page, view: string, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (scope !== undefined) builder.include(scope);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${view}: ${v.id} (${v.impact}) at ${n.target.join(' ')}`));
}

/** Uses stable hooks (not names), so it works in either language. */
async function sendAsBob(page: Page, command = 'kubectl delete pod nginx'): Promise<void> {
  await page.getByTestId('user-select').selectOption('bob');
  await page.getByTestId('command-input').fill(command);
  await page.locator('[data-operation="send"]').click();
  await waitForRun(page);
}

async function choose(page: Page, theme: (typeof THEMES)[number], locale: (typeof LOCALES)[number]) {
  await page.locator(`[data-theme-choice="${theme}"]`).click();
  await page.getByTestId('language').locator(`[data-locale="${locale}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

test.describe('Accessibility: axe-core finds nothing serious', () => {
  for (const theme of THEMES) {
    for (const locale of LOCALES) {
      test(`on every main view, ${theme} theme, ${locale}`, async ({ page }) => {
        // Up to 15 full scans on a shared 2-core machine: axe's colour checks are slow, not the app.
        test.setTimeout(240_000);
        await openApp(page);
        await choose(page, theme, locale);
        const found: string[] = [];

        // The workspace with a finished request: composer, graph, inspector (details open), response.
        await sendAsBob(page);
        await expect(stage(page, 'authorization')).toHaveAttribute('data-outcome', 'failed');
        found.push(...(await seriousViolations(page, 'workspace after a send')));

        for (const tab of DETAILS_TABS) {
          const button = page.locator(`[data-testid="details-tab"][data-tab="${tab}"]`);
          await button.click();
          await expect(button).toHaveAttribute('aria-selected', 'true');
          found.push(...(await seriousViolations(page, `details tab ${tab}`, '[data-testid="details"]')));
        }

        await page.getByTestId('compare-toggle').click();
        await expect(page.getByTestId('compare-view')).toBeVisible();
        found.push(...(await seriousViolations(page, 'compare mode', '[data-testid="compare-view"]')));
        await page.getByTestId('compare-toggle').click();
        await expect(page.getByTestId('compare-view')).toHaveCount(0);

        await page.getByTestId('world-toggle').click();
        const world = page.getByTestId('world-panel');
        const worldTabs = world.getByRole('tab');
        await expect(worldTabs.first()).toBeVisible();
        const count = await worldTabs.count();
        expect(count).toBeGreaterThanOrEqual(6);
        found.push(...(await seriousViolations(page, 'workspace with the World panel')));
        for (let i = 0; i < count; i++) {
          const tab = worldTabs.nth(i);
          const name = (await tab.textContent()) ?? String(i);
          await tab.click();
          await expect(tab).toHaveAttribute('aria-selected', 'true');
          await expect(world.getByRole('tabpanel')).toBeVisible();
          found.push(...(await seriousViolations(page, `World tab ${name}`, '[data-testid="world-panel"]')));
        }

        expect(found).toEqual([]);
      });
    }
  }

  test('on a 390×844 phone screen, with the graph laid out vertically', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page);
    await expect(page.getByTestId('pipeline-graph')).toHaveAttribute('data-orientation', 'vertical');
    await sendAsBob(page);
    expect(await seriousViolations(page, 'phone workspace')).toEqual([]);
  });
});

test.describe('Accessibility: keyboard, live region, more than colour', () => {
  test('reaches every main control with Tab, each showing a focus ring', async ({ page }) => {
    await openApp(page);
    await sendAsBob(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    const reached = new Set<string>();
    const withoutRing: string[] = [];
    for (let i = 0; i < 70; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (el === null || el === document.body) return undefined;
        const hook =
          el.dataset.testid ??
          (el.dataset.operation && `operation:${el.dataset.operation}`) ??
          (el.closest<HTMLElement>('[data-stage]') &&
            `stage:${el.closest<HTMLElement>('[data-stage]')?.dataset.stage}`) ??
          (el.dataset.tab && `tab:${el.dataset.tab}`) ??
          (el.dataset.themeChoice && `theme:${el.dataset.themeChoice}`) ??
          (el.dataset.locale && `locale:${el.dataset.locale}`) ??
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
        const style = getComputedStyle(el);
        const ring =
          el.matches(':focus-visible') &&
          style.outlineStyle !== 'none' &&
          Number.parseFloat(style.outlineWidth) >= 2 &&
          style.outlineColor !== 'rgba(0, 0, 0, 0)';
        return { hook, ring };
      });
      if (focus === undefined) continue;
      reached.add(focus.hook);
      if (!focus.ring) withoutRing.push(focus.hook);
    }

    expect(withoutRing).toEqual([]);
    for (const control of [
      'world-toggle',
      'compare-toggle',
      'locale:zh-CN',
      'text-size',
      'theme:dark',
      'command-input',
      'user-select',
      'operation:send',
      'operation:play-pause',
      'operation:restart',
      'stage:client',
      'stage:authorization',
      'stage:etcd',
      'details-tab',
    ]) {
      expect(reached, `Tab never reached ${control}`).toContain(control);
    }
  });

  test('selects a stage for the inspector by keyboard', async ({ page }) => {
    await openApp(page);
    await sendAsBob(page);
    const authentication = stage(page, 'authentication').getByRole('button');
    await authentication.focus();
    await page.keyboard.press('Enter');
    await expect(authentication).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('details').getByRole('heading', { name: 'Authentication' })).toBeVisible();
  });

  test('announces how each request ended in a polite live region, in English and Chinese', async ({
    page,
  }) => {
    await openApp(page);
    const region = page.getByTestId('run-announcer');
    await expect(region).toHaveAttribute('aria-live', 'polite');
    await expect(region).toHaveText('');

    await sendAsBob(page);
    await expect(region).toHaveText('Authorization: failed — 403 Forbidden');

    // Nothing is said ahead of the animation: the region empties while the next request plays.
    await page.getByTestId('user-select').selectOption('alice');
    await page.getByTestId('command-input').fill('kubectl run nginx --image=nginx');
    await page.locator('[data-operation="send"]').click();
    await expect(page.getByTestId('pipeline-graph')).toHaveAttribute('data-playback', 'playing');
    await expect(region).toHaveText('');
    await waitForRun(page);
    await expect(region).toHaveText('Storage: passed — 201 Created');

    await page.getByTestId('language').locator('[data-locale="zh-CN"]').click();
    await sendAsBob(page);
    // Stage and outcome words are the catalog's; the status line stays the server's.
    await expect(region).toHaveText('鉴权：失败 — 403 Forbidden');
  });

  test('shows every stage outcome as an icon and a word, never colour alone', async ({ page }) => {
    await openApp(page);
    await sendAsBob(page);
    const words: Record<string, RegExp> = {
      passed: /passed/,
      failed: /failed · 403|403 Forbidden/,
      skipped: /skipped/,
    };
    for (const node of STAGE_NODES) {
      const card = stage(page, node);
      const outcome = (await card.getAttribute('data-outcome')) ?? '';
      expect(Object.keys(words), `${node} has outcome ${outcome}`).toContain(outcome);
      await expect(card.getByRole('button')).toHaveAccessibleName(words[outcome] as RegExp);
      // The node's own icon and the outcome's icon, both decorative beside the words.
      await expect(card.locator('svg[aria-hidden="true"]')).toHaveCount(2);
    }
    await expect(page.getByTestId('response-status').locator('svg')).toHaveCount(1);
    await expect(page.getByTestId('response-status')).toHaveText('403 Forbidden');
  });
});
