import { expect, test } from '@playwright/test';

test.describe('Offline, after the first visit', () => {
  test('reloads without a network and still plays a request', async ({ page, context }) => {
    await page.goto('/');
    await expect(page.getByTestId('pipeline-graph')).toBeVisible();
    // The service worker precaches the whole build on install, then claims the page.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
      timeout: 20_000,
    });
    await page.evaluate(() => navigator.serviceWorker.ready);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('pipeline-graph')).toBeVisible();
    await page.getByLabel('User').selectOption('bob');
    await page.getByLabel('Command').fill('kubectl delete pod nginx');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('button', { name: /^Skip to end/ }).click();
    await expect(page.getByTestId('pipeline-graph')).toHaveAttribute('data-playback', 'done', {
      timeout: 20_000,
    });
    await expect(page.getByRole('status')).toHaveText(/^403 Forbidden/);
    // A lazy chunk (a stage's explanation) comes from the cache too.
    await page.locator('[data-stage="authorization"]').click();
    await expect(page.getByTestId('inspector')).toContainText('bob');
  });
});
