import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'fangkong-demo';

/** Logs in through the login page, as a person would. */
export async function login(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(/您好/)).toBeVisible();
}
