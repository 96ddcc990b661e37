import { expect, type Page, test } from '@playwright/test';

const STAGES = [
  'authentication',
  'authorization',
  'decoding',
  'mutatingAdmission',
  'schemaValidation',
  'validatingAdmission',
  'storage',
] as const;

async function send(page: Page, user: string, command: string) {
  await page.getByLabel('User').selectOption(user);
  await page.getByLabel('Command').fill(command);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('pipeline-graph')).toHaveAttribute('data-playback', 'done', {
    timeout: 20_000,
  });
}

function stage(page: Page, name: string) {
  return page.locator(`[data-stage="${name}"]`);
}

test.describe('A newcomer in the first minute', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('pipeline-graph')).toBeVisible();
  });

  test('creates a pod and watches it pass every stage to etcd', async ({ page }) => {
    await send(page, 'alice', 'kubectl run nginx --image=nginx');
    for (const name of STAGES) await expect(stage(page, name)).toHaveAttribute('data-outcome', 'passed');
    await expect(page.getByRole('status')).toHaveText(/^201 Created/);
    await expect(page.getByText('pod/nginx created')).toBeVisible();
    await page.screenshot({ path: 'test-results/created.png' });
  });

  test('is forbidden to delete as bob, stopped at authorization', async ({ page }) => {
    await send(page, 'bob', 'kubectl delete pod nginx');
    await expect(stage(page, 'authentication')).toHaveAttribute('data-outcome', 'passed');
    await expect(stage(page, 'authorization')).toHaveAttribute('data-outcome', 'failed');
    await expect(stage(page, 'storage')).toHaveAttribute('data-outcome', 'skipped');
    await expect(page.getByRole('status')).toHaveText(/^403 Forbidden/);
    await expect(
      page.getByText(
        'Error from server (Forbidden): pods "nginx" is forbidden: User "bob" cannot delete resource "pods" in API group "" in the namespace "default"',
      ),
    ).toBeVisible();
    await page.screenshot({ path: 'test-results/forbidden.png' });
  });

  test('is turned away at authentication with a revoked token', async ({ page }) => {
    await send(page, 'mallory', 'kubectl get pods');
    await expect(stage(page, 'authentication')).toHaveAttribute('data-outcome', 'failed');
    await expect(page.getByRole('status')).toHaveText(/^401 Unauthorized/);
  });

  test('sees schema validation reject a pod without an image', async ({ page }) => {
    await page
      .getByRole('button', { name: /broken-pod|invalid/i })
      .first()
      .click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByTestId('pipeline-graph')).toHaveAttribute('data-playback', 'done', {
      timeout: 20_000,
    });
    await expect(stage(page, 'schemaValidation')).toHaveAttribute('data-outcome', 'failed');
    await expect(page.getByRole('status')).toHaveText(/^422 Unprocessable Entity/);
  });

  test('explains a stage when it is clicked', async ({ page }) => {
    await send(page, 'bob', 'kubectl delete pod nginx');
    await stage(page, 'authorization').click();
    await expect(page.getByTestId('inspector')).toContainText('bob');
  });
});

test.describe('Deep links', () => {
  test('open with the user and command ready, and play', async ({ page }) => {
    await page.goto(`/?as=bob&cmd=${encodeURIComponent('kubectl delete pod nginx')}&autoplay=1`);
    await expect(page.getByLabel('Command')).toHaveValue('kubectl delete pod nginx');
    await expect(page.getByTestId('pipeline-graph')).toHaveAttribute('data-playback', 'done', {
      timeout: 20_000,
    });
    await expect(page.getByRole('status')).toHaveText(/^403 Forbidden/);
  });
});
