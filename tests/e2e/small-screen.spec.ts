import { expect, type Page, test } from '@playwright/test';
import { openApp, stage, waitForRun } from './helpers';

const PIPELINE = [
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

const PHONE = { width: 390, height: 844 };

/** How far the page scrolls sideways: 0 when nothing sticks out past the viewport. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement as HTMLElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/** Controls whose box reaches past the viewport's left or right edge (a horizontally scrolling
 * container may hold them: then only the container must fit). */
function controlsCutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsSideways = (el: Element | null): boolean => {
      for (let p = el?.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && p.scrollWidth > p.clientWidth)
          return true;
      }
      return false;
    };
    return Array.from(
      document.querySelectorAll<HTMLElement>('button, select, textarea, input, summary, [role="tab"]'),
    )
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.react-flow') && !scrollsSideways(el))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.left < -0.5 || box.right > width + 0.5;
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
  });
}

async function nodeBoxes(page: Page) {
  const boxes = [];
  for (const node of PIPELINE) {
    const box = await stage(page, node).boundingBox();
    if (box === null) throw new Error(`${node} is not drawn`);
    boxes.push({ node, ...box });
  }
  return boxes;
}

test.describe('Small screens (390×844)', () => {
  test.use({ viewport: PHONE });

  test('nothing sticks out sideways: the workspace, a finished request, every details tab and the World panel', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await openApp(page);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await controlsCutOff(page)).toEqual([]);

    await page.getByLabel('User').selectOption('bob');
    await page.getByLabel('Command').fill('kubectl delete pod nginx');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await waitForRun(page);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(await controlsCutOff(page)).toEqual([]);
    await page.screenshot({ fullPage: true, path: 'test-results/small-screen-390.png' });

    for (const tab of ['etcd', 'watch', 'resources', 'log', 'access'] as const) {
      await page.locator(`[data-testid="details-tab"][data-tab="${tab}"]`).click();
      expect(await horizontalOverflow(page), `details tab ${tab}`).toBe(0);
    }

    await page.getByTestId('world-toggle').click();
    const world = page.getByTestId('world-panel');
    await expect(world.getByRole('tab').first()).toBeVisible();
    for (const tab of await world.getByRole('tab').all()) {
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      expect(await horizontalOverflow(page), `World tab ${await tab.textContent()}`).toBe(0);
    }
  });

  test('every main control can be scrolled into view and used', async ({ page }) => {
    await openApp(page);
    for (const control of [
      page.getByTestId('world-toggle'),
      page.getByTestId('language'),
      page.locator('[data-theme-choice="dark"]'),
      page.getByTestId('command-input'),
      page.getByTestId('user-select'),
      page.locator('[data-operation="send"]'),
      page.locator('[data-operation="play-pause"]'),
      page.locator('[data-operation="restart"]'),
      stage(page, 'etcd'),
      page.locator('[data-testid="details-tab"][data-tab="access"]'),
      page.getByTestId('response-panel'),
    ]) {
      await control.scrollIntoViewIfNeeded();
      await expect(control).toBeInViewport();
    }
    // Usable, not only visible: the last stage still takes a tap and opens in the inspector.
    await stage(page, 'etcd').getByRole('button').click();
    await expect(stage(page, 'etcd').getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  });

  test('lays the graph out top to bottom, every node inside the pane', async ({ page }) => {
    await openApp(page);
    const graph = page.getByTestId('pipeline-graph');
    await expect(graph).toHaveAttribute('data-orientation', 'vertical');
    const pane = await graph.boundingBox();
    if (pane === null) throw new Error('no graph pane');

    const boxes = await nodeBoxes(page);
    for (let i = 1; i < boxes.length; i++) {
      const [above, below] = [boxes[i - 1], boxes[i]] as const;
      expect(below?.y, `${below?.node} below ${above?.node}`).toBeGreaterThan(
        (above?.y ?? 0) + (above?.height ?? 0),
      );
      expect(Math.abs((below?.x ?? 0) - (above?.x ?? 0))).toBeLessThan(1);
    }
    for (const box of boxes) {
      expect(box.x, `${box.node} left edge`).toBeGreaterThanOrEqual(pane.x);
      expect(box.x + box.width, `${box.node} right edge`).toBeLessThanOrEqual(pane.x + pane.width);
      expect(box.y, `${box.node} top edge`).toBeGreaterThanOrEqual(pane.y);
      expect(box.y + box.height, `${box.node} bottom edge`).toBeLessThanOrEqual(pane.y + pane.height);
    }
    // Readable, not a thumbnail: a node is drawn at least 70% of its layout width (280+ px).
    expect(boxes[0]?.width).toBeGreaterThan(0.7 * 300);
  });

  test('turns back to the two-row snake when the window widens past 768 px', async ({ page }) => {
    await openApp(page);
    const graph = page.getByTestId('pipeline-graph');
    await expect(graph).toHaveAttribute('data-orientation', 'vertical');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(graph).toHaveAttribute('data-orientation', 'horizontal');
    const [client, authentication] = await nodeBoxes(page);
    expect(Math.abs((authentication?.y ?? 0) - (client?.y ?? 0))).toBeLessThan(1);
    expect(authentication?.x).toBeGreaterThan((client?.x ?? 0) + (client?.width ?? 0));
    await page.setViewportSize({ width: 767, height: 900 });
    await expect(graph).toHaveAttribute('data-orientation', 'vertical');
  });
});
