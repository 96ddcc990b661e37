import { expect, test } from '@playwright/test';
import { openApp, openTab, sendKubectl, waitForRun } from './helpers';

const KEY = '/registry/pods/default/web';
const CONFLICT =
  'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again';

test.describe('Faithful requests, responses and etcd', () => {
  test.describe('with reduced motion (each answer at once)', () => {
    test.use({ reducedMotion: 'reduce' });

    test('a pod is created, read, updated with a stale resourceVersion and deleted', async ({ page }) => {
      await openApp(page);
      // Start watching before anything is written.
      await openTab(page, 'Watch');
      const feed = page.getByTestId('watch-events');
      await expect(page.getByTestId('watch-command')).toContainText('kubectl get pods');

      // Create: ADDED in the watch, the key highlighted in etcd.
      await sendKubectl(page, 'alice', 'kubectl run web --image=nginx');
      await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '201');
      const added = feed.locator(`li[data-event-type="ADDED"][data-etcd-key="${KEY}"]`);
      await expect(added).toHaveCount(1);
      const createdVersion = await added.getAttribute('data-resource-version');
      expect(createdVersion).toMatch(/^\d+$/);

      await openTab(page, 'etcd');
      await expect(page.locator(`[data-testid="etcd-panel"] [data-etcd-key="${KEY}"]`)).toHaveAttribute(
        'data-highlighted',
        'true',
      );
      await expect(page.getByTestId('etcd-mod-revision')).toHaveText(createdVersion ?? '');

      // Read it back.
      await sendKubectl(page, 'alice', 'kubectl get pod web -o json');
      await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '200');
      const pod = JSON.parse((await page.getByTestId('response-body').textContent()) ?? '{}');
      expect(pod.metadata.resourceVersion).toBe(createdVersion);

      // Someone else changes it: MODIFIED with a newer resourceVersion.
      await sendKubectl(page, 'alice', 'kubectl label pod web tier=frontend');
      await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '200');
      await openTab(page, 'Watch');
      const modified = feed.locator(`li[data-event-type="MODIFIED"][data-etcd-key="${KEY}"]`);
      await expect(modified).toHaveCount(1);
      expect(Number(await modified.getAttribute('data-resource-version'))).toBeGreaterThan(
        Number(createdVersion),
      );

      // A PUT of the copy read earlier (the old resourceVersion) is refused with 409 Conflict.
      await page.getByRole('button', { name: 'Raw HTTP' }).click();
      await page.getByTestId('raw-method').selectOption('PUT');
      await page.getByTestId('raw-path').fill('/api/v1/namespaces/default/pods/web');
      await page.getByTestId('raw-body').fill(JSON.stringify(pod));
      await page.getByTestId('raw-send').click();
      await waitForRun(page);
      await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '409');
      await expect(page.getByTestId('kubectl-output')).toHaveText(
        `Error from server (Conflict): ${CONFLICT}`,
      );
      // The Status body carries the same message (JSON-escaped).
      await expect(page.getByTestId('response-body')).toContainText(JSON.stringify(CONFLICT));

      // Delete: DELETED in the watch, the key gone from etcd.
      await page.getByRole('button', { name: 'kubectl', exact: true }).click();
      await sendKubectl(page, 'alice', 'kubectl delete pod web');
      await expect(page.getByTestId('kubectl-output')).toContainText('pod "web" deleted');
      await expect(feed.locator(`li[data-event-type="DELETED"][data-etcd-key="${KEY}"]`)).toHaveCount(1);
      const versions = await feed
        .locator(`li[data-etcd-key="${KEY}"]`)
        .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-resource-version'))));
      expect(versions).toEqual([...versions].sort((a, b) => a - b));

      await openTab(page, 'etcd');
      await expect(page.locator(`[data-testid="etcd-panel"] [data-etcd-key="${KEY}"]`)).toHaveCount(0);
    });
  });

  test('the watch holds back an event until the token reaches etcd', async ({ page }) => {
    await openApp(page);
    await openTab(page, 'Watch');
    await page.getByLabel('User').selectOption('alice');
    await page.getByLabel('Command').fill('kubectl run slow --image=nginx');
    // Half speed: time to see the feed still empty while the request is on its way.
    await page.getByLabel('Speed').selectOption('0.5');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const row = page.locator('[data-testid="watch-events"] li[data-etcd-key="/registry/pods/default/slow"]');
    await expect(page.locator('[data-stage="authentication"]')).toHaveAttribute(
      'data-outcome',
      /active|passed/,
    );
    await expect(row).toHaveCount(0);
    await waitForRun(page);
    await expect(row).toHaveCount(1);
  });
});
