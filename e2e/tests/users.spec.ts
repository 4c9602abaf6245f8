import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('the system administrator opens an account; its owner must set their own password first; the auditor finds both in the log', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, 'admin');
  // 三员分立: the system administrator has no audit log.
  await expect(page.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);
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
  await expect(dialog.getByText('密码须包含大写字母、小写字母、数字、其他符号这四类中的至少3类')).toBeVisible();
  await dialog.getByLabel('密码').fill('Initial-pass-7');
  await dialog.getByRole('button', { name: /保\s*存|确\s*定|OK/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The new user is sent to 账号安全 and can do nothing else until the initial password is replaced.
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Initial-pass-7');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('这是您的首次登录').first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '请先设置自己的密码' })).toBeVisible();
  await page.goto('/screening');
  await expect(page).toHaveURL(/\/account$/);
  await page.getByLabel('当前密码').fill('Initial-pass-7');
  await page.getByLabel('新密码', { exact: true }).fill('My-own-choice-9');
  await page.getByLabel('再次输入新密码').fill('My-own-choice-9');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码已修改，其他设备上的登录已退出')).toBeVisible();
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByText(/您好/)).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();

  await login(page, 'auditor');
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByPlaceholder('事件、操作人或对象').fill('user.create');
  await page.getByPlaceholder('事件、操作人或对象').press('Enter');
  await expect(page.getByRole('cell', { name: '新建用户', exact: true }).first()).toBeVisible();
  await page.getByPlaceholder('事件、操作人或对象').fill('auth.passwordChange');
  await page.getByPlaceholder('事件、操作人或对象').press('Enter');
  await expect(page.getByRole('cell', { name: '修改密码', exact: true }).first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /导出 Excel/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test('the security administrator sees who is online and signs a session out', async ({ page, browser }) => {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'zh-CN' });
  const other = await context.newPage();
  await login(other, 'inspector');
  await login(page, 'security');
  await page.getByRole('menuitem', { name: '在线用户' }).click();
  await page.getByPlaceholder('搜索用户名、姓名或地址').fill('inspector');
  await page.getByPlaceholder('搜索用户名、姓名或地址').press('Enter');
  const row = page.getByRole('row', { name: /县督查组/ }).first();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: '强制退出' }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(page.getByText('已强制退出 县督查组')).toBeVisible();
  const after = await other.request.get('/api/auth/me');
  expect(after.status()).toBe(401);
  await context.close();
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
