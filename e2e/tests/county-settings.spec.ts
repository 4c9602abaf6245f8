import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('the county gives one township its own correction window in 县级设置, and the history shows it', async ({
  page,
}) => {
  await login(page, 'county');
  await page.getByRole('menuitem', { name: '县级设置' }).click();
  await expect(page.getByRole('tab', { name: '管控规则' })).toBeVisible();
  // A township's settings open by their address (the region picker writes ?regionId=).
  const found = (await (await page.request.get(`/api/v1/regions?q=${encodeURIComponent('淮口街道')}`)).json()) as {
    items: { id: string }[];
  };
  await page.goto(`/county-settings?regionId=${found.items[0]!.id}`);
  await expect(page.getByText('淮口街道', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: '日报设置' }).click();
  const field = page.getByLabel('截止后可更正时长');
  await expect(field).toHaveValue('48');
  await field.fill('36');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.getByRole('tabpanel').getByText('本级设置')).toBeVisible();

  await page.getByRole('tab', { name: '变更记录' }).click();
  const row = page.getByRole('row').filter({ hasText: '淮口街道' }).first();
  await expect(row).toContainText('截止后可更正时长：（继承） → 36');
  await expect(row).toContainText('日报设置');
});
