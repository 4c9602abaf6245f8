import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('a village cadre sees only their own village', async ({ page }) => {
  await login(page, 'village');
  await expect(page.getByText(/您的管辖范围：.+(村|社区)/)).toBeVisible();
  // The menu follows the role: no user administration, no audit log.
  await expect(page.getByRole('menuitem', { name: '用户管理' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '行政区划' }).click();
  const tree = page.getByRole('tree');
  await expect(tree).toBeVisible();
  const roots = tree.getByRole('treeitem');
  await expect(roots.first()).toContainText(/(村|社区)$/);
  // Searching for another township finds nothing inside this scope.
  await page.getByPlaceholder('按名称或代码搜索').fill('官仓');
  await page.getByPlaceholder('按名称或代码搜索').press('Enter');
  await expect(page.getByText('没有匹配的区划')).toBeVisible();
  // And the API agrees: a region outside the scope is not found.
  const outside = await page.request.get('/api/v1/regions?q=510121');
  const body = (await outside.json()) as { items: { level: string }[] };
  expect(body.items.every((r) => r.level === 'village' || r.level === 'group')).toBe(true);
  await page.screenshot({ path: test.info().outputPath('village-regions.png'), fullPage: true });
});

test('the county administrator sees the whole county tree with its counts', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '行政区划' }).click();
  await page.getByRole('treeitem', { name: /金堂县/ }).click();
  await expect(page.getByText('510121000000')).toBeVisible();
  await expect(page.getByRole('treeitem', { name: /淮口街道/ })).toBeVisible();
});
