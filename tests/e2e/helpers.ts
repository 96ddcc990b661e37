import { expect, type Page } from '@playwright/test';

/** Opens the app and waits until the schemas and CEL have loaded and the world was rebuilt with them. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('pipeline-graph')).toBeVisible();
  // The first interaction starts loading them (a lone Shift does nothing else).
  await page.keyboard.press('Shift');
  await expect(page.getByTestId('app')).toHaveAttribute('data-extensions', 'ready', { timeout: 20_000 });
}

/** Waits until every request of the last send has played to the end. */
export async function waitForRun(page: Page): Promise<void> {
  await expect(page.getByTestId('pipeline-graph')).toHaveAttribute('data-playback', 'done', {
    timeout: 20_000,
  });
}

/** Sends a kubectl command as `user` and waits for the run to finish. */
export async function sendKubectl(page: Page, user: string, command: string): Promise<void> {
  await page.getByLabel('User').selectOption(user);
  await page.getByLabel('Command').fill(command);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await waitForRun(page);
}

/** Shows a tab of the details area. */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

export function stage(page: Page, name: string) {
  return page.locator(`[data-stage="${name}"]`);
}
