import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { login } from './fixtures.js';

// Lets context.route see the service worker's own requests (Chromium; experimental in Playwright),
// so that "offline" below is offline for the worker too. Read when the browser starts.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// A 360 px phone in a village: after one visit, every field page opens with no network at all,
// shows the data it last had and how old it is, and says what waits to be sent.
test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

const FIELD_PAGES = [
  { user: 'grid', path: '/my-households', name: '我的住户', usable: 'main .ant-list-item, main .ant-empty' },
  // A key person due now is a card with the temperature field; between the windows the list is empty.
  { user: 'grid', path: '/checks', name: '测温任务', usable: 'main .ant-card, main .ant-empty' },
  {
    user: 'grid',
    path: '/leads',
    name: '线索核查',
    usable: 'main .ant-table-row, main .ant-list-item, main .ant-empty',
  },
  { user: 'checkpoint', path: '/checkpoint-entry', name: '卡口登记', usable: '[data-nav="plate"]' },
] as const;

/**
 * Waits until the app shell's worker controls the page and has kept the build. Polled from here:
 * page.waitForFunction takes a promise for a truthy answer, so an async check would pass at once.
 */
async function shellReady(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          const shell = (await caches.keys()).find((k) => k.startsWith('fk-shell-'));
          return Boolean(
            reg?.active &&
              navigator.serviceWorker.controller &&
              shell &&
              (await (await caches.open(shell)).match('/index.html')),
          );
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
}

/**
 * No network, for the page and for its service worker: Chromium's offline emulation does not reach
 * the worker's own fetches, so the context also refuses every request that would leave the browser.
 */
async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
}
async function goOnline(context: BrowserContext) {
  await context.unrouteAll();
  await context.setOffline(false);
}

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360 + 1);
}

for (const user of ['grid', 'checkpoint'] as const) {
  test(`the field pages of ${user} open offline after one visit, with the age of their data`, async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await login(page, user);
    await shellReady(page);
    const pages = FIELD_PAGES.filter((p) => p.user === user);
    for (const p of pages) {
      await page.goto(p.path);
      await expect(page.locator(p.usable).first()).toBeVisible();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.screenshot({ path: test.info().outputPath(`360px-${p.path.slice(1)}.png`), fullPage: true });
      await noSidewaysScroll(page);
    }

    await goOffline(context);
    for (const p of pages) {
      await page.goto(p.path);
      await expect(page.locator(p.usable).first()).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: '网络不通' })).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`360px-${p.path.slice(1)}-offline.png`), fullPage: true });
    }
    // The page's data came from what the phone kept, and the notice says how old it is.
    await expect(page.getByRole('status')).toContainText(/显示的是.+保存的数据/);
    await goOnline(context);
  });
}

test('a write made offline is named in the notice until it is sent', async ({ page, context }) => {
  test.setTimeout(120_000);
  await login(page, 'checkpoint');
  await shellReady(page);
  await page.goto('/checkpoint-entry');
  await expect(page.locator('[data-nav="plate"]')).toBeVisible();
  await goOffline(context);
  await page.reload();
  const plate = `A${Math.floor(10000 + Math.random() * 89999)}`;
  await page.locator('[data-nav="plate"]').fill(plate);
  await page.locator('[data-nav="occ-id-0"]').fill('110101199003070011');
  await page.locator('[data-nav="occ-name-0"]').fill('离线测试');
  await page.locator('[data-nav="occ-temp-0"]').fill('36.6');
  await page.getByRole('button', { name: /提交登记/ }).click();
  const notice = page.getByRole('status').filter({ hasText: '网络不通' });
  await expect(notice).toContainText('1 条记录等待上报');
  await expect(notice).toContainText(plate);
  await goOnline(context);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(notice).toHaveCount(0, { timeout: 40_000 });
});

test('offline before the app was kept, a page never opened says so, and the menu and the app stay up', async ({
  page,
  context,
}) => {
  await login(page, 'grid');
  // The frame fetches the phone menu once it is up: the menu opens with no network.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await goOffline(context);
  await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('menuitem', { name: '测温任务' }).click();
  await expect(page.getByText('这一部分还没有下载到本机，联网后重试')).toBeVisible();
  await expect(page.getByRole('button', { name: '菜单' })).toBeVisible();
  await goOnline(context);
});

test('the app can be installed: a manifest with its Chinese name and icons', async ({ page }) => {
  await page.goto('/login');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await page.request.get(href!)).json()) as {
    name: string;
    short_name: string;
    display: string;
    icons: { src: string; sizes: string }[];
  };
  expect(manifest).toMatchObject({ short_name: '防控', display: 'standalone' });
  expect(manifest.name).toContain('防控');
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size)!;
    const res = await page.request.get(icon.src);
    expect(res.headers()['content-type']).toBe('image/png');
  }
});
