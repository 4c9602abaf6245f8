import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('the township releases a bed and places the person back, and acknowledges the fever in triage', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, 'township');
  await page.getByRole('menuitem', { name: '隔离点' }).click();
  await page.getByRole('link', { name: '淮口街道集中隔离医学观察点' }).click();
  const bed = page.getByTestId('bed-101-1');
  const name = (await bed.getByRole('link').textContent({ timeout: 30_000 }))!;
  await bed.getByRole('button', { name: '离开' }).click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(bed).toContainText('空床');
  const place = page.locator('.ant-card').filter({ hasText: '安排入住' });
  await place.locator('.ant-select').first().click();
  await page
    .locator('.ant-select-dropdown:visible')
    .getByTitle(new RegExp(`^${name} `))
    .click();
  await place.locator('.ant-select').nth(1).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('101-1').click();
  await place.getByRole('button', { name: /入\s*住/ }).click();
  await expect(bed.getByRole('link', { name })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /导出床位表/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^淮口街道集中隔离医学观察点床位表-\d{4}-\d{2}-\d{2}\.xlsx$/);

  await page.getByRole('menuitem', { name: '预检分诊' }).click();
  const row = page.locator('.ant-table-row').filter({ hasText: '38.2' });
  await expect(row.getByText(/剩余|已超时/)).toBeVisible({ timeout: 30_000 });
  await row.getByRole('button', { name: /接\s*收/ }).click();
  await expect(row).toHaveCount(0);
  await page.getByText('处理中').click();
  await expect(page.locator('.ant-table-row').filter({ hasText: '38.2' })).toBeVisible();
});

test('the county sets the triage deadline', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'county');
  await page.getByRole('menuitem', { name: '县级设置' }).click();
  await page.getByLabel('分诊接收时限').fill('3');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('分诊接收时限')).toHaveValue('3', { timeout: 30_000 });
});

test("a village cadre only reads the county's rules", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'village');
  await page.getByRole('menuitem', { name: '县级设置' }).click();
  await expect(page.getByText('县级设置由县级指挥部设定')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('分诊接收时限')).toBeDisabled();
});
