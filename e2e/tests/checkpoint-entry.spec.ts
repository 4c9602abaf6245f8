import { randomUUID } from 'node:crypto';
import { expect, request, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login } from './fixtures.js';

interface Resident {
  name: string;
  idNumber: string;
}

/**
 * Three residents of the staff's township who crossed before: their names from the staff's entry
 * log, their ID numbers (which the staff never sees in full) from the township officer's register.
 */
async function threeResidents(page: Page): Promise<Resident[]> {
  const log = (await (
    await page.request.get(`/api/v1/checkpoint-entries?plate=${encodeURIComponent('川A')}&pageSize=200`)
  ).json()) as { items: { occupants: { name: string; local: boolean }[] }[] };
  const names = [...new Set(log.items.flatMap((e) => e.occupants.filter((o) => o.local).map((o) => o.name)))];
  const officer = await request.newContext({ baseURL: new URL(page.url()).origin });
  expect(
    (await officer.post('/api/auth/login', { data: { username: 'township', password: DEMO_PASSWORD } })).ok(),
  ).toBe(true);
  const found: Resident[] = [];
  for (const name of names) {
    const { items } = (await (await officer.get(`/api/v1/persons?q=${encodeURIComponent(name)}`)).json()) as {
      items: { id: string; name: string; idNumber: string | null }[];
    };
    const same = items.filter((p) => p.name === name && p.idNumber);
    if (same.length !== 1) continue;
    const full = (await (await officer.get(`/api/v1/persons/${same[0]!.id}/full`)).json()) as Resident;
    if (!found.some((f) => f.idNumber === full.idNumber)) found.push({ name, idNumber: full.idNumber });
    if (found.length === 3) break;
  }
  await officer.dispose();
  expect(found).toHaveLength(3);
  return found;
}

/** Counts every key the staff presses (a typed character or a chord each). */
function keyboard(page: Page) {
  let keys = 0;
  return {
    type: async (text: string) => {
      keys += text.length;
      await page.keyboard.type(text);
    },
    press: async (key: string) => {
      keys += 1;
      await page.keyboard.press(key);
    },
    get count() {
      return keys;
    },
  };
}

const randomPlate = () => `A${Math.floor(10000 + Math.random() * 89999)}`;

const MAX_KEYSTROKES = 40;
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

test('registers a car with 3 residents from the register, keyboard only, in at most 40 keystrokes', async ({
  page,
}) => {
  test.setTimeout(180_000);
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
    // The last 4 digits of the ID number find the residents of the checkpoint's area, masked.
    await kb.type(r.idNumber.slice(-4));
    const options = page.locator(`#occ-matches-${i} [role="option"]`);
    await expect(options.first()).toBeVisible();
    const at = (await options.allTextContents()).findIndex(
      (text) => text.includes(r.name) && text.includes(masked(r.idNumber)),
    );
    expect(at, `${r.name} among the matches`).toBeGreaterThanOrEqual(0);
    for (let k = 0; k < at; k++) await kb.press('ArrowDown');
    await kb.press('Enter'); // picks the resident → temperature
    await expect(page.locator(`[data-nav="occ-name-${i}"]`)).toHaveValue(r.name);
    await expect(page.locator(`[data-nav="occ-id-${i}"]`)).toHaveValue(masked(r.idNumber));
    await expect(page.locator(`[data-nav="occ-temp-${i}"]`)).toBeFocused();
    await kb.type('36.5');
    if (i < residents.length - 1) await kb.press('Enter'); // → next person
  }
  await kb.press('Control+Enter');
  await expect(page.getByText(`已登记 川${plate}，3 人`)).toBeVisible();
  // The keyboard stays on the form: the next car's plate goes straight into the plate field.
  await expect(plateInput).toBeFocused();
  await expect(plateInput).toHaveValue('');
  await page.keyboard.type('B1');
  await expect(plateInput).toHaveValue('B1');
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `checkpoint entry: car with 3 registered occupants — ${kb.count} keystrokes (at most ${MAX_KEYSTROKES}), ${seconds.toFixed(1)} s`,
  );

  const stored = (await (
    await page.request.get(`/api/v1/checkpoint-entries?plate=${encodeURIComponent(`川${plate}`)}`)
  ).json()) as { total: number; items: { occupants: { name: string; idNumber: string; local: boolean }[] }[] };
  expect(stored.total).toBe(1);
  expect(stored.items[0]!.occupants.map((o) => [o.name, o.idNumber, o.local])).toEqual(
    residents.map((r) => [r.name, masked(r.idNumber), true]),
  );
  expect(kb.count).toBeLessThanOrEqual(MAX_KEYSTROKES);
});

test('an ID-card reader typing a whole ID number and Enter fills the occupant and moves on to the temperature', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'checkpoint');
  const [resident] = await threeResidents(page);
  await page.goto('/checkpoint-entry');
  await page.locator('[data-nav="occ-id-0"]').focus();
  // A keyboard wedge: 18 characters and Enter in one burst, then the staff types the temperature.
  const started = performance.now();
  await page.keyboard.type(resident!.idNumber);
  await page.keyboard.press('Enter');
  const burst = performance.now() - started;
  await page.keyboard.type('36.7');
  await expect(page.locator('[data-nav="occ-name-0"]')).toHaveValue(resident!.name);
  await expect(page.locator('[data-nav="occ-temp-0"]')).toHaveValue('36.7');
  await expect(page.locator('[data-nav="occ-temp-0"]')).toBeFocused();
  await expect(page.locator('#occ-matches-0')).toHaveCount(0);
  console.log(`keyboard wedge: 18 characters and Enter in ${burst.toFixed(0)} ms`);
});

test('a plate seen before brings its last occupants in one key (F2)', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'checkpoint');
  const residents = (await threeResidents(page)).slice(0, 2);
  const {
    items: [cp],
  } = (await (await page.request.get('/api/v1/checkpoints?status=open&pageSize=1')).json()) as {
    items: { id: string }[];
  };
  const plate = randomPlate();
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const first = await page.request.post(`/api/v1/checkpoints/${cp!.id}/entries`, {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      id: randomUUID(),
      kind: 'vehicle',
      plate: `川${plate}`,
      direction: 'in',
      decision: 'pass',
      recordedAt: new Date().toISOString(),
      occupants: residents.map((r) => ({ idNumber: r.idNumber, temperature: '36.4' })),
    },
  });
  expect(first.status()).toBe(201);
  await page.goto('/checkpoint-entry');
  const kb = keyboard(page);
  await expect(page.locator('[data-nav="plate"]')).toBeFocused();
  await kb.type(plate);
  await kb.press('Enter');
  await expect(page.getByText('该车上次登记 2 人', { exact: false })).toBeVisible();
  await kb.press('F2');
  await expect(page.locator('[data-nav="occ-name-0"]')).toHaveValue(residents[0]!.name);
  await expect(page.locator('[data-nav="occ-name-1"]')).toHaveValue(residents[1]!.name);
  await expect(page.locator('[data-nav="occ-temp-0"]')).toBeFocused();
  expect(kb.count).toBe(plate.length + 2);
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
  // A phone has neither Enter nor Ctrl+Enter: no key hints.
  await expect(page.getByText(/Enter/)).toHaveCount(0);
  await page.getByRole('button', { name: /提交登记/ }).tap();
  await expect(page.getByText('网络不可用，已保存在本机，恢复网络后自动上传')).toBeVisible();
  // The form is free for the next vehicle at once; the entry waits in the shared outbox.
  await expect(page.locator('[data-nav="plate"]')).toHaveValue('');
  await context.setOffline(false);
  const count = async () =>
    (
      (await (
        await page.request.get(`/api/v1/checkpoint-entries?plate=${encodeURIComponent(`川${plate}`)}`)
      ).json()) as { total: number }
    ).total;
  await expect.poll(count, { timeout: 40_000 }).toBe(1);
  // Replays again (reconnect, visibility, timer) never store it twice.
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForTimeout(1000);
  expect(await count()).toBe(1);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width + 1);
});
