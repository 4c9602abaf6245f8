import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'fangkong-demo';

/**
 * Signs in through the API and opens the home page.
 * The login form itself is tested by loginThroughForm's callers; every other test skips typing it.
 */
export async function login(page: Page, username: string) {
  // From inside the page, so that Chromium itself keeps the (Secure, SameSite) session cookie.
  await page.goto('/api/health');
  const status = await page.evaluate(
    async (body) => {
      const res = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      // What the login page notes for the app: this browser holds a session (see auth/session.ts).
      if (res.ok) localStorage.setItem('fangkong.signedIn', '1');
      return res.status;
    },
    JSON.stringify({ username, password: DEMO_PASSWORD }),
  );
  expect(status).toBe(200);
  await page.goto('/');
  await expect(page.getByText(/您好/)).toBeVisible({ timeout: 20_000 });
}

/** Logs in through the login page, as a person would. */
export async function loginThroughForm(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(/您好/)).toBeVisible();
}

/**
 * Picks the last region of a form's 所属区划 tree. The tree draws its nodes after it opens, and a
 * click on a node that is then redrawn selects nothing: pick again until the field holds a region.
 */
export async function pickLastRegion(page: Page, form: Locator) {
  const field = form.getByRole('combobox', { name: '所属区划' });
  const item = form.locator('.ant-form-item').filter({ has: page.getByRole('combobox', { name: '所属区划' }) });
  await expect(async () => {
    await field.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').last().click();
    await expect(item.locator('.ant-select-selection-item')).toHaveCount(1, { timeout: 1_000 });
  }).toPass();
}
