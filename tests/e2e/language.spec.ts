import { expect, test } from '@playwright/test';
import { openApp, stage, waitForRun } from './helpers';

test.describe('Switching the UI language', () => {
  test('shows Chinese UI text, keeps the server’s messages in English, survives a reload and switches back', async ({
    page,
  }) => {
    await openApp(page);
    const language = page.getByTestId('language');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await language.getByRole('button', { name: '简体中文' }).click();
    await expect(language.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true');
    // The catalog loads on demand; the UI re-renders in Chinese without a reload.
    await expect(page.getByRole('heading', { name: '请求', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('button', { name: '发送', exact: true })).toBeVisible();

    await page.getByLabel('用户').selectOption('bob');
    await page.getByLabel('命令').fill('kubectl delete pod nginx');
    await page.getByRole('button', { name: '发送', exact: true }).click();
    await waitForRun(page);
    await expect(stage(page, 'authorization')).toHaveAttribute('data-outcome', 'failed');
    await expect(stage(page, 'authorization')).toContainText('鉴权');
    // Status text and kubectl's line are the server's words: never translated.
    await expect(page.getByRole('status')).toHaveText(/^403 Forbidden/);
    await expect(
      page.getByText(
        'Error from server (Forbidden): pods "nginx" is forbidden: User "bob" cannot delete resource "pods" in API group "" in the namespace "default"',
      ),
    ).toBeVisible();
    await page.screenshot({ path: 'test-results/language-zh-CN.png' });

    await page.reload();
    await expect(page.getByRole('heading', { name: '请求', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(language.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true');

    await language.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Request', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Request', exact: true })).toBeVisible();
  });

  test('opens in Chinese for a Chinese browser on a first visit', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await openApp(page);
    await expect(page.getByRole('heading', { name: '请求', exact: true })).toBeVisible();
    await expect(page.getByTestId('language').getByRole('button', { name: '简体中文' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await context.close();
  });
});
