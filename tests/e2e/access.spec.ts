import { expect, test } from '@playwright/test';
import { openApp, openTab, stage, waitForRun } from './helpers';

function cell(page: import('@playwright/test').Page, verb: string, resource: string) {
  return page.locator(`[data-testid="matrix-cell"][data-verb="${verb}"][data-resource="${resource}"]`);
}

test.describe('Authentication and authorization in depth', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await openTab(page, 'Access');
    await expect(page.getByTestId('matrix-namespace')).toHaveValue('default');
    await page.getByTestId('matrix-subject').selectOption('bob');
  });

  test('the matrix shows what bob may do in default', async ({ page }) => {
    await expect(cell(page, 'list', 'pods')).toHaveAttribute('data-allowed', 'true');
    await expect(cell(page, 'delete', 'pods')).toHaveAttribute('data-allowed', 'false');
  });

  test('a cell plays its request, and the verdict matches', async ({ page }) => {
    await cell(page, 'list', 'pods').click();
    await waitForRun(page);
    await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '200');
    await expect(stage(page, 'authorization')).toHaveAttribute('data-outcome', 'passed');

    await cell(page, 'delete', 'pods').click();
    await waitForRun(page);
    await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '403');
    await expect(stage(page, 'authorization')).toHaveAttribute('data-outcome', 'failed');
  });

  test('the authorization inspector of a 403 names the near miss', async ({ page }) => {
    await cell(page, 'delete', 'pods').click();
    await waitForRun(page);
    await openTab(page, 'Inspector');
    await expect(page.getByTestId('inspector').locator('[data-inspected="authorization"]')).toBeVisible();
    await expect(page.getByTestId('rbac-near-miss').first()).toBeVisible();
  });

  test('the details tabs follow the arrow keys', async ({ page }) => {
    const access = page.getByRole('tab', { name: 'Access', exact: true });
    await access.focus();
    await page.keyboard.press('ArrowRight');
    const inspector = page.getByRole('tab', { name: 'Inspector', exact: true });
    await expect(inspector).toHaveAttribute('aria-selected', 'true');
    await expect(inspector).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'etcd', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByRole('tabpanel')).toHaveAttribute('data-panel', 'etcd');
    await page.keyboard.press('End');
    await expect(access).toHaveAttribute('aria-selected', 'true');
  });
});
