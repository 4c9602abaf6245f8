import { expect, test, type Page } from '@playwright/test';
import { login } from './fixtures.js';

const leftCount = async (page: Page) => {
  const text = await page.getByText(/还有 \d+ 户未覆盖/).textContent();
  return Number(/还有 (\d+) 户/.exec(text ?? '')![1]);
};

async function visitFirstAsAway(page: Page) {
  await page.locator('.ant-list-item').first().click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByText('举家外出', { exact: true }).click();
  await drawer.getByRole('button', { name: /提\s*交/ }).click();
}

test('@phone a grid worker works through their list online and offline; a replay creates one visit', async ({
  page,
  context,
}) => {
  await login(page, 'grid');
  await page.goto('/my-households');
  await expect(page.getByText(/还有 \d+ 户未覆盖/)).toBeVisible();
  const before = await leftCount(page);
  expect(before).toBeGreaterThan(1);

  await visitFirstAsAway(page);
  await expect(page.getByText('已保存').first()).toBeVisible();
  await expect(page.getByText(`还有 ${before - 1} 户未覆盖`)).toBeVisible();

  await context.setOffline(true);
  await visitFirstAsAway(page);
  await expect(page.getByText(/已保存在本机/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('field-offline.png'), fullPage: true });
  await context.setOffline(false);
  // The outbox replays on reconnect; the list then counts one household fewer again. Reload only
  // every few seconds: a reload mid-replay aborts it, and the next replay starts with the next page.
  await expect
    .poll(
      async () => {
        await page.reload();
        await expect(page.getByText(/还有 \d+ 户未覆盖/)).toBeVisible();
        return leftCount(page);
      },
      { timeout: 60_000, intervals: [3_000] },
    )
    .toBe(before - 2);
});

test('the township sees coverage by village and exactly which households are missing', async ({ page }) => {
  await login(page, 'township');
  await page.getByRole('menuitem', { name: '入户排查' }).click();
  await expect(page.getByText('第三轮: 省外返乡人员排查').first()).toBeVisible();
  const missingFigure = page
    .locator('.ant-statistic')
    .filter({ hasText: '未覆盖' })
    .locator('.ant-statistic-content-value');
  await expect(missingFigure).toBeVisible();
  const missing = Number((await missingFigure.textContent())!.replace(/\D/g, ''));
  expect(missing).toBeGreaterThan(0);
  // The list behind the figure has exactly that many rows.
  await expect(page.getByText(`共 ${missing} 条`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('screening-dashboard.png'), fullPage: true });
});
