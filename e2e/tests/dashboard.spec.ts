import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test('the county commander sees the dashboard with its charts, also on the wall screen', async ({ page }) => {
  await login(page, 'county');
  await page.getByRole('menuitem', { name: '指挥调度' }).click();
  await expect(page.getByRole('heading', { name: '金堂县指挥调度' })).toBeVisible();
  await expect(page.getByText('在册人数')).toBeVisible();
  // Every chart drew on its canvas.
  const charts = page.locator('div[role="img"]');
  await expect(charts.first()).toBeVisible();
  const chartCount = await charts.count();
  expect(chartCount).toBeGreaterThanOrEqual(5);
  await expect(charts.locator('canvas')).toHaveCount(chartCount);
  const persons = Number(
    (await page.locator('.ant-statistic').first().locator('.ant-statistic-content-value').innerText()).replace(
      /,/g,
      '',
    ),
  );
  expect(persons).toBeGreaterThan(1000);
  await page.getByRole('button', { name: '大屏模式' }).click();
  await expect(page.locator('.fk-wall')).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot({ path: test.info().outputPath('dashboard-wall.png') });
});

test('the wall screen fits 1920×1080: no scrollbars, nothing cut off, figures large enough to read across a room', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login(page, 'county');
  await page.goto('/dashboard?wall=1');
  const wall = page.locator('.fk-wall');
  // The county's figures take a moment on a busy machine.
  await expect(wall).toBeVisible({ timeout: 30_000 });
  const charts = wall.locator('div[role="img"]');
  await expect(charts.first()).toBeVisible();
  await expect(charts.locator('canvas')).toHaveCount(await charts.count());
  const fit = await page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('.fk-wall')!;
    const cards = Array.from(root.querySelectorAll<HTMLElement>('.ant-card')).map((c) => c.getBoundingClientRect());
    const statistic = getComputedStyle(root.querySelector('.ant-statistic-content')!).fontSize;
    return {
      // The wall's own overflow, and the page's behind it (the menu) unless the wall stops it scrolling.
      scroll: [
        root.scrollWidth - root.clientWidth,
        root.scrollHeight - root.clientHeight,
        getComputedStyle(document.documentElement).overflow === 'hidden'
          ? 0
          : Math.max(0, document.documentElement.scrollHeight - innerHeight),
      ],
      cards: cards.length,
      outside: cards.filter((r) => r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5).length,
      statistic: parseFloat(statistic),
    };
  });
  expect(fit.scroll).toEqual([0, 0, 0]);
  expect(fit.cards).toBeGreaterThanOrEqual(11); // 4 figures, 6 charts and the overdue list
  expect(fit.outside).toBe(0);
  expect(fit.statistic).toBeGreaterThanOrEqual(36);
  await page.screenshot({ path: test.info().outputPath('dashboard-wall-1920x1080.png') });
});
