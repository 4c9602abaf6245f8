import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('a township officer sees the line lists, opens an overdue file and records the missed check late', async ({
  page,
}) => {
  await login(page, 'township');
  await page.getByRole('menuitem', { name: '重点人员' }).click();
  await page.getByRole('tab', { name: /逾期未测/ }).click();
  const overdueRow = page.locator('.ant-table-row').first();
  await expect(overdueRow).toContainText('逾期未测');
  await overdueRow.click();
  const alert = page.getByRole('alert').filter({ hasText: '逾期未测' });
  const [, day, slot] = /(\d{4}-\d{2}-\d{2}) (上午|下午)/.exec((await alert.textContent()) ?? '') ?? [];
  expect(day).toBeTruthy();
  await page.getByRole('button', { name: '录入体温' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-select').first().click();
  // The select may already show that day, so pick the day from the open list, not the shown value.
  await page.locator(`.ant-select-item-option[title="${day}"]`).click();
  await dialog.getByText(slot!, { exact: true }).click();
  await dialog.getByLabel('体温(℃)').fill('36.6');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.getByText('补录').first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '逾期未测' })).toHaveCount(0);
});

test('the lead inbox shows deadlines and where each name came from', async ({ page }) => {
  await login(page, 'village');
  await page.getByRole('menuitem', { name: '线索核查' }).click();
  await expect(page.getByText('县卫健局').first()).toBeVisible();
  await expect(page.getByText(/剩余|已超时/).first()).toBeVisible();

  // The lists sent down, each with its progress, and the feedback form to send back.
  await page.getByRole('tab', { name: '协查名单' }).click();
  const list = page.getByRole('row').filter({ hasText: '县卫健局' });
  await expect(list.getByRole('cell', { name: '6', exact: true })).toBeVisible();
  const download = page.waitForEvent('download');
  await list.getByRole('link', { name: /下载反馈表/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^协查反馈表-县卫健局-\d{4}-\d{2}-\d{2}-01\.xlsx$/);
});

test('a self check-in link opens without a login on a phone @phone', async ({ page, browser }) => {
  await login(page, 'doctor');
  await page.goto('/key-persons');
  // On a phone the line list is cards, each opening its file.
  await page.locator('main').getByRole('list').getByRole('link').first().click();
  await page.getByRole('button', { name: '自主打卡链接' }).click();
  const url = (await page.locator('.ant-modal-confirm .ant-typography').last().textContent())!.trim();
  expect(url).toMatch(/\/check-in\/[A-Za-z0-9_-]{43}$/);
  const stranger = await browser.newPage();
  await stranger.goto(url);
  await expect(stranger.getByRole('heading', { name: '居家健康打卡' })).toBeVisible();
  await expect(stranger.getByText(/今天是第 \d+ 天/)).toBeVisible();
  await stranger.goto(url.replace(/[A-Za-z0-9_-]{43}$/, 'x'.repeat(43)));
  await expect(stranger.getByText('链接无效或已过期')).toBeVisible();
});

test('a township officer places a person held at a checkpoint in a free bed, which opens their file', async ({
  page,
}) => {
  await login(page, 'township');
  await page.getByRole('menuitem', { name: '隔离点' }).click();
  const card = page.locator('.ant-card').filter({ hasText: '卡口留验人员' });
  const row = card
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: /^安\s*置$/ }) })
    .first();
  const name = (await row.getByRole('cell').first().innerText()).trim();
  await row.getByRole('button', { name: /^安\s*置$/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('隔离点').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '淮口街道集中隔离医学观察点' })
    .click();
  await dialog.getByLabel('床位').click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: /^\d+-\d+$/ })
    .first()
    .click();
  await dialog.getByRole('button', { name: /^安\s*置$/ }).click();
  await expect(page.getByText(`已安置${name}，已建集中隔离档案`)).toBeVisible();
  await card.getByText('已安置', { exact: true }).click();
  await card.getByRole('link', { name }).first().click();
  await expect(page.getByText('集中隔离').first()).toBeVisible();
});
