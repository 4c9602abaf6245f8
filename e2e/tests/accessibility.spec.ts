import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.js';

// Every page as every role is checked by axe-core (WCAG 2 A/AA) in the zh-CN walk (zh-cn.spec.ts),
// which opens them all already; the login page, which no role's menu reaches, is checked here.
test('the login page is labelled and legible', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('用户名')).toBeVisible({ timeout: 30_000 });
  const found = await axeViolations(page);
  expect(found, found.join('\n')).toEqual([]);
});
