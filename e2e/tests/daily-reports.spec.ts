import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('the township reminds a missing village, and the village sees the reminder on its report', async ({
  page,
  browser,
}) => {
  const village = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await login(village, 'village');
  const name = ((await (await village.request.get('/api/auth/me')).json()) as { user: { regionName: string } }).user
    .regionName;

  await login(page, 'township');
  await page.getByRole('menuitem', { name: '日报告' }).click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('未报');
  await row.getByRole('button', { name: /^催\s*报$/ }).click();
  await expect(page.getByText(/已催报\d+个单位/)).toBeVisible();
  await expect(row).toContainText(/已催报\d+次/);

  await village.getByRole('menuitem', { name: '日报告' }).click();
  await expect(village.getByRole('alert').filter({ hasText: /催报：请在18:00前报送今日日报/ })).toBeVisible();
});

test('a village submits a zero report in one action; the township sees it and prints it', async ({ page, browser }) => {
  await login(page, 'village');
  await page.getByRole('menuitem', { name: '日报告' }).click();
  await expect(page.getByText(/^截止\d+月\d+日18:00/)).toBeVisible();
  await page.getByRole('button', { name: '零报告' }).click();
  await expect(page.getByText('零报告已报送')).toBeVisible();
  await expect(page.getByText(/已报送第1版/)).toBeVisible();
  const village = ((await (await page.request.get('/api/auth/me')).json()) as { user: { regionName: string } }).user
    .regionName;

  const township = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await login(township, 'township');
  await township.getByRole('menuitem', { name: '日报告' }).click();
  const row = township.getByRole('row').filter({ hasText: village });
  await expect(row).toContainText(/按时报送|迟报/);
  await row.getByRole('link', { name: '查看' }).click();
  await expect(township.getByRole('heading', { level: 1 })).toContainText('疫情防控日报');
  await expect(township.locator('.fk-print-page p').first()).toContainText('特此零报告');
  await township.screenshot({ path: test.info().outputPath('daily-report-print.png'), fullPage: true });
  const download = township.waitForEvent('download');
  await township.getByRole('link', { name: 'Word' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.docx$/);
});

test("the township's own report shows the sum of its villages' reports beside the records, and where they differ", async ({
  page,
}) => {
  await login(page, 'township');
  await page.getByRole('menuitem', { name: '日报告' }).click();
  await expect(page.getByRole('columnheader', { name: '各村已报合计' })).toBeVisible();
  // Some villages have not reported today: the households they hold are in the records, not in the sum.
  await expect(page.locator('[data-differs="population.households"]')).toBeVisible();
});

test('a correction needs its reason, given on the field', async ({ page }) => {
  await login(page, 'village');
  await page.getByRole('menuitem', { name: '日报告' }).click();
  await page.getByRole('button', { name: /提交(日报|更正)/ }).click();
  const correct = page.getByRole('button', { name: '提交更正' });
  await expect(correct).toBeVisible();
  await correct.click();
  await expect(page.getByText('更正须填写原因')).toBeVisible();
  await page.getByLabel('更正原因').fill('补报一户返乡人员');
  await correct.click();
  await expect(page.getByText(/已报送第\d+版/)).toBeVisible();
});

test('a report figure opens exactly the records it counts: persons, households screened today, checks today', async ({
  page,
}) => {
  await login(page, 'village');
  await page.getByRole('menuitem', { name: '日报告' }).click();
  for (const figure of ['population.persons', 'screening.householdsToday', 'healthChecks.checksToday']) {
    const link = page.locator(`[data-figure="${figure}"]`);
    const value = (await link.innerText()).trim();
    await link.click();
    await expect(page.getByText(`正在查看报表数字对应的明细（共${value}条）`)).toBeVisible();
    await page.goBack();
  }
  // The checks behind the figure leave as a workbook (health data: audited).
  await page.locator('[data-figure="healthChecks.checksToday"]').click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /导出 Excel/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^健康监测记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
});
