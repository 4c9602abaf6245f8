import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test("a village cadre finds a KTV reopened, records it, and finds the check on the day's report and in its drill-down", async ({
  page,
}) => {
  await login(page, 'village');
  await page.goto('/venues');
  const venue = page.getByRole('row').filter({ hasText: 'KTV' }).first().getByRole('button').first();
  const name = (await venue.innerText()).trim();
  await venue.click();
  const drawer = page.locator('.ant-drawer');
  await drawer.locator('#result').getByText('擅自复业').click();
  await drawer.getByLabel('处置措施').fill('当场责令停业，移交市场监管');
  await drawer.getByRole('button', { name: /^(检\s*查|复\s*查)$/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.goto('/daily-reports');
  const checks = page.locator('[data-figure="venues.violationsToday"]').first();
  await expect(checks).toBeVisible();
  await checks.click();
  await expect(page.getByRole('row').filter({ hasText: name }).filter({ hasText: '擅自复业' }).first()).toBeVisible();
});
