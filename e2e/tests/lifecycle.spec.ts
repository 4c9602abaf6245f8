import { expect, test, type Page } from '@playwright/test';
import { login } from './fixtures.js';

const ok = /确\s*定|保\s*存|建\s*档|回\s*复|下\s*发/;
const dialog = (page: Page) => page.getByRole('dialog');

test('the township opens a key-person file directly, changes its measure, marks it hospitalised and resumes it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, 'township');
  await page.getByRole('menuitem', { name: '重点人员' }).click();
  await page.getByRole('button', { name: '新建重点人员档案' }).click();
  await dialog(page).getByRole('combobox', { name: '人员' }).fill('张');
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await option.waitFor({ timeout: 30_000 });
  const name = (await option.textContent())!.split(' ')[0]!;
  await option.click();
  await dialog(page).getByLabel('类别').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('密切接触者').click();
  await dialog(page).getByRole('button', { name: ok }).click();
  await expect(page.getByRole('heading', { name: new RegExp(name) })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: '变更类别/措施' }).click();
  await dialog(page).locator('.ant-form-item').filter({ hasText: '管控措施' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('集中隔离医学观察').click();
  await dialog(page).getByLabel('原因').fill('同住人员确诊，改为集中隔离');
  await dialog(page).getByRole('button', { name: ok }).click();
  await expect(page.getByText('居家隔离医学观察 → 集中隔离医学观察')).toBeVisible();

  await page.getByRole('button', { name: '转入住院' }).click();
  await dialog(page).getByRole('button', { name: ok }).click();
  await expect(dialog(page).getByText('请填写原因')).toBeVisible();
  await dialog(page).getByLabel('原因').fill('送县人民医院住院治疗');
  await dialog(page).getByRole('button', { name: ok }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`${name}.*住院`) })).toBeVisible();
  await page.getByRole('button', { name: '恢复管控' }).click();
  await dialog(page).getByLabel('原因').fill('出院回家');
  await dialog(page).getByRole('button', { name: ok }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`${name}.*管控中`) })).toBeVisible();
});

test('the township opens an observation site with rooms and adds beds to it', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'township');
  await page.getByRole('menuitem', { name: '隔离点' }).click();
  await page.getByRole('button', { name: '新建隔离点' }).click();
  await dialog(page).getByLabel('隔离点名称').fill('淮口街道第二留观点');
  const field = dialog(page).getByRole('combobox', { name: '所属区划' });
  await expect(async () => {
    await field.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').first().click();
    await expect(dialog(page).locator('.ant-select-selection-item')).toHaveCount(1, { timeout: 1_000 });
  }).toPass();
  await dialog(page).getByRole('spinbutton', { name: '床位数' }).fill('3');
  await dialog(page).getByRole('button', { name: ok }).click();
  await expect(page.getByRole('heading', { name: '淮口街道第二留观点' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('在住 0 / 床位 3，空床 3')).toBeVisible();
  // The innermost card: the site's own card holds it too.
  const add = page.locator('.ant-card').filter({ hasText: '增加房间/床位' }).last();
  await add.getByRole('textbox', { name: '房间号' }).fill('102');
  await add.getByRole('spinbutton', { name: '床位数' }).fill('2');
  await add.getByRole('button', { name: /增\s*加/ }).click();
  await expect(page.getByText('在住 0 / 床位 5，空床 5')).toBeVisible();
  await expect(page.getByTestId('bed-102-2')).toBeVisible();
});

test('the county sets up a working group, hands it a task, replies and closes it, on a phone-sized screen', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, 'county');
  await page.goto('/command');
  await page.getByRole('tab', { name: '指挥体系' }).click();
  // The demo county has its headquarters and groups already.
  await expect(page.getByText('医疗救治组')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: '调度任务' }).click();
  await page.getByRole('button', { name: '下发任务' }).click();
  await dialog(page).getByText('专责组/战区').click();
  await dialog(page).getByRole('combobox', { name: '接收单位' }).click();
  await page
    .locator('.ant-select-dropdown:visible')
    .getByTitle(/^物资保障组/)
    .click();
  await dialog(page).getByLabel('任务').fill('调拨口罩5万只到各乡镇');
  await dialog(page).getByRole('button', { name: ok }).click();
  await expect(page.getByText('已下发')).toBeVisible();
  const row = page.locator('.ant-table-row').filter({ hasText: '调拨口罩5万只到各乡镇' });
  await row.getByRole('button', { name: /回\s*复/ }).click();
  await dialog(page).getByLabel('办理情况').fill('已调拨，各乡镇已签收');
  await dialog(page).getByRole('button', { name: ok }).click();
  await expect(row.getByText('已回复')).toBeVisible();
  await page.getByText('下发的任务').click();
  const sent = page.locator('.ant-table-row').filter({ hasText: '调拨口罩5万只到各乡镇' });
  await sent.getByRole('button', { name: /办\s*结/ }).click();
  await expect(sent.getByText('已办结')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("the township names a village's 包保 chain on the region page, by keyboard", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'township');
  await page.getByRole('menuitem', { name: '行政区划' }).click();
  const chain = page.locator('.ant-card').filter({ has: page.getByText('包保责任链', { exact: true }) });
  await expect(chain.getByText('包片领导')).toBeVisible({ timeout: 30_000 });
  await chain.getByRole('combobox', { name: '职责' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await chain.getByRole('textbox', { name: '姓名' }).fill('钱书记');
  await chain.getByRole('textbox', { name: '电话' }).fill('13912345678');
  await chain.getByRole('textbox', { name: '姓名' }).press('Enter');
  await expect(chain.getByRole('row').filter({ hasText: '钱书记' })).toContainText('包村干部');
});
