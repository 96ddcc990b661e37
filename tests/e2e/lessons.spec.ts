import { expect, type Page, test } from '@playwright/test';
import { openApp, stage, waitForRun } from './helpers';

const panel = (page: Page) => page.getByTestId('lesson-panel');

async function openLessonFromIndex(page: Page, id: string) {
  await page.getByTestId('lessons-open').click();
  const index = page.getByTestId('lesson-index');
  await expect(index).toBeVisible();
  await index.locator(`[data-lesson-entry="${id}"]`).getByTestId('lesson-index-open').click();
  await expect(index).toHaveCount(0);
  await expect(panel(page).locator('[data-lesson]')).toHaveAttribute('data-lesson', id);
}

/** Picks a stage and a status in the prediction form, by their visible labels, and plays. */
async function predict(page: Page, stageLabel: string, status: number) {
  const form = panel(page).getByTestId('lesson-predict');
  await form.getByRole('radio', { name: stageLabel, exact: true }).check();
  await form.locator(`[data-predict-status="${status}"]`).getByRole('radio').check();
  await form.getByTestId('lesson-predict-submit').click();
  // The answer waits for the animation; the learner may skip to it.
  await expect(panel(page).getByTestId('lesson-playing')).toBeVisible();
  await expect(panel(page).getByTestId('lesson-answer')).toHaveCount(0);
  await panel(page).getByTestId('lesson-skip').click();
}

test.describe('Guided lessons', () => {
  test('a lesson from the index: predictions explained, a task checked, progress kept across a reload', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openApp(page);
    await page.getByTestId('lessons-open').click();
    const index = page.getByTestId('lesson-index');
    await expect(index.locator('[data-lesson-entry]')).toHaveCount(18);
    await expect(index.locator('[data-lesson-entry="role-scope"]')).toHaveAttribute('data-progress', '0/5');
    await index.getByTestId('lesson-index-close').click();

    await openLessonFromIndex(page, 'role-scope');
    await expect(panel(page).getByTestId('lesson-name')).toHaveText(
      'Role vs ClusterRole, RoleBinding vs ClusterRoleBinding',
    );
    await expect(panel(page).getByTestId('lesson-step-of')).toHaveText('Step 1 of 5');

    // Step 1 points at authorization in the graph, and plays erin's list in dev.
    await expect(stage(page, 'authorization').locator('[data-lesson-highlight]')).toBeVisible();
    await panel(page).getByTestId('lesson-play').click();
    await waitForRun(page);
    await expect(panel(page).getByTestId('lesson-answer')).toHaveAttribute('data-status', '200');

    // Step 2: a wrong prediction, then the right answer and why.
    await panel(page).getByTestId('lesson-next').click();
    await expect(panel(page).getByTestId('lesson-step-of')).toHaveText('Step 2 of 5');
    await expect(panel(page).getByTestId('lesson-answer')).toHaveCount(0);
    await predict(page, 'Authentication', 401);
    await waitForRun(page);
    const answer = panel(page).getByTestId('lesson-answer');
    await expect(answer).toHaveAttribute('data-verdict', 'wrong');
    await expect(panel(page).getByTestId('lesson-verdict')).toHaveText(
      'Not this time: neither part matches.',
    );
    await expect(answer.locator('[data-answer="stage"]')).toHaveText(
      'Authorizationyou predicted Authentication',
    );
    await expect(answer.locator('[data-answer="status"]')).toHaveText(
      '403 Forbiddenyou predicted 401 Unauthorized',
    );
    await expect(answer.locator('[data-answer="reason"]')).toHaveText('Forbidden');
    // Why: the authorization stage's own explanation, as the inspector shows it.
    await stage(page, 'authorization').getByRole('button').click();
    const summary = await page.getByTestId('stage-summary').textContent();
    expect(summary?.length ?? 0).toBeGreaterThan(10);
    await expect(panel(page).getByTestId('lesson-why')).toContainText(summary ?? '');
    await expect(page.getByTestId('response-status')).toHaveText(/^403 Forbidden/);

    // Step 3: a right prediction.
    await panel(page).getByTestId('lesson-next').click();
    await predict(page, 'Authorization', 403);
    await waitForRun(page);
    await expect(panel(page).getByTestId('lesson-answer')).toHaveAttribute('data-verdict', 'right');
    await expect(panel(page).getByTestId('lesson-verdict')).toHaveText(
      'Right: both parts of your prediction match.',
    );

    // Step 4 by the step list; half right.
    await panel(page).locator('[data-step-nav="nodes"]').click();
    await predict(page, 'Authorization', 404);
    await waitForRun(page);
    await expect(panel(page).getByTestId('lesson-answer')).toHaveAttribute('data-verdict', 'half');

    // Step 5: the task. Not met yet; then the learner types the solution in the composer.
    await panel(page).getByTestId('lesson-next').click();
    const task = panel(page).getByTestId('lesson-task');
    await expect(task.getByTestId('lesson-goal')).toHaveText('Let erin list pods in all namespaces.');
    await task.getByTestId('lesson-check').click();
    await expect(task.getByTestId('lesson-task-result')).toHaveAttribute('data-ok', 'false');
    await expect(task.getByTestId('lesson-task-result')).toContainText('403 Forbidden');
    await expect(task).toHaveAttribute('data-done', 'false');

    await page.getByLabel('User').selectOption('admin');
    await page
      .getByLabel('Command')
      .fill('kubectl create clusterrolebinding erin-reads-all-pods --clusterrole=pod-reader --user=erin');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await waitForRun(page);
    await expect(page.getByTestId('response-status')).toHaveText(/^201 Created/);
    await task.getByTestId('lesson-check').click();
    await expect(task.getByTestId('lesson-task-result')).toHaveAttribute('data-ok', 'true');
    await expect(task).toHaveAttribute('data-done', 'true');
    await expect(panel(page).getByTestId('lesson-complete')).toBeVisible();
    await page.screenshot({ path: 'test-results/lesson-done.png' });

    // Reload: the index still shows the lesson complete.
    await page.reload();
    await expect(panel(page).locator('[data-lesson]')).toHaveAttribute('data-lesson', 'role-scope');
    await page.getByTestId('lessons-open').click();
    const entry = page.getByTestId('lesson-index').locator('[data-lesson-entry="role-scope"]');
    await expect(entry).toHaveAttribute('data-progress', '5/5');
    await expect(entry).toHaveAttribute('data-state', 'done');
    await expect(entry).toContainText('Completed');
    await expect(entry).toContainText('5/5 steps');
  });
});

/** A teacher's own lesson file: one step points at a line of the RBAC editor. */
const OWN_LESSON = `apiVersion: kube-request-flow.dev/v1alpha1
kind: Scenario
metadata:
  name: own-lesson
  title: A teacher's lesson
spec:
  defaultUser: admin
  users:
    - name: admin
      credential: { type: x509, commonName: kubernetes-admin, organizations: [system:masters] }
  objects: |
    apiVersion: v1
    kind: Namespace
    metadata: { name: default }
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: { name: pod-reader, namespace: default }
    rules:
    - apiGroups: [""]
      resources: ["pods"]
      verbs: ["get", "list"]
  requests: []
  lesson:
    markdown: Read the Role.
    steps:
      - id: intro
        narration: Nothing to send yet.
      - id: the-role
        narration: This Role lets its subjects read pods.
        highlight: { editor: rbac, find: 'verbs: ["get", "list"]' }
`;

test('a step that points into an editor opens that tab and marks the line', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('world-toggle').click();
  await page.getByTestId('import-input').setInputFiles({
    name: 'own.scenario.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(OWN_LESSON),
  });
  await expect(panel(page).getByTestId('lesson-name')).toHaveText("A teacher's lesson");
  // A step with nothing to do is done once shown.
  await expect(panel(page).locator('[data-step-nav="intro"]')).toHaveAttribute('data-done', 'true');
  await panel(page).getByTestId('lesson-next').click();
  await expect(page.locator('[data-world-tab="rbac"]')).toHaveAttribute('aria-selected', 'true');
  const line = page.locator('[data-testid="editor-rbac"] .cm-lesson-line');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('verbs: ["get", "list"]');
  await expect(line).toContainText('lesson: look here');
  await page.getByTestId('lesson-panel').screenshot({ path: 'test-results/lesson-editor.png' });
  // Back to the first step: the mark goes away.
  await panel(page).getByTestId('lesson-previous').click();
  await expect(line).toHaveCount(0);
});
