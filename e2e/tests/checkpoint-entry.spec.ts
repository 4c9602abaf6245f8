import { expect, test, type Page } from '@playwright/test';
import { login } from './fixtures.js';

interface Resident { name: string; idNumber: string }

/** Three residents of the staff's township, found through the API as the staff could. */
async function threeResidents(page: Page): Promise<Resident[]> {
  const log = (await (await page.request.get(`/api/v1/checkpoint-entries?plate=${encodeURIComponent('川A')}&pageSize=200`)).json()) as { items: { occupants: { name: string; local: boolean }[] }[] };
  const names = [...new Set(log.items.flatMap((e) => e.occupants.filter((o) => o.local).map((o) => o.name)))];
  const found: Resident[] = [];
  for (const name of names) {
    const { items } = (await (await page.request.get(`/api/v1/checkpoint-entries/residents?name=${encodeURIComponent(name)}`)).json()) as { items: Resident[] };
    if (items.length === 1 && !found.some((f) => f.idNumber === items[0]!.idNumber)) found.push(items[0]!);
    if (found.length === 3) break;
  }
  expect(found).toHaveLength(3);
  return found;
}

/** Counts every key the staff presses (a typed character or a chord each). */
function keyboard(page: Page) {
  let keys = 0;
  return {
    type: async (text: string) => { keys += text.length; await page.keyboard.type(text); },
    press: async (key: string) => { keys += 1; await page.keyboard.press(key); },
    get count() { return keys; },
  };
}

const randomPlate = () => `A${Math.floor(10000 + Math.random() * 89999)}`;

test('registers a car with 3 residents from the register, keyboard only, and prints keystrokes and time', async ({ page }) => {
  await login(page, 'checkpoint');
  const residents = await threeResidents(page);
  await page.getByRole('menuitem', { name: '卡口登记' }).click();
  const plateInput = page.locator('[data-nav="plate"]');
  await expect(plateInput).toBeFocused();
  const kb = keyboard(page);
  const plate = randomPlate();
  const started = performance.now();
  await kb.type(plate);
  await kb.press('Enter'); // → origin
  await kb.press('Enter'); // → first occupant's ID number
  for (const [i, r] of residents.entries()) {
    await expect(page.locator(`[data-nav="occ-id-${i}"]`)).toBeFocused();
    await kb.type(r.idNumber);
    await expect(page.locator(`[data-nav="occ-name-${i}"]`)).toHaveValue(r.name); // filled from the register
    await kb.press('Enter'); // → temperature (the name is already there)
    await kb.type('36.5');
    if (i < residents.length - 1) await kb.press('Enter'); // → next person
  }
  await kb.press('Control+Enter');
  await expect(page.getByText(`已登记 川${plate}，3 人`)).toBeVisible();
  const seconds = (performance.now() - started) / 1000;
  console.log(`checkpoint entry: car with 3 registered occupants — ${kb.count} keystrokes, ${seconds.toFixed(1)} s`);

  const stored = (await (await page.request.get(`/api/v1/checkpoint-entries?plate=${encodeURIComponent(`川${plate}`)}`)).json()) as { total: number; items: { occupants: { name: string; local: boolean }[] }[] };
  expect(stored.total).toBe(1);
  expect(stored.items[0]!.occupants.map((o) => [o.name, o.local])).toEqual(residents.map((r) => [r.name, true]));
  expect(kb.count).toBeLessThan(90);
});

test('flags a wrong ID check digit at once, before anything is sent', async ({ page }) => {
  await login(page, 'checkpoint');
  await page.getByRole('menuitem', { name: '卡口登记' }).click();
  await page.locator('[data-nav="occ-id-0"]').fill('110105194912310021');
  await expect(page.getByText('身份证号校验位错误')).toBeVisible();
});

test('a phone registers offline and, once back online, the entry is stored once @phone', async ({ page, context }) => {
  await login(page, 'checkpoint');
  const [resident] = await threeResidents(page);
  await page.goto('/checkpoint-entry');
  const plate = randomPlate();
  await page.locator('[data-nav="plate"]').fill(plate);
  await page.locator('[data-nav="occ-id-0"]').fill(resident!.idNumber);
  await expect(page.locator('[data-nav="occ-name-0"]')).toHaveValue(resident!.name);
  await page.locator('[data-nav="occ-temp-0"]').fill('36.6');
  await context.setOffline(true);
  await page.getByRole('button', { name: /提交登记/ }).tap();
  await expect(page.getByText('网络不可用，已保存在本机，恢复网络后自动上传')).toBeVisible();
  // The form is free for the next vehicle at once; the entry waits in the shared outbox.
  await expect(page.locator('[data-nav="plate"]')).toHaveValue('');
  await context.setOffline(false);
  const count = async () => ((await (await page.request.get(`/api/v1/checkpoint-entries?plate=${encodeURIComponent(`川${plate}`)}`)).json()) as { total: number }).total;
  await expect.poll(count, { timeout: 40_000 }).toBe(1);
  // Replays again (reconnect, visibility, timer) never store it twice.
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForTimeout(1000);
  expect(await count()).toBe(1);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width + 1);
});
