import { expect, type Page, test } from '@playwright/test';
import { openApp, sendKubectl, stage } from './helpers';

const table = (page: Page) => page.getByTestId('rbac-table');
const highlightedRow = (page: Page) => table(page).locator('tr[data-highlighted="true"]');
const nearMissRow = (page: Page) => table(page).locator('tr[data-near-miss="true"]');

/** Shows the authorization stage in the inspector and follows its "Show in RBAC editor". */
async function showInRbac(page: Page): Promise<void> {
  await stage(page, 'authorization').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('authz-decision')).toBeVisible();
  await inspector.getByRole('button', { name: 'Show in RBAC editor' }).click();
  await expect(page.getByTestId('world-panel')).toBeVisible();
  await expect(page.locator('[data-world-tab="rbac"]')).toHaveAttribute('aria-selected', 'true');
}

test.describe('The authorization verdict in the RBAC editor', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('marks the binding and rule that allowed a request', async ({ page }) => {
    await sendKubectl(page, 'alice', 'kubectl run nginx --image=nginx');
    await showInRbac(page);

    await expect(table(page)).toHaveAttribute('data-highlight', 'allowed');
    await expect(highlightedRow(page)).toHaveCount(1);
    await expect(highlightedRow(page)).toHaveAttribute('data-rbac-subject', 'User alice');
    await expect(highlightedRow(page)).toHaveAttribute(
      'data-rbac-binding',
      'RoleBinding default/alice-manages-pods',
    );
    await expect(highlightedRow(page)).toContainText('pod-manager');
    const rule = highlightedRow(page).locator('li[data-highlighted="true"]');
    await expect(rule).toHaveAttribute('data-rbac-rule-index', '0');
    await expect(rule.getByTestId('rbac-highlight-marker')).toHaveText('allowed this request');
    await expect(highlightedRow(page)).toBeInViewport();
    await expect(nearMissRow(page)).toHaveCount(0);
  });

  test('marks the closest rule of a 403 and what it lacked', async ({ page }) => {
    await sendKubectl(page, 'bob', 'kubectl delete pod nginx');
    await expect(page.getByRole('status')).toHaveText(/^403 Forbidden/);
    await showInRbac(page);

    await expect(table(page)).toHaveAttribute('data-highlight', 'nearMiss');
    await expect(nearMissRow(page)).toHaveCount(1);
    await expect(nearMissRow(page)).toHaveAttribute('data-rbac-subject', 'User bob');
    await expect(nearMissRow(page)).toContainText('ClusterRole reader');
    const rule = nearMissRow(page).locator('li[data-near-miss="true"]');
    await expect(rule).toHaveAttribute('data-rbac-rule-index', '0');
    await expect(rule.getByTestId('rbac-highlight-marker')).toHaveText('closest rule — lacks verb');
    await expect(nearMissRow(page)).toBeInViewport();
    await expect(highlightedRow(page)).toHaveCount(0);
  });

  test('moves the mark when the next request is decided by another rule', async ({ page }) => {
    await sendKubectl(page, 'alice', 'kubectl run nginx --image=nginx');
    await showInRbac(page);
    await expect(highlightedRow(page)).toHaveAttribute('data-rbac-subject', 'User alice');

    // The composer sits where the World panel is: close it to send again, then open it by hand.
    await page.getByTestId('world-close').click();
    await sendKubectl(page, 'bob', 'kubectl delete pod nginx');
    await page.getByTestId('world-toggle').click();
    await expect(page.locator('[data-world-tab="rbac"]')).toHaveAttribute('aria-selected', 'true');
    await expect(highlightedRow(page)).toHaveCount(0);
    await expect(nearMissRow(page)).toHaveAttribute('data-rbac-subject', 'User bob');

    // With the panel already open on the RBAC tab, the button still brings the row into view.
    await showInRbac(page);
    await expect(nearMissRow(page)).toBeInViewport();
  });
});
