import { expect, type Page, test } from '@playwright/test';

async function send(page: Page, user: string, command: string) {
  await page.getByLabel('User').selectOption(user);
  await page.getByLabel('Command').fill(command);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('pipeline-graph')).toHaveAttribute('data-playback', 'done', {
    timeout: 20_000,
  });
}

const authorization = (page: Page) => page.locator('[data-stage="authorization"]');
const rbacEditor = (page: Page) => page.getByTestId('editor-rbac');

/**
 * Types `,"delete"` at the end of the reader ClusterRole's verbs list, in CodeMirror. (No space:
 * synthetic key presses of a space into a contenteditable can arrive as U+00A0, which YAML reads
 * as part of the next scalar.)
 */
async function grantDelete(page: Page) {
  // CodeMirror renders only the lines in view: walk the cursor down to the line instead.
  await rbacEditor(page).click();
  await page.keyboard.press('Control+Home');
  const active = page.locator('[data-testid="editor-rbac"] .cm-activeLine');
  for (let i = 0; i < 100; i++) {
    if ((await active.textContent())?.includes('verbs: ["get", "list", "watch"]')) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(active).toContainText('verbs: ["get", "list", "watch"]');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(',"delete"');
}

async function openRbac(page: Page) {
  await page.getByTestId('world-toggle').click();
  await expect(page.getByTestId('world-panel')).toBeVisible();
  await page.locator('[data-world-tab="rbac"]').click();
  await expect(rbacEditor(page)).toBeVisible();
}

test.describe('The editable world', () => {
  test('an edited Role changes the verdict, survives a reload, and can be undone', async ({ page }) => {
    await page.goto('/');
    await send(page, 'bob', 'kubectl delete pod nginx');
    await expect(page.getByTestId('response-status')).toHaveText(/^403 Forbidden/);
    await authorization(page).click();
    const deniedSummary = await page.getByTestId('stage-summary').textContent();

    // Give the ClusterRole "reader" the delete verb, in the RBAC editor.
    await openRbac(page);
    await grantDelete(page);

    // The request re-runs at once: authorization now allows, and the pod is simply not there.
    await expect(authorization(page)).toHaveAttribute('data-outcome', 'passed');
    await expect(page.getByTestId('response-status')).toHaveText(/^404 Not Found/);
    await expect(page.locator('[data-rbac-subject="User bob"]')).toContainText('delete');
    await authorization(page).click();
    await expect(page.getByTestId('stage-summary')).not.toHaveText(deniedSummary ?? '');

    // Reload: the edit and the run are kept.
    await page.reload();
    await expect(page.getByTestId('response-status')).toHaveText(/^404 Not Found/);
    await openRbac(page);
    // (CodeMirror renders only the lines in view, so the table below it is what we read.)
    await expect(page.locator('[data-rbac-subject="User bob"]')).toContainText('get, list, watch, delete');

    // Undo it: back to the starter's Role and a 403.
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('response-status')).toHaveText(/^403 Forbidden/);
    await expect(page.locator('[data-rbac-subject="User bob"]')).not.toContainText('delete');
    await expect(page.getByTestId('redo')).toBeEnabled();
  });

  test('a broken edit shows where it is broken and keeps the last good world', async ({ page }) => {
    await page.goto('/');
    await send(page, 'bob', 'kubectl delete pod nginx');
    await openRbac(page);
    // An unknown kind, typed at the end of the text.
    await rbacEditor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('---\napiVersion: example.com/v1\nkind: Frobnicator\nmetadata:\n  name: x\n');
    await expect(page.getByTestId('problems-rbac')).toContainText(
      'no matches for kind "Frobnicator" in version "example.com/v1"',
    );
    await expect(page.getByTestId('problems-rbac')).toContainText('Line ');
    await expect(page.getByTestId('response-status')).toHaveText(/^403 Forbidden/);
  });

  test('a share link opens in a fresh browser as its own workspace', async ({ page, browser }) => {
    await page.goto('/');
    await openRbac(page);
    await grantDelete(page);
    await expect(page.locator('[data-rbac-subject="User bob"]')).toContainText('delete');
    await page.getByTestId('share-link').click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toContain('#scenario=');

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(url);
    await expect(other.getByTestId('shared-banner')).toBeVisible();
    await send(other, 'bob', 'kubectl delete pod nginx');
    await expect(other.getByTestId('response-status')).toHaveText(/^404 Not Found/);
    // Discard: the fresh browser's own (starter) workspace comes back, and bob is forbidden again.
    await other.getByTestId('shared-discard').click();
    await expect(other.getByTestId('shared-banner')).toHaveCount(0);
    await send(other, 'bob', 'kubectl delete pod nginx');
    await expect(other.getByTestId('response-status')).toHaveText(/^403 Forbidden/);
    await fresh.close();
  });

  test('a hostile share link shows a message, never a white screen', async ({ page }) => {
    await page.goto('/#scenario=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    await expect(page.locator('[data-notice="share-broken"]')).toBeVisible();
    await expect(page.getByTestId('pipeline-graph')).toBeVisible();
  });

  test('corrupt saved state is quarantined with a notice', async ({ page }) => {
    await page.goto('/');
    // The app reads storage as it boots: corrupt it only after that, or the first load quarantines it.
    await expect(page.getByTestId('pipeline-graph')).toBeVisible();
    await page.evaluate(() => localStorage.setItem('kube-request-flow:workspace', '{"version":2,'));
    await page.reload();
    await expect(page.locator('[data-notice="quarantined"]')).toBeVisible();
    await expect(page.getByTestId('pipeline-graph')).toBeVisible();
  });

  test('compare mode shows the same request as another user', async ({ page }) => {
    await page.goto('/');
    await send(page, 'bob', 'kubectl delete pod nginx');
    await page.getByTestId('compare-toggle').click();
    await page.getByTestId('compare-against').selectOption('admin');
    await expect(page.locator('[data-compare-side="main"]')).toHaveAttribute('data-status', '403');
    await expect(page.locator('[data-compare-side="other"]')).toHaveAttribute('data-status', '404');
  });
});
