import { expect, test } from '@playwright/test';
import { login, loginThroughForm } from './fixtures.js';

test('on a phone, checkpoint staff reach registration from the home page in one tap, under their whole name @phone', async ({
  page,
  isMobile,
}) => {
  test.skip(!isMobile, 'phone layout only');
  await loginThroughForm(page, 'checkpoint');
  // The header keeps the name alone on a phone, so it is not cut; role and scope head the page.
  const name = page.locator('.fk-header-user strong');
  await expect(name).toHaveText('淮口街道卡口值守');
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(page.locator('.fk-content').getByText('卡口值守人员')).toBeVisible();

  const work = page.getByRole('region', { name: '我的工作' });
  await expect(work.getByRole('button')).toHaveText(['卡口登记', '登记统计', /^卡\s*口$/]);
  await work.getByRole('button', { name: '卡口登记' }).tap();
  await expect(page).toHaveURL(/\/checkpoint-entry$/);
  await expect(page.locator('[data-nav="plate"]')).toBeFocused();
});

test("the home page lists each role's first work, and only what the role may open", async ({ page }) => {
  await login(page, 'doctor');
  const work = page.getByRole('region', { name: '我的工作' });
  await expect(work.getByRole('button')).toHaveText(['测温任务', '预检分诊', '重点人员']);
  await work.getByRole('button', { name: '测温任务' }).click();
  await expect(page).toHaveURL(/\/checks$/);
});
