import { expect, test, type Browser, type Page } from '@playwright/test';
import { login } from './fixtures.js';

// 督查整改 on a 360 px phone: the inspector finds a checkpoint without its tent, the township
// reports it rectified with evidence, the inspector verifies it and it is closed (销号).
const PHONE = {
  viewport: { width: 360, height: 780 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};
const ITEM = '配备御寒帐篷和体温检测设备';
const finding = (page: Page) =>
  page
    .locator('.ant-list-item, .ant-card')
    .filter({ hasText: `${ITEM}: 无御寒帐篷` })
    .first();

/** Each person on a phone of their own, opening 督查整改 from the menu. */
async function as(browser: Browser, username: string) {
  const context = await browser.newContext({ ...PHONE, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await login(page, username);
  await page.getByRole('button', { name: '菜单' }).click();
  await page.locator('.ant-drawer').getByRole('menuitem', { name: '督查整改' }).click();
  await expect(page.getByRole('tab', { name: '问题清单' })).toBeVisible();
  return page;
}

test('@phone an inspection finding is rectified by the township and verified by the inspector', async ({ browser }) => {
  test.setTimeout(120_000);
  const inspector = await as(browser, 'inspector');
  await inspector.getByRole('button', { name: '录入督查' }).click();
  const drawer = inspector.locator('.ant-drawer-content');
  await drawer.getByRole('combobox', { name: '督查地点' }).click();
  await inspector.locator('.ant-select-dropdown:visible').getByText('淮口收费站出口').click();
  const card = drawer.locator('.ant-card').filter({ hasText: ITEM });
  await card.getByText('不合格').click();
  await card.getByLabel('情况说明').fill('无御寒帐篷');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(inspector.getByText('已录入督查，交办问题1个')).toBeVisible();
  expect(await inspector.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);

  const township = await as(browser, 'township');
  await finding(township).getByRole('button', { name: '报告整改完成' }).click();
  const dialog = township.getByRole('dialog');
  await dialog.getByLabel('整改情况').fill('已搭建御寒帐篷1顶，配齐测温枪2把');
  await dialog.getByRole('button', { name: '报告整改完成' }).click();
  await expect(finding(township).getByText('待验收')).toBeVisible();

  // Back on the inspector's phone: the list read afresh shows the report to verify.
  await inspector.getByText('全部', { exact: true }).click();
  await finding(inspector).getByRole('button', { name: '验收销号' }).click();
  await inspector.getByRole('dialog').getByRole('button', { name: '验收销号' }).click();
  await inspector.getByText('已销号', { exact: true }).first().click();
  await expect(finding(inspector).getByText('已销号')).toBeVisible();
  await expect(finding(inspector).getByText('已搭建御寒帐篷1顶')).toBeVisible();
});
