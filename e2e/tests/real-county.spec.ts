import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';

// A real county from an empty install: `init`, then everything else in Chromium as the people would do
// it. Its own server on its own empty database (FANGKONG_DEMO=off), beside the demo server of the run.
// A shared machine under load renders slowly: a longer wait than the suite's default.
const expect = baseExpect.configure({ timeout: 30_000 });
const root = path.resolve(import.meta.dirname, '../..');
const port = Number(process.env.E2E_PORT ?? 3300) + 1;
const origin = `http://127.0.0.1:${port}`;
const ADMIN_PASSWORD = 'county-admin-2024';
const VILLAGE = '510121001001';

/** A valid 18-digit resident ID (ISO 7064 MOD 11-2 check digit). */
function idNumber(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body17 + '10X98765432'[sum % 11];
}
const RETURNEE_ID = idNumber('51012119880305123');

let dataDir = '';
let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });
test.setTimeout(420_000); // the whole set-up through the pages, on a shared loaded machine

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(path.join(tmpdir(), 'fangkong-e2e-county-'));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as its own user when started by root
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, FANGKONG_DATA_DIR: dataDir, FANGKONG_DEMO: 'off', LOG_LEVEL: 'warn' };
  const init = spawnSync('npx', ['tsx', 'src/cli.ts', 'init', '--county', '510121', '--admin', 'chief'], {
    cwd: path.join(root, 'apps/server'),
    env: { ...env, FANGKONG_ADMIN_PASSWORD: ADMIN_PASSWORD },
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(init.status, init.stderr).toBe(0);
  expect(init.stdout).toContain("Created 金堂县 (四川省成都市, 510121000000) and its administrator 'chief'");
  server = spawn('npx', ['tsx', 'src/main.ts'], {
    cwd: path.join(root, 'apps/server'),
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await expect
    .poll(async () => (await fetch(`${origin}/api/health`).catch(() => null))?.status, {
      timeout: 180_000,
      intervals: [1000],
    })
    .toBe(200);
});

test.afterAll(async () => {
  if (server?.pid) {
    process.kill(-server.pid, 'SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function loginAs(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await browser.newPage({ baseURL: origin });
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(/您好|这是您的首次登录/).first()).toBeVisible({ timeout: 30_000 });
  return page;
}

/** An imported account's first login: the initial password is replaced before anything else. */
async function firstLogin(browser: Browser, username: string): Promise<Page> {
  const page = await loginAs(browser, username, passwords.get(username)!);
  await page.goto('/account');
  const own = 'Quiet-river-2024'; // not containing the user name (password policy)
  await page.getByLabel('当前密码').fill(passwords.get(username)!);
  await page.getByLabel('新密码', { exact: true }).fill(own);
  await page.getByLabel('再次输入新密码').fill(own);
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码已修改，其他设备上的登录已退出')).toBeVisible();
  passwords.set(username, own);
  return page;
}

const csv = (name: string, rows: string[][]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(rows.map((r) => r.join(',')).join('\n')),
});
const passwords = new Map<string, string>();

// 三员分立: the system administrator sets up regions, grids and accounts but reads no one's data;
// the township officer it creates keeps the register and works the lists.
test('the administrator sets the county up: regions, a grid, users', async ({ browser }) => {
  const page = await loginAs(browser, 'chief', ADMIN_PASSWORD);
  const checklist = page.getByTestId('setup-checklist');
  await expect(checklist.getByTestId('setup-regions')).toHaveAttribute('data-done', 'false');

  // Regions: the township and the village, from the statistical code list.
  await page.goto('/regions');
  await page.locator('input[type=file]').setInputFiles(
    csv('区划.csv', [
      ['区划代码', '区划名称'],
      ['510121001000', '淮口街道'],
      [VILLAGE, '五凤村'],
    ]),
  );
  await expect(page.getByText('导入完成：新增 2 条，更新 0 条')).toBeVisible();

  // A grid, empty until the register is there.
  await page.goto('/grids');
  const village = page.getByTestId('village-五凤村');
  await village.getByRole('button', { name: '新建网格', exact: true }).click();
  await page.getByRole('dialog').getByLabel('网格名称').fill('第一网格');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(village.getByRole('cell', { name: '第一网格' })).toBeVisible();

  // Users from the template: the grid worker joins 第一网格; duplicates would have been refused row by row.
  await page.goto('/users');
  await page.locator('input[type=file]').setInputFiles(
    csv('用户.csv', [
      ['姓名', '手机号', '角色', '区划代码', '网格', '用户名'],
      ['赵镇干', '13800000004', '乡镇干部', '510121001000', '', 'zhaozg'],
      ['张网格', '13800000001', '网格员', VILLAGE, '第一网格', 'zhangwg'],
      ['王医生', '13800000002', '村医', VILLAGE, '', 'wangys'],
      ['李村干', '13800000003', '村干部', VILLAGE, '', 'licg'],
    ]),
  );
  const table = page.getByTestId('initial-passwords');
  await expect(table.getByRole('row')).toHaveCount(5);
  for (const username of ['zhaozg', 'zhangwg', 'wangys', 'licg']) {
    const cells = table.getByRole('row').filter({ hasText: username }).getByRole('cell');
    passwords.set(username, (await cells.nth(2).textContent())!.trim());
  }
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await page.goto('/grids');
  await expect(page.getByTestId('village-五凤村').getByRole('cell', { name: '张网格' })).toBeVisible();
  await page.close();
});

test('the township officer imports the register and assigns 1组 to the grid', async ({ browser }) => {
  const page = await firstLogin(browser, 'zhaozg');
  // Households: the village's 基础台账表.
  await page.goto('/register');
  await page.locator('input[type=file]').setInputFiles(
    csv('台账.csv', [
      ['区划代码', '住址', '姓名', '身份证号'],
      [VILLAGE, '五凤村1组1号', '张返乡', RETURNEE_ID],
      [VILLAGE, '五凤村1组2号', '李大爷', idNumber('51012119500101001')],
      [VILLAGE, '五凤村2组1号', '王大妈', idNumber('51012119520202002')],
    ]),
  );
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByText(/共 3 行：通过 3 行/)).toBeVisible({ timeout: 60_000 });

  // The households of 1组 in the grid; 2组 stays a gap on the roster.
  await page.goto('/grids');
  const village = page.getByTestId('village-五凤村');
  await expect(village.getByText('未分网格 3 户')).toBeVisible();
  await village.getByRole('button', { name: '分配住户', exact: true }).click();
  await page.getByTestId('grid-range').fill('1组');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(village.getByText('未分网格 1 户')).toBeVisible();
  await page.close();
});

test('a key person from an upstream list gets the team proposed from grid and village, confirmed in one action', async ({
  browser,
}) => {
  const page = await loginAs(browser, 'zhaozg', passwords.get('zhaozg')!);
  await page.goto('/leads');
  await page.getByRole('button', { name: '导入协查名单' }).click();
  const dialog = page.getByRole('dialog', { name: '导入协查名单' });
  await dialog.getByLabel('下发单位').fill('县卫健局');
  await dialog.locator('input[type=file]').setInputFiles(
    csv('协查.csv', [
      ['姓名', '身份证号', '手机号'],
      ['张返乡', RETURNEE_ID, '13912345678'],
    ]),
  );
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText(/已导入 1 人：匹配 1/)).toBeVisible();
  await page
    .getByRole('row')
    .filter({ hasText: '张返乡' })
    .getByRole('button', { name: '核查建档', exact: true })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();

  const proposed = page.getByTestId('proposed-team');
  await expect(proposed).toContainText('网格员：张网格');
  await expect(proposed).toContainText('医护人员：王医生');
  await expect(proposed).toContainText('村干部：李村干');
  await proposed.getByRole('button', { name: /确认团队/ }).click();
  await expect(page.getByText('3/3人')).toBeVisible();
  await expect(proposed).toHaveCount(0);
  await page.close();
});

for (const username of ['zhangwg', 'wangys']) {
  test(`${username} finds the key person in the check round`, async ({ browser }) => {
    const page = await firstLogin(browser, username);
    await page.goto('/checks');
    await page.getByText('我包保的全部').click();
    await expect(page.getByText('张返乡')).toBeVisible();
    await page.close();
  });
}
