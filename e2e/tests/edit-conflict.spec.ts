import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login } from './fixtures.js';

test("two cadres edit the same household: the later save shows the other's change and saves on the second press", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // A colleague, in a session of their own, made the household and will change it while we edit.
  const other = await playwright.request.newContext({ baseURL });
  const session = (await (
    await other.post('/api/auth/login', { data: { username: 'village', password: DEMO_PASSWORD } })
  ).json()) as { csrfToken: string; user: { regionId: string } };
  const headers = { 'x-csrf-token': session.csrfToken };
  const address = `并发编辑${Date.now() % 1_000_000}号`;
  const id = randomUUID();
  expect(
    (
      await other.post('/api/v1/households', { data: { id, regionId: session.user.regionId, address }, headers })
    ).status(),
  ).toBe(201);

  await login(page, 'village');
  await page.goto('/register');
  await page.getByPlaceholder('地址或成员姓名').fill(address);
  await page.getByPlaceholder('地址或成员姓名').press('Enter');
  await page.getByRole('cell', { name: address }).click();
  await page.getByRole('button', { name: '编辑住户' }).click();
  const edit = page.getByRole('dialog', { name: '编辑住户' });
  await expect(edit.getByLabel('地址')).toHaveValue(address);

  const theirs = `${address}（同事改）`;
  expect((await other.patch(`/api/v1/households/${id}`, { data: { address: theirs }, headers })).status()).toBe(200);

  const mine = `${address}（我改）`;
  await edit.getByLabel('地址').fill(mine);
  await edit.getByRole('button', { name: /确\s*定|OK/ }).click();
  const alert = edit.getByRole('alert');
  await expect(alert).toContainText('其他人已修改');
  await expect(alert).toContainText(theirs);
  await expect(edit.getByLabel('地址')).toHaveValue(mine);
  await edit.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(edit).toBeHidden();
  expect(((await (await other.get(`/api/v1/households/${id}`)).json()) as { address: string }).address).toBe(mine);
  await other.dispose();
});

test("two cadres change the same key-person file: the later change lists the other's in words and saves on the second press", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const other = await playwright.request.newContext({ baseURL });
  const session = (await (
    await other.post('/api/auth/login', { data: { username: 'village', password: DEMO_PASSWORD } })
  ).json()) as { csrfToken: string; user: { regionId: string } };
  const headers = { 'x-csrf-token': session.csrfToken };
  const name = `并发档案${Date.now() % 1_000_000}`;
  const personId = randomUUID();
  expect(
    (
      await other.post('/api/v1/persons', {
        data: { id: personId, name, birthDate: '1980-05-01', regionId: session.user.regionId },
        headers,
      })
    ).status(),
  ).toBe(201);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const id = randomUUID();
  const opened = await other.post('/api/v1/key-persons', {
    data: { id, personId, category: 'returnee', measure: 'homeIsolation', source: 'other', startDate: today },
    headers,
  });
  expect(opened.status()).toBe(201);
  const firstEnd = ((await opened.json()) as { plannedEndDate: string }).plannedEndDate;
  const plusDays = (n: number) =>
    new Date(Date.parse(`${firstEnd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  await login(page, 'village');
  await page.goto(`/key-persons/${id}`);
  await expect(page.getByRole('heading', { name: new RegExp(name) })).toBeVisible({ timeout: 90_000 });

  // The end date: the colleague extends it while our dialog is open.
  await page.getByRole('button', { name: '延长/缩短' }).click();
  const extend = page.getByRole('dialog', { name: '延长/缩短' });
  const theirs = plusDays(7);
  expect(
    (
      await other.patch(`/api/v1/key-persons/${id}`, {
        data: { plannedEndDate: theirs, reason: '同事：密接者再次阳性' },
        headers,
      })
    ).status(),
  ).toBe(200);
  const mine = plusDays(3);
  await extend.getByLabel('新的解除日期').fill(mine);
  await extend.getByLabel('原因').fill('我：补测核酸阴性');
  await extend.getByRole('button', { name: /确\s*定|OK/ }).click();
  const alert = extend.getByRole('alert');
  await expect(alert).toContainText('其他人已修改');
  await expect(alert).toContainText(`计划解除日期：${firstEnd} → ${theirs}（您填写的是 ${mine}）`);
  // Behind the dialog, the file already shows the colleague's date.
  await expect(page.locator('.ant-descriptions').getByText(theirs)).toBeVisible();
  await extend.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(extend).toBeHidden();
  expect(
    ((await (await other.get(`/api/v1/key-persons/${id}`)).json()) as { plannedEndDate: string }).plannedEndDate,
  ).toBe(mine);

  // A status: the colleague changes the measure while our 转入住院 is open; the change lists the
  // measure in words and the hospitalisation is saved on the second press.
  await page.getByRole('button', { name: '转入住院' }).click();
  const status = page.getByRole('dialog', { name: /转入住院/ });
  expect(
    (
      await other.patch(`/api/v1/key-persons/${id}`, {
        data: { measure: 'centralIsolation', reason: '同事：改为集中隔离' },
        headers,
      })
    ).status(),
  ).toBe(200);
  await status.getByLabel('原因').fill('我：送县人民医院');
  await status.getByRole('button', { name: /确\s*定/ }).click();
  await expect(status.getByRole('alert')).toContainText('管控措施：居家隔离医学观察 → 集中隔离医学观察', {
    timeout: 20_000,
  });
  await expect(status.getByLabel('原因')).toHaveValue('我：送县人民医院');
  await status.getByRole('button', { name: /确\s*定/ }).click();
  await expect(status).toBeHidden();
  expect(
    (await (await other.get(`/api/v1/key-persons/${id}`)).json()) as { measure: string; status: string },
  ).toMatchObject({ measure: 'centralIsolation', status: 'hospitalized' });
  await other.dispose();
});
