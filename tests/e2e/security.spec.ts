import { expect, type Page, test } from '@playwright/test';

const EXAMPLES = [
  ['create-pod', /^201 Created/],
  ['forbidden-delete', /^403 Forbidden/],
  ['bad-token', /^401 Unauthorized/],
  ['invalid-pod', /^422 Unprocessable Entity/],
  ['create-from-file', /^201 Created/],
  ['list-pods', /^200 OK/],
  ['missing-namespace', /^404 Not Found/],
] as const;

/** Collects every Content-Security-Policy violation the page reports, from before its first script. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test.describe('The built app, locked down', () => {
  test('sends a Content-Security-Policy without inline scripts or eval', async ({ page }) => {
    await page.goto('/');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(await page.locator('script:not([src])').count()).toBe(0);
  });

  test('plays every starter example with no policy violation and no request beyond its own origin', async ({
    page,
    context,
  }) => {
    const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
    const foreign: string[] = [];
    const runtime: string[] = [];
    let loaded = false;
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) foreign.push(url);
      // After start-up, nothing is fetched but lazy chunks of the app itself.
      else if (loaded && !/\/assets\/[^/]+\.js$/.test(new URL(url).pathname)) runtime.push(url);
    });
    const violations = await recordViolations(page);

    await page.goto('/');
    await expect(page.getByTestId('pipeline-graph')).toBeVisible();
    loaded = true;
    await page.getByLabel('Speed').selectOption('2');
    for (const [id, status] of EXAMPLES) {
      await page.locator(`[data-example="${id}"]`).click();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      // The first example plays its whole animation; the rest skip to the end.
      if (id !== 'create-pod') await page.getByRole('button', { name: /^Skip to end/ }).click();
      await expect(page.getByTestId('pipeline-graph')).toHaveAttribute('data-playback', 'done', {
        timeout: 20_000,
      });
      await expect(page.getByRole('status')).toHaveText(status);
    }
    // Open a stage's explanation too: its view is a lazy chunk.
    await page.locator('[data-stage="authorization"]').click();
    await expect(page.getByTestId('inspector')).toBeVisible();

    expect(await violations()).toEqual([]);
    expect(foreign).toEqual([]);
    expect(runtime).toEqual([]);
  });
});
