import { expect, test } from '@playwright/test';
import { openApp, sendKubectl, stage } from './helpers';

const DENIAL =
  "ValidatingAdmissionPolicy 'no-latest-tag' with binding 'no-latest-tag-binding' denied request: container images must pin a tag other than latest";

test.describe('Admission control', () => {
  test.beforeEach(async ({ page }) => {
    // The built-in lesson: a LimitRange with CPU defaults and a CEL policy against :latest.
    await openApp(page, '/?lesson=admission-basics');
  });

  test('LimitRanger fills in the LimitRange defaults at mutating admission', async ({ page }) => {
    await sendKubectl(page, 'dana', 'kubectl run web --image=nginx:1.27');
    await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '201');
    await stage(page, 'mutatingAdmission').click();
    const step = page.locator('[data-testid="admission-step"][data-plugin="LimitRanger"]');
    await expect(step).toBeVisible();
    await expect(step.getByTestId('object-diff')).toContainText('cpu');
    await expect(step.getByTestId('object-diff')).toContainText('250m');
  });

  test('a ValidatingAdmissionPolicy written in CEL denies an image tagged latest', async ({ page }) => {
    await sendKubectl(page, 'dana', 'kubectl run edge --image=nginx:latest');
    await expect(stage(page, 'mutatingAdmission')).toHaveAttribute('data-outcome', 'passed');
    await expect(stage(page, 'validatingAdmission')).toHaveAttribute('data-outcome', 'failed');
    await expect(stage(page, 'storage')).toHaveAttribute('data-outcome', 'skipped');
    await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '422');
    await expect(page.getByTestId('response-body')).toContainText(
      JSON.stringify(`pods "edge" is forbidden: ${DENIAL}`),
    );
    // The inspector follows the deciding stage: the policy's step carries the message.
    const step = page.locator(
      '[data-testid="admission-step"][data-plugin="no-latest-tag/no-latest-tag-binding"]',
    );
    await expect(step).toHaveAttribute('data-outcome', 'failed');
    await expect(step.getByTestId('admission-message')).toContainText(DENIAL);
  });
});
