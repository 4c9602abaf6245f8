import { expect, test, type Page } from '@playwright/test';
import { login } from './fixtures.js';

/** A valid ID number of 金堂县 (check digit by GB 11643). */
function idNumber(sequence: number) {
  const body = `51012119900101${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

async function pick(page: Page, field: string, option: string, search = true) {
  await page.locator(`#${field}`).click();
  // The list is virtual: search first so that the option is drawn.
  if (search) await page.locator(`#${field}`).fill(option);
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

// Pixel 7's browser narrowed to the smallest phones the county's residents use.
test.use({ viewport: { width: 360, height: 780 } });

// The posters' QR codes lead here: no login, a phone, WeChat's browser. The village then finds the leads.
test('public self-report with two companions and a tip with a photo reach the village inbox @phone', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'village');
  const { user: me } = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());

  await page.goto('/p/report');
  await page.locator('#name').fill('公众报备甲');
  await page.locator('#idNumber').fill(idNumber(11));
  await page.locator('#phone').fill('13912345678');
  await page.locator('#fromPlace').fill('某省某市');
  await page.locator('#arrivalDate').fill(yesterday);
  await pick(page, 'travelMode', '火车', false);
  await pick(page, 'regionId', me.regionName);
  await page.locator('#address').fill('3组12号');
  for (const [i, name] of ['公众同行乙', '公众同行丙'].entries()) {
    await page.getByRole('button', { name: '添加同行人员' }).click();
    await page.locator(`#companions_${i}_name`).fill(name);
    await page.locator(`#companions_${i}_idNumber`).fill(idNumber(21 + i * 2));
  }
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByText('报备成功')).toBeVisible();
  await expect(page.getByTestId('receipt')).toHaveText(/^R[A-Z2-9]{8}$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);

  await page.goto('/p/tip');
  await page.locator('#subjectName').fill('公众被举报丁');
  await page.locator('#what').fill('从外地返回后未报备，每天外出打牌');
  await pick(page, 'regionId', me.regionName);
  await page.locator('#address').fill('5组');
  await page.locator('#photo').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByText('举报已收到')).toBeVisible();

  await login(page, 'village');
  await page.goto('/leads?q=公众');
  for (const name of ['公众报备甲', '公众同行乙', '公众同行丙', '公众被举报丁'])
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
});
