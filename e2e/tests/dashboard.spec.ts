import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('the county commander sees the dashboard with its charts, also on the wall screen', async ({ page }) => {
  await login(page, 'county');
  await page.getByRole('menuitem', { name: '指挥调度' }).click();
  await expect(page.getByRole('heading', { name: '金堂县指挥调度' })).toBeVisible();
  await expect(page.getByText('在册人数')).toBeVisible();
  // Every chart drew on its canvas.
  const charts = page.locator('div[role="img"]');
  await expect(charts.first()).toBeVisible();
  const chartCount = await charts.count();
  expect(chartCount).toBeGreaterThanOrEqual(5);
  await expect(charts.locator('canvas')).toHaveCount(chartCount);
  const persons = Number((await page.locator('.ant-statistic').first().locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
  expect(persons).toBeGreaterThan(1000);
  await page.getByRole('button', { name: '大屏模式' }).click();
  await expect(page.locator('.fk-wall')).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot({ path: test.info().outputPath('dashboard-wall.png') });
});
