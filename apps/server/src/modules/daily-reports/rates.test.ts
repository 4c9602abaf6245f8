import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildDailyReport, buildUser } from '../../../test/factories.js';

/** Completeness and timeliness per level and period, counted as DHIS2 does: expected, actual, on time. */
describe('daily report rates', async () => {
  const { app, db } = await testApp();
  let commander: Session;
  let townA: Session;
  const rates = async (s: Session, query: string) =>
    app.inject({ url: `/api/v1/daily-reports/rates?${query}`, headers: { ...s.headers, 'accept-language': 'en-US' } });

  beforeAll(async () => {
    const county = await buildCounty(db);
    const c = await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    await buildUser(db, { username: 'town-a', role: 'townshipOfficer', region: county.townshipA });
    await buildDailyReport(db, county.villageA, c.id, '2026-11-02');
    const late = await buildDailyReport(db, county.villageA, c.id, '2026-11-03');
    await db.execute(sql`UPDATE daily_report SET late = true WHERE id = ${late.id}`);
    await buildDailyReport(db, county.villageB, c.id, '2026-11-10');
    await buildDailyReport(db, county.townshipA, c.id, '2026-11-02');
    // A correction is not a second report.
    await db.execute(sql`INSERT INTO daily_report (id, region_id, region_path, report_date, version, figures, submitted_by, submitted_at, late, correction_reason)
      SELECT gen_random_uuid(), region_id, region_path, report_date, 2, figures, submitted_by, now(), true, '更正' FROM daily_report WHERE region_id = ${county.villageA.id} AND report_date = '2026-11-02'`);
    [commander, townA] = [await loginAs(app, 'commander'), await loginAs(app, 'town-a')];
  });

  it('counts expected, actual and on-time reports per week and level', async () => {
    const res = await rates(commander, 'period=week&from=2026-11-02&to=2026-11-15');
    expect(res.statusCode).toBe(200);
    expect(res.json().rows).toEqual([
      {
        period: '2026-11-02',
        level: 'village',
        expected: 14,
        actual: 2,
        onTime: 1,
        completeness: 14.3,
        timeliness: 7.1,
      },
      {
        period: '2026-11-02',
        level: 'township',
        expected: 14,
        actual: 1,
        onTime: 1,
        completeness: 7.1,
        timeliness: 7.1,
      },
      {
        period: '2026-11-09',
        level: 'village',
        expected: 14,
        actual: 1,
        onTime: 1,
        completeness: 7.1,
        timeliness: 7.1,
      },
      { period: '2026-11-09', level: 'township', expected: 14, actual: 0, onTime: 0, completeness: 0, timeliness: 0 },
    ]);
  });

  it("rolls days into months and days, and counts only the reporters in the viewer's scope", async () => {
    const month = (await rates(commander, 'period=month&from=2026-11-02&to=2026-11-15')).json();
    expect(month.rows.find((r: { level: string }) => r.level === 'village')).toMatchObject({
      period: '2026-11-01',
      expected: 28,
      actual: 3,
      onTime: 2,
    });
    const days = (await rates(townA, 'period=day&from=2026-11-02&to=2026-11-03')).json();
    expect(days.rows).toEqual([
      expect.objectContaining({ period: '2026-11-02', level: 'village', expected: 1, actual: 1, onTime: 1 }),
      expect.objectContaining({ period: '2026-11-02', level: 'township', expected: 1, actual: 1, onTime: 1 }),
      expect.objectContaining({ period: '2026-11-03', level: 'village', expected: 1, actual: 1, onTime: 0 }),
      expect.objectContaining({ period: '2026-11-03', level: 'township', expected: 1, actual: 0, onTime: 0 }),
    ]);
  });

  it('refuses a reversed or overlong range and never counts days after today', async () => {
    expect((await rates(commander, 'from=2026-11-10&to=2026-11-02')).json().errors).toEqual([
      { field: 'from', message: 'The date range is invalid (from must not be after to, and at most a year)' },
    ]);
    expect((await rates(commander, 'from=2020-01-01&to=2026-11-02')).statusCode).toBe(422);
    const future = (await rates(commander, 'period=day&to=2999-01-01')).json();
    expect(future.to <= new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)).toBe(true);
  });
});
