import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from './fixtures.js';

async function xlsx(name: string, rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('协查').addRows(rows);
  return {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

// The offline worker's precache of every asset would queue this page's own requests behind it on a
// loaded machine; importing needs the network anyway.
test.use({ serviceWorkers: 'block' });

test('协查名单 as a bureau sends it: a title row and a 性别 column import, and two phone columns ask which one', async ({
  page,
}) => {
  test.setTimeout(300_000); // the first page after login is slow on a loaded machine
  await page.goto('/login');
  await page.getByLabel('用户名').fill('township');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(/您好/)).toBeVisible({ timeout: 60_000 });
  await page.goto('/leads');
  await page.getByRole('button', { name: '导入协查名单' }).click({ timeout: 60_000 });
  const dialog = page.getByRole('dialog', { name: '导入协查名单' });
  await expect(dialog.getByTestId('lead-import-columns')).toContainText('必需的列：姓名');
  await expect(dialog.getByRole('link', { name: '下载模板' })).toHaveAttribute('href', '/api/v1/leads/import-template');

  await dialog.getByLabel('下发单位').fill('县疫情防控指挥部');
  await dialog
    .locator('input[type=file]')
    .setInputFiles(
      await xlsx('第12批.xlsx', [
        ['关于协查重点地区来返人员的通知（第12批）'],
        ['序号', '名字', '性别', '联系电话', '途经地', '到达日期'],
        ['1', '标题行甲', '男', '13712340001', '某市', '2026-12-05'],
        ['2', '标题行乙', '女', '13712340002', '', ''],
      ]),
    );
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已导入 2 人：匹配 0，未匹配 2，新线索 2，合并 0；已忽略的列：性别')).toBeVisible();
  await expect(dialog).toBeHidden();
  // The new leads are at the end of a long inbox: read them through the session, as the page does.
  const leadOf = (name: string) =>
    page.evaluate(async (q) => (await (await fetch(`/api/v1/leads?q=${encodeURIComponent(q)}`)).json()).items[0], name);
  expect(await leadOf('标题行甲')).toMatchObject({ name: '标题行甲', phone: expect.stringMatching(/^137\*+0001$/) });

  // Two columns could be the mobile number: nothing is imported until the user picks one.
  await page.getByRole('button', { name: '导入协查名单' }).click();
  await dialog.getByLabel('下发单位').fill('县公安局');
  await dialog.locator('input[type=file]').setInputFiles(
    await xlsx('两个电话.xlsx', [
      ['姓名', '手机号', '联系电话'],
      ['双号码丙', '13712340003', '13712340004'],
    ]),
  );
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog.getByText('无法确定文件的列')).toBeVisible();
  await dialog
    .locator('.ant-form-item')
    .filter({ has: page.getByRole('combobox', { name: '手机号', exact: true }) })
    .locator('.ant-select')
    .click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '联系电话' }).click();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已导入 1 人：匹配 0，未匹配 1，新线索 1，合并 0；已忽略的列：手机号')).toBeVisible();
  expect(await leadOf('双号码丙')).toMatchObject({ phone: expect.stringMatching(/^137\*+0004$/) });
});
