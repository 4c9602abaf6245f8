import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.js';
import { login } from './fixtures.js';

// Every page, as every role, in zh-CN: no English word may show, and axe-core (WCAG 2 A/AA) finds
// no serious or critical violation (the header and menu with the first page, then each page's own part). What may: ID numbers (…X),
// plates (川A…), region codes, units and the few names that are names in every language.
const ALLOWED = new Set([
  'English',
  'EN',
  'ID',
  'IP',
  'km',
  'kg',
  'KB',
  'MB',
  'xlsx',
  'docx',
  'csv',
  'CSV',
  'Excel',
  'Word',
  'PDF',
  'QR',
  'App',
  'API',
  'PM',
  'AM',
  // Key names in a desktop's keyboard hints (antd's own zh_CN says "Control键").
  'Ctrl',
  'Control',
  'Enter',
  'Tab',
  'Esc',
  'Shift',
  // How Chinese itself writes a karaoke venue (seed 003: 关停…KTV6家): the venue type's zh-CN word.
  'KTV',
]);
const ROLES = [
  'admin',
  'security',
  'auditor',
  'county',
  'township',
  'village',
  'grid',
  'doctor',
  'checkpoint',
  'inspector',
  'pharmacy',
] as const;

/** The Latin words a person can read on the page now: text, placeholders, labels, titles. */
async function latinWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const visible = (el: Element) =>
      (el as HTMLElement).offsetParent !== null || (el as HTMLElement).getClientRects().length > 0;
    // Raw data a person typed or a browser sent (user agents) is marked translate="no".
    let body = document.body.innerText;
    // Every occurrence: a user name stands in the list and again in the dialog or the header.
    for (const el of Array.from(document.querySelectorAll('[translate="no"]')))
      body = body.split((el as HTMLElement).innerText).join(' ');
    const out = [body];
    for (const el of Array.from(document.querySelectorAll('[placeholder], [aria-label], [title]'))) {
      // antd icons label themselves with their icon name ("home"); they are decoration beside a text.
      if (!visible(el) || el.classList.contains('anticon') || el.closest('[translate="no"]')) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    return out;
  });
  const words: string[] = [];
  for (const text of texts) {
    const cleaned = text
      .replace(/\d{17}[\dXx]/g, ' ') // ID numbers
      .replace(/\d{6}\*+\d{3}[\dXx]/g, ' ') // masked ID numbers
      .replace(/[\u4e00-\u9fa5][A-Z][A-Z0-9]{4,6}/g, ' ') // plates
      .replace(/https?:\/\/\S+/g, ' ');
    for (const w of cleaned.match(/[A-Za-z]{2,}/g) ?? []) if (!ALLOWED.has(w)) words.push(w);
  }
  return [...new Set(words)];
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await expect(page.locator('.ant-spin-spinning'))
    .toHaveCount(0, { timeout: 10_000 })
    .catch(() => undefined);
  // A mask or an alert still fading in blends its colours: axe would measure the contrast mid-way.
  // antd starts a motion a frame or two after adding its element, so the page must stay still for 200 ms.
  await page.evaluate(() => {
    (window as unknown as { fkStillSince?: number }).fkStillSince = undefined;
  });
  await page
    .waitForFunction(
      () => {
        const w = window as unknown as { fkStillSince?: number };
        const moving = document
          .getAnimations()
          .some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
        if (moving) w.fkStillSince = undefined;
        else w.fkStillSince ??= performance.now();
        return w.fkStillSince !== undefined && performance.now() - w.fkStillSince >= 200;
      },
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

/**
 * What a page is built of, as the set of component classes in its content: the same page shows a
 * village cadre a form and the township a table, and each shape is measured once per run.
 */
async function pageShape(page: Page): Promise<string> {
  return page.evaluate(() => {
    const classes = new Set<string>();
    // Components and their variants (a tag's colour, a button's kind), not their passing states
    // (scrolled, hovered, open) nor the style hashes: the same page in the same shape for two roles.
    const passing = /^css-|-(ping|active|focused|hover|open|selected|checked|loading|motion|enter|leave|appear)/;
    for (const el of Array.from(document.querySelectorAll('.fk-content *')))
      for (const c of Array.from(el.classList)) if (c.startsWith('ant-') && !passing.test(c)) classes.add(c);
    return [...classes].sort().join(' ');
  });
}
const measured = new Set<string>();

for (const username of ROLES) {
  test(`every page speaks Chinese to ${username}, labelled and legible`, async ({ page }) => {
    test.setTimeout(300_000);
    await login(page, username);
    const menu = page.getByRole('menuitem');
    // The menu is its own chunk, fetched once the signed-in frame is up: count it once it is drawn.
    await expect(menu.first()).toBeVisible({ timeout: 15_000 });
    const count = await menu.count();
    expect(count).toBeGreaterThan(1);
    const found: string[] = [];
    const inaccessible: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const item = menu.nth(i);
      const name = (await item.innerText()).trim();
      const path = (await item.getAttribute('data-menu-id'))?.replace(/^.*?-(\/[^/]*.*)$/, '$1');
      await item.click();
      // The page before may linger while the next one loads: read only once the next one is there.
      if (path) await page.waitForURL((url) => url.pathname === path, { timeout: 10_000 }).catch(() => undefined);
      await settle(page);
      for (const w of await latinWords(page)) found.push(`${name}: ${w}`);
      // axe takes seconds a page: a page already measured in the same shape (as another role) is not measured again.
      const shape = `${path} ${await pageShape(page)}`;
      if (i === 0 || !measured.has(shape)) {
        measured.add(shape);
        for (const v of await axeViolations(page, i === 0 ? undefined : '.fk-content'))
          inaccessible.push(`${name}: ${v}`);
      }
    }
    expect.soft(found, found.join('\n')).toEqual([]);
    expect(inaccessible, inaccessible.join('\n')).toEqual([]);
  });
}

test('the date picker and the table speak Chinese', async ({ page }) => {
  await login(page, 'auditor'); // the audit log is the audit administrator's alone (三员分立)
  await page.goto('/audit-logs');
  // The calendar is where English hid longest ("Dec 2026", "Su Mo", "Today").
  await page
    .getByRole('textbox', { name: /开始日期|时间范围/ })
    .first()
    .click();
  const calendar = page.locator('.ant-picker-dropdown:visible');
  await expect(calendar).toContainText('一');
  await expect(calendar).toContainText(/\d{4}年/);
  await expect(page.locator('.ant-pagination')).toContainText(/条\/页/);
  const words = await latinWords(page);
  expect(words, words.join(', ')).toEqual([]);
});
