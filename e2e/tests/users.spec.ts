import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('an administrator creates a user, is told about bad fields first, and finds it in the audit log', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('button', { name: /新\s*建/ }).click();
  const dialog = page.getByRole('dialog');
  const username = `e2e${Date.now() % 100000}`;
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('测试网格员');
  await dialog.getByLabel('密码').fill('short');
  await dialog.getByRole('combobox', { name: '角色' }).click();
  await page.getByTitle('网格员', { exact: true }).click();
  await dialog.getByRole('combobox', { name: '所属区划' }).click();
  await page.locator('.ant-select-tree').getByTitle('金堂县').click();
  await dialog.getByRole('button', { name: /保\s*存|确\s*定|OK/ }).click();
  await expect(dialog.getByText('密码至少需要8个字符')).toBeVisible();
  await dialog.getByLabel('密码').fill('long-enough-pass');
  await dialog.getByRole('button', { name: /保\s*存|确\s*定|OK/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();

  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByPlaceholder('事件、操作人或对象').fill('user.create');
  await page.getByPlaceholder('事件、操作人或对象').press('Enter');
  await expect(page.getByRole('cell', { name: 'user.create' }).first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /导出 Excel/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test('the interface switches to English', async ({ page }) => {
  await login(page, 'admin');
  await page.getByLabel('语言').first().click();
  await page.getByTitle('English').click();
  await expect(page.getByRole('menuitem', { name: 'Regions' })).toBeVisible();
});

test('on a phone the menu opens from a button @phone', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'phone layout only');
  await login(page, 'grid');
  await page.getByRole('button', { name: '菜单' }).click();
  await expect(page.getByRole('menuitem', { name: '行政区划' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('phone-menu.png') });
});
