import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

// 哨点药店 on a phone: the pharmacy registers a real-name sale of fever medicine in a few taps, and the
// village finds the lead it raised in its inbox (the buyer is not on the register: the pharmacy's village).
const PHONE = {
  viewport: { width: 360, height: 780 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

test('@phone a sentinel pharmacy records a sale and the village finds the lead in its inbox', async ({ browser }) => {
  const name = `购药人${Date.now() % 100000}`;
  const baseURL = test.info().project.use.baseURL;
  const pharmacy = await (await browser.newContext({ ...PHONE, baseURL })).newPage();
  await login(pharmacy, 'pharmacy');
  await pharmacy.getByRole('button', { name: '购药登记' }).click();
  await pharmacy.getByLabel('身份证号').fill('510121199001011237');
  await pharmacy.getByLabel('姓名').fill(name);
  await pharmacy.getByRole('checkbox', { name: '退热' }).check();
  await pharmacy.getByRole('checkbox', { name: '发热' }).check();
  await pharmacy.getByRole('button', { name: /登\s*记/ }).click();
  await expect(pharmacy.getByTestId('sentinel-sale').filter({ hasText: name })).toBeVisible();
  expect(await pharmacy.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);

  const village = await (await browser.newContext({ ...PHONE, baseURL })).newPage();
  await login(village, 'village');
  await village.goto(`/leads?q=${encodeURIComponent(name)}`);
  const row = village.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText('哨点药店');
});
