import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('the county turns the health-code check on for every checkpoint, and sees its offices on the duty roster', async ({
  page,
}) => {
  await login(page, 'county');
  await page.getByRole('menuitem', { name: /^car 卡口$/ }).click();
  await page.getByRole('tab', { name: '检查项设置' }).click();
  const healthCode = page.getByRole('switch', { name: '健康码' });
  await expect(healthCode).not.toBeChecked();
  await healthCode.click();
  await expect(healthCode).toBeChecked();
  expect(
    (
      (await (await page.request.get('/api/v1/county-settings')).json()) as {
        checkpoint: { values: { healthCodeRequired: boolean } };
      }
    ).checkpoint.values.healthCodeRequired,
  ).toBe(true);
  await healthCode.click(); // leave the county as the other tests expect it
  await expect(healthCode).not.toBeChecked();

  await page.getByRole('tab', { name: '值班表' }).click();
  await expect(page.getByRole('row').filter({ hasText: '淮口街道（领导带班）' })).toBeVisible();
  // The week on screen, as the 值班表 to print.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /导出 Excel/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^值班表-\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test("a township officer cannot change the county's checks", async ({ page }) => {
  await login(page, 'township');
  await page.getByRole('menuitem', { name: /^car 卡口$/ }).click();
  await page.getByRole('tab', { name: '检查项设置' }).click();
  await expect(page.getByText('检查项由县级指挥部统一设置。')).toBeVisible();
  await expect(page.getByRole('switch', { name: '健康码' })).toBeDisabled();
});

test('the township downloads the statistics it sees as a workbook', async ({ page }) => {
  await login(page, 'township');
  await page.getByRole('menuitem', { name: '登记统计' }).click();
  const stats = page.locator('.ant-card').filter({ has: page.getByText('统计', { exact: true }) });
  await stats.getByText('按天').click();
  await expect(stats.getByRole('columnheader', { name: '时段' })).toBeVisible();
  const download = page.waitForEvent('download');
  await stats.getByRole('link', { name: /导出 Excel/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^卡口登记统计-\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.xlsx$/);
  // An .xlsx is a zip: it starts with "PK".
  const head = readFileSync(await file.path())
    .subarray(0, 2)
    .toString();
  expect(head).toBe('PK');
});
