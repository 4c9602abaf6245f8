import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('a village cadre imports a 基础台账表, watches its progress and gets the accepted/rejected split', async ({
  page,
}) => {
  await login(page, 'village');
  // The cadre's own village code, as their ledger would carry it.
  const me = await (await page.request.get('/api/auth/me')).json();
  const village = await (await page.request.get(`/api/v1/regions/${me.user.regionId}`)).json();
  const csv = [
    '区划代码,住址,姓名,出生日期,监护人',
    `${village.code},导入测试1号,导入甲,1980-05-06,`,
    `${village.code},导入测试1号,导入乙,1982-13-40,`, // impossible date: rejected
  ].join('\n');
  await page.goto('/register');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('核对列对应关系')).toBeVisible();
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByText(/共 2 行：通过 1 行.*未通过 1 行/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: /下载未通过/ })).toBeVisible();
  await expect(page.getByLabel('导入结果').getByRole('cell', { name: '出生日期' })).toBeVisible();
});

test('the export runs as a job and its file is downloaded once', async ({ page }) => {
  await login(page, 'village');
  await page.goto('/register');
  await page.getByRole('button', { name: '导出基础台账表' }).click();
  const dialog = page.getByRole('dialog', { name: '导出基础台账表' });
  await expect(dialog.getByText(/已生成 \d+ 行/)).toBeVisible({ timeout: 30_000 });
  const download = page.waitForEvent('download');
  await dialog.getByRole('link', { name: /下载文件/ }).click();
  expect((await download).suggestedFilename()).toBe('基础台账表.xlsx');
});
