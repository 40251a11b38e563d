// What an officer does in the workspace, in the browser: sign in, find the
// dossier's task in the worklist, take it, fill its decision form, complete.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, inspect, openContext, type AxeFinding } from './browser.js';

export async function signIn(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const context = await openContext(browser, baseUrl, DESKTOP);
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('MotCua@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** Opens the worklist until the dossier's task named `task` is there, then the task. */
export async function openTask(page: Page, code: string, task: string): Promise<void> {
  const row = page.getByTestId('task-row').filter({ hasText: code }).filter({ hasText: task });
  await expect
    .poll(
      async () => {
        await page.goto('/work');
        await page.getByTestId('task-row').first().or(page.getByRole('status')).first().waitFor();
        return row.count();
      },
      { timeout: 90_000, interval: 1_000 },
    )
    .toBeGreaterThan(0);
  await row.first().getByRole('link').first().click();
  await page.getByRole('button', { name: 'Nhận xử lý' }).click();
  await page.getByRole('button', { name: 'Hoàn thành' }).waitFor();
}

/** Completes the open task and waits for the confirmation. */
export async function complete(page: Page, findings: AxeFinding[], name: string): Promise<void> {
  findings.push(...(await inspect(page, name)));
  await page.getByRole('button', { name: 'Hoàn thành' }).click();
  await expect
    .poll(() => page.getByText('Đã hoàn thành công việc.').count(), { timeout: 30_000 })
    .toBeGreaterThan(0);
}
