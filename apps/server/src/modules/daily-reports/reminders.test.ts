import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { shanghaiDateOf } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildDailyReport, buildRegion, buildUser, type RegionRow } from '../../../test/factories.js';
import { runReportReminders } from '../../jobs/report-reminders.js';

const today = shanghaiDateOf(new Date());

/** 催报: the township reminds its missing villages; the scheduler reminds everyone still missing before the deadline. */
describe('report reminders', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let silent: RegionRow;
  let officer: Session;
  let cadre: Session;
  const remind = (s: Session, payload: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/daily-reports/reminders',
      payload: { reportDate: today, ...payload },
      headers: { ...s.headers, 'accept-language': 'zh-CN' },
    });

  beforeAll(async () => {
    county = await buildCounty(db);
    silent = await buildRegion(db, '510121001002', '石桥村', county.townshipA);
    const reporter = await buildUser(db, { username: 'cadre-a', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'cadre-silent', role: 'villageCadre', region: silent });
    await buildUser(db, {
      username: 'officer',
      role: 'townshipOfficer',
      region: county.townshipA,
      displayName: '李镇长',
    });
    await buildDailyReport(db, county.villageA, reporter.id, today);
    await buildDailyReport(db, county.villageA, reporter.id, '2024-03-01');
    [officer, cadre] = [await loginAs(app, 'officer'), await loginAs(app, 'cadre-silent')];
  });

  it('reminds only the villages below that are still missing, and ignores a double click', async () => {
    const first = await remind(officer, { message: '请于18:00前报送' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      reminded: [{ regionId: silent.id, name: '石桥村' }],
      skipped: [{ regionId: county.villageA.id, name: '五凤村', reason: 'submitted' }],
    });
    const again = await remind(officer, { regionIds: [silent.id] });
    expect(again.json()).toEqual({
      reminded: [],
      skipped: [{ regionId: silent.id, name: '石桥村', reason: 'recentlyReminded' }],
    });
    const audited = await db.execute(sql`SELECT detail FROM audit_log WHERE event = 'dailyReport.remind'`);
    expect(audited.rows).toEqual([{ detail: { reportDate: today, regionIds: [silent.id] } }]);
  });

  it('shows the reminder to the township on its status table and to the village itself', async () => {
    const status = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/daily-reports/status?reportDate=${today}`,
        headers: officer.headers,
      })
    ).json();
    const bySilent = status.reporters.find((r: { regionId: string }) => r.regionId === silent.id);
    expect(bySilent).toMatchObject({ status: 'missing', reminders: 1 });
    expect(bySilent.lastRemindedAt).not.toBeNull();
    expect(status.reporters.find((r: { regionId: string }) => r.regionId === county.villageA.id)).toMatchObject({
      reminders: 0,
      lastRemindedAt: null,
    });

    const mine = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/daily-reports/reminders?reportDate=${today}`,
        headers: cadre.headers,
      })
    ).json();
    expect(mine.items).toEqual([
      expect.objectContaining({ regionId: silent.id, sentByName: '李镇长', message: '请于18:00前报送' }),
    ]);
  });

  it("refuses a village cadre, a region outside the township and a future day, in the user's language", async () => {
    expect((await remind(cadre, {})).statusCode).toBe(403);
    const outside = await remind(officer, { regionIds: [county.villageB.id] });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors).toEqual([
      expect.objectContaining({ field: 'regionIds.0', message: '只能催报本级以下的村（社区）或乡镇（街道）' }),
    ]);
    const future = await remind(officer, { reportDate: '2999-01-01' });
    expect(future.json().errors).toEqual([
      expect.objectContaining({ field: 'reportDate', message: '不能报送未来日期的日报告' }),
    ]);
    expect(Number((await db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM report_reminder`)).rows[0]!.n)).toBe(
      1,
    );
  });

  it('reminds every missing reporter once, from an hour before the 18:00 deadline until it', async () => {
    const autoOn = async () =>
      (
        await db.execute<{ region_id: string }>(
          sql`SELECT region_id FROM report_reminder WHERE report_date = '2024-03-01' AND sent_by IS NULL ORDER BY region_id`,
        )
      ).rows.map((r) => r.region_id);
    expect(await runReportReminders(db, new Date('2024-03-01T08:59:59Z'))).toEqual({ ran: true, reminded: 0 }); // 16:59:59 in China
    const at1700 = await runReportReminders(db, new Date('2024-03-01T09:00:00Z'));
    // Everyone but 五凤村, which reported: the county's two townships and its other two villages.
    expect(at1700.reminded).toBe(4);
    expect(await autoOn()).not.toContain(county.villageA.id);
    expect(await autoOn()).toContain(silent.id);
    expect((await runReportReminders(db, new Date('2024-03-01T09:30:00Z'))).reminded).toBe(0);
    await db.execute(sql`DELETE FROM report_reminder WHERE report_date = '2024-03-01'`);
    expect((await runReportReminders(db, new Date('2024-03-01T10:00:00Z'))).reminded).toBe(0); // 18:00: too late to remind
  });
});
