import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('a township store issues masks and its stock falls', async ({ page }) => {
  await login(page, 'township');
  // The store and its receipt through the API; the issue through the page, as a person would.
  const me = (await (await page.request.get('/api/auth/me')).json()) as {
    csrfToken: string;
    user: { regionId: string };
  };
  const headers = { 'x-csrf-token': me.csrfToken };
  const name = `物资点${Date.now() % 100000}`;
  const store = (await (
    await page.request.post('/api/v1/supply-stores', {
      headers,
      data: { id: randomUUID(), regionId: me.user.regionId, name },
    })
  ).json()) as { id: string };
  const { items } = (await (await page.request.get('/api/v1/supply-items')).json()) as {
    items: { id: string; key: string | null }[];
  };
  const maskId = items.find((i) => i.key === 'maskN95')!.id;
  expect(
    (
      await page.request.post(`/api/v1/supply-stores/${store.id}/movements`, {
        headers,
        data: { kind: 'receipt', itemId: maskId, quantity: 100 },
      })
    ).status(),
  ).toBe(200);

  await page.goto('/supplies');
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('row').filter({ hasText: 'N95口罩' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('数量').fill('10');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'N95口罩' })).toContainText('90 个');
});
