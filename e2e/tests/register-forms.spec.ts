import { expect, test } from '@playwright/test';
import { login, pickLastRegion } from './fixtures.js';

test('a village cadre registers a household and a person at the desk; a wrong ID number is shown on its field', async ({
  page,
}) => {
  // Unique per run, so the spec can run again on the same database.
  const address = `桌面登记${Date.now() % 1_000_000}号`;
  await login(page, 'village');
  await page.goto('/register');
  await page.getByRole('button', { name: '新建住户' }).click();
  const household = page.getByRole('dialog', { name: '新建住户' });
  await pickLastRegion(page, household);
  await household.getByLabel('地址').fill(address);
  await household.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await expect(household).toBeHidden();

  await page.getByPlaceholder('地址或成员姓名').fill(address);
  await page.getByPlaceholder('地址或成员姓名').press('Enter');
  await page.getByRole('cell', { name: address }).click();
  await page.getByRole('button', { name: '登记人员' }).click();
  const person = page.getByRole('dialog', { name: '登记人员' });
  await person.getByLabel('姓名').fill('桌面甲');
  await person.getByLabel('身份证号').fill('510121198001011235');
  await person.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(person.getByText(/校验位/)).toBeVisible();
  await person.getByLabel('身份证号').fill('11010519491231002X');
  await person.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(person).toBeHidden();
  await expect(page.getByRole('cell', { name: '桌面甲' })).toBeVisible();
});

test('a village cadre registers a child without an ID number outside any household, in the village', async ({
  page,
}) => {
  const name = `无证儿童${Date.now() % 100_000}`;
  await login(page, 'village');
  await page.goto('/register/persons');
  await page.getByRole('button', { name: '登记人员' }).click();
  const person = page.getByRole('dialog', { name: '登记人员' });
  await person.getByLabel('姓名').fill(name);
  await person.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(person.getByText('请填写所属区划')).toBeVisible();
  await pickLastRegion(page, person);
  await expect(person.getByText('请填写所属区划')).toBeHidden();
  await person.getByRole('button', { name: /确\s*定|OK/ }).click();
  // Without an ID number the server asks for the birth date and the guardian, on their fields.
  await expect(person.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await person.getByLabel('出生日期').fill('2019-06-01');
  await person.getByLabel('监护人').fill('王监护');
  await person.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(person).toBeHidden();
  await page.getByPlaceholder(/按姓名|姓名、身份证号/).fill(name);
  await page.getByPlaceholder(/按姓名|姓名、身份证号/).press('Enter');
  await expect(page.getByRole('cell', { name })).toBeVisible();
});
