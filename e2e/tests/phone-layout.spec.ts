import { expect, test, type Page } from '@playwright/test';
import { login } from './fixtures.js';

// The field roles' pages on a small phone (360×780 CSS pixels): nothing may scroll sideways. Each
// page of the roles who work on a phone, and any page that scrolls sideways, is photographed into
// the test output (.tmp/e2e-results/phone-layout-…/); E2E_SCREENSHOTS=1 photographs every page.
const FIELD_ROLES = ['grid', 'doctor', 'village', 'checkpoint', 'township', 'pharmacy'] as const;
const PHONE_FIRST: readonly string[] = ['grid', 'doctor', 'checkpoint', 'pharmacy'];
test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 2_000 }).catch(() => undefined);
  await expect(page.locator('.ant-spin-spinning'))
    .toHaveCount(0, { timeout: 10_000 })
    .catch(() => undefined);
}

for (const username of FIELD_ROLES) {
  test(`no page scrolls sideways on a 360 px phone for ${username}`, async ({ page }, testInfo) => {
    test.setTimeout(600_000);
    await login(page, username);
    const openMenu = () => page.getByRole('button', { name: '菜单' }).click();
    await openMenu();
    const menu = page.locator('.ant-drawer').getByRole('menuitem');
    const count = await menu.count();
    expect(count).toBeGreaterThan(1);
    const wide: string[] = [];
    for (let i = 0; i < count; i += 1) {
      if (i > 0) await openMenu();
      const item = menu.nth(i);
      const name = (await item.innerText()).trim();
      const path = (await item.getAttribute('data-menu-id'))?.replace(/^.*?-(\/[^/]*.*)$/, '$1');
      await item.click();
      await expect(page.locator('.ant-drawer-content-wrapper')).toBeHidden();
      if (path) await page.waitForURL((url) => url.pathname === path, { timeout: 10_000 }).catch(() => undefined);
      await settle(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 361 || PHONE_FIRST.includes(username) || process.env.E2E_SCREENSHOTS) {
        const file = testInfo.outputPath(`${String(i).padStart(2, '0')}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
      }
      if (width > 361) wide.push(`${name}: ${width}px`);
    }
    expect(wide, wide.join('\n')).toEqual([]);
  });
}
