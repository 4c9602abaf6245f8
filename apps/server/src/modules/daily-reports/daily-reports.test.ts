import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { shanghaiDateOf, shanghaiDateTimeOf, reportDayWindow } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import {
  buildCheckpoint,
  buildCounty,
  buildDailyReport,
  buildEntry,
  buildHousehold,
  buildKeyPerson,
  buildRegion,
  buildRound,
  buildUser,
  type RegionRow,
} from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';
import { countySetting } from '../../db/schema/index.js';
import { raiseLead } from '../leads/leads.service.js';

const today = shanghaiDateOf(new Date());

/** Two villages report (one a zero report), a third stays silent; every figure is checked against the records. */
describe('daily reports', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let villageC: RegionRow;
  let cadreA: Session;
  let cadreB: Session;
  let officer: Session;
  const submit = (s: Session, payload: Record<string, unknown>, lang = 'zh-CN') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/daily-reports',
      payload: { id: uuidv7(), reportDate: today, ...payload },
      headers: { ...s.headers, 'accept-language': lang },
    });
  const countOf = async (query: ReturnType<typeof sql>) => Number((await db.execute<{ n: number }>(query)).rows[0]!.n);

  beforeAll(async () => {
    county = await buildCounty(db);
    // The county's deadline at the end of the day: records made now fall before the cut-off and
    // submissions are on time, whatever hour the tests run (the default is 18:00).
    await db.insert(countySetting).values({
      regionId: county.county.id,
      regionPath: county.county.path,
      section: 'report',
      value: { deadline: '23:59' },
    });
    villageC = await buildRegion(db, '510121001003', '金龙村', county.townshipA);
    const villageB2 = await buildRegion(db, '510121001002', '石桥村', county.townshipA);
    for (let i = 0; i < 3; i++) await buildHousehold(db, county.villageA, 3);
    await buildHousehold(db, villageB2, 2);
    await buildHousehold(db, villageC, 4);
    await db.execute(
      sql`UPDATE household SET status = 'away' WHERE id = (SELECT id FROM household WHERE region_id = ${county.villageA.id} LIMIT 1)`,
    );
    const people = (
      await db.execute<{ id: string; name: string }>(
        sql`SELECT id, name FROM person WHERE region_id = ${county.villageA.id} LIMIT 2`,
      )
    ).rows;
    for (const p of people)
      await db.transaction((tx) =>
        raiseLead(tx, {
          now: new Date(),
          personId: p.id,
          name: p.name,
          regionId: county.villageA.id,
          regionPath: county.villageA.path,
          source: 'screening',
          reasons: ['riskArea'],
        }),
      );
    await buildUser(db, { username: 'cadre-a', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'cadre-b', role: 'villageCadre', region: villageB2 });
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    [cadreA, cadreB, officer] = [
      await loginAs(app, 'cadre-a'),
      await loginAs(app, 'cadre-b'),
      await loginAs(app, 'officer'),
    ];
  });

  it('freezes figures that match the records, and a zero report in one action', async () => {
    const a = await submit(cadreA, { regionId: county.villageA.id, remarks: '已完成第三轮排查', problems: '口罩不足' });
    expect(a.statusCode).toBe(200);
    const report = a.json();
    expect(report.figures.population).toEqual({
      households: await countOf(sql`SELECT count(*) AS n FROM household WHERE region_id = ${county.villageA.id}`),
      persons: await countOf(sql`SELECT count(*) AS n FROM person WHERE region_id = ${county.villageA.id}`),
      awayHouseholds: 1,
      personsAway: 3,
    });
    expect(report.figures.leads).toEqual({ raisedToday: 2, resolvedToday: 0, open: 2, overdue: 0 });
    expect(report.text[0]).toContain('五凤村全村在册3户9人，其中举家外出1户');
    expect(report.text).toContain('存在问题：口罩不足');

    const villageB2 = (await db.execute<{ id: string }>(sql`SELECT id FROM region WHERE code = '510121001002'`))
      .rows[0]!.id;
    const zero = await submit(cadreB, { regionId: villageB2, isZero: true });
    expect(zero.json()).toMatchObject({ isZero: true, version: 1, late: false });
    expect(zero.json().text[0]).toMatch(/零报告。$/);
  });

  it('shows the township who submitted, who is missing, and the rates', async () => {
    const res = await app.inject({
      url: `/api/v1/daily-reports/status?regionId=${county.townshipA.id}&reportDate=${today}`,
      headers: officer.headers,
    });
    const { reporters, rates } = res.json();
    const byName = Object.fromEntries(reporters.map((r: { name: string; status: string }) => [r.name, r.status]));
    expect(byName).toEqual({ 淮口街道: 'missing', 五凤村: 'onTime', 石桥村: 'onTime', 金龙村: 'missing' });
    expect(rates).toEqual({
      village: { expected: 3, submitted: 2, onTime: 2 },
      township: { expected: 1, submitted: 0, onTime: 0 },
    });
  });

  it("compares the township's live figures with the sum of its villages' snapshots", async () => {
    await buildHousehold(db, county.villageA, 1);
    const res = await app.inject({
      url: `/api/v1/daily-reports/preview?regionId=${county.townshipA.id}&reportDate=${today}`,
      headers: officer.headers,
    });
    const { live, villageSum } = res.json();
    expect(live.population.persons).toBe(
      await countOf(sql`SELECT count(*) AS n FROM person WHERE region_path <@ ${county.townshipA.path}::ltree`),
    );
    expect(villageSum.population.persons).toBe(9 + 2);
    expect(live.population.persons - villageSum.population.persons).toBe(1 + 4);
  });

  it('keeps the old version when a report is corrected, and asks for the reason', async () => {
    const missing = await submit(cadreA, { regionId: county.villageA.id }, 'en-US');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toEqual([
      { field: 'correctionReason', message: 'This report was already submitted: a correction needs its reason' },
    ]);
    const fixed = await submit(cadreA, { regionId: county.villageA.id, correctionReason: '漏报一户' });
    expect(fixed.json()).toMatchObject({ version: 2, correctionReason: '漏报一户' });
    const versions = await app.inject({
      url: `/api/v1/daily-reports/${fixed.json().id}/versions`,
      headers: cadreA.headers,
    });
    expect(
      versions
        .json()
        .items.map((v: { version: number; figures: { population: { persons: number } } }) => [
          v.version,
          v.figures.population.persons,
        ]),
    ).toEqual([
      [2, 10],
      [1, 9],
    ]);
  });

  it('refuses a future day, an overlong remark, another village and a closed correction window, writing nothing', async () => {
    const before = await countOf(sql`SELECT count(*) AS n FROM daily_report`);
    const future = await submit(cadreA, { regionId: county.villageA.id, reportDate: '2999-01-01' });
    expect(future.json().errors[0]).toMatchObject({ field: 'reportDate', message: '不能报送未来日期的日报告' });
    const long = await submit(cadreA, {
      regionId: county.villageA.id,
      remarks: 'x'.repeat(1_000_000),
      correctionReason: 'r',
    });
    expect(long.statusCode).toBe(422);
    expect(long.json().errors[0].field).toBe('remarks');
    const other = await submit(cadreA, { regionId: villageC.id });
    expect(other.json().errors).toEqual([{ field: 'regionId', message: '记录不存在或已被删除' }]);
    const me = (await app.inject({ url: '/api/auth/me', headers: cadreA.headers })).json().user;
    await buildDailyReport(db, county.villageA, me.id, '2022-01-28');
    const closed = await submit(cadreA, {
      regionId: county.villageA.id,
      reportDate: '2022-01-28',
      correctionReason: '迟到的更正',
    });
    expect(closed.json().errors[0]).toMatchObject({ field: 'reportDate' });
    expect(await countOf(sql`SELECT count(*) AS n FROM daily_report`)).toBe(before + 1);
  });

  it('counts the households and persons screened, today and in the round, as the visits hold them', async () => {
    const early = new Date(reportDayWindow(today, '23:59').dayStart.getTime() + 60_000);
    const round = await buildRound(db, county.townshipA);
    const [home] = (
      await db.execute<{ id: string }>(sql`SELECT id FROM household WHERE region_id = ${villageC.id} LIMIT 1`)
    ).rows;
    const members = (await db.execute<{ id: string }>(sql`SELECT id FROM person WHERE household_id = ${home!.id}`))
      .rows;
    const visitId = uuidv7();
    await db.execute(
      sql`INSERT INTO visit (id, round_id, household_id, region_path, outcome, visited_at) VALUES (${visitId}, ${round.id}, ${home!.id}, ${villageC.path}::ltree, 'visited', ${early})`,
    );
    for (const m of members.slice(0, 3))
      await db.execute(
        sql`INSERT INTO visit_member (id, visit_id, person_id, present, region_path) VALUES (${uuidv7()}, ${visitId}, ${m.id}, true, ${villageC.path}::ltree)`,
      );
    // A second visit of the same household the same day (nobody home) counts neither twice nor as covered.
    await db.execute(
      sql`INSERT INTO visit (id, round_id, household_id, region_path, outcome, visited_at) VALUES (${uuidv7()}, ${round.id}, ${home!.id}, ${villageC.path}::ltree, 'nobodyHome', ${early})`,
    );
    const { live } = (
      await app.inject({
        url: `/api/v1/daily-reports/preview?regionId=${villageC.id}&reportDate=${today}`,
        headers: officer.headers,
      })
    ).json();
    const records = (
      await db.execute<Record<string, number>>(sql`
      SELECT (SELECT count(DISTINCT household_id) FROM visit WHERE region_path <@ ${villageC.path}::ltree AND outcome IN ('visited', 'away'))::int AS households,
             (SELECT count(DISTINCT m.person_id) FROM visit_member m WHERE m.region_path <@ ${villageC.path}::ltree)::int AS persons`)
    ).rows[0]!;
    expect(live.screening).toEqual({
      householdsToday: records.households,
      personsToday: records.persons,
      householdsCurrentRound: records.households,
      householdsCumulative: records.households,
    });
    expect([records.households, records.persons]).toEqual([1, 3]);
    // The township's report holds its villages' screening.
    const town = (
      await app.inject({
        url: `/api/v1/daily-reports/preview?regionId=${county.townshipA.id}&reportDate=${today}`,
        headers: officer.headers,
      })
    ).json();
    expect(town.live.screening.personsToday).toBe(3);
  });

  it('counts the key persons and checkpoint crossings of the day as the records hold them', async () => {
    // Early in the report day, so that the records fall inside it whenever the test runs.
    const early = new Date(reportDayWindow(today, '23:59').dayStart.getTime() + 60_000);
    await buildKeyPerson(db, villageC, { startDate: today });
    await buildKeyPerson(db, villageC, { startDate: today, category: 'closeContact' });
    await db.execute(sql`UPDATE key_person SET created_at = ${early} WHERE region_path <@ ${villageC.path}::ltree`);
    const post = await buildCheckpoint(db, villageC);
    await buildEntry(db, post, {
      recordedAt: early.toISOString(),
      plate: '川A11111',
      occupants: [
        { idNumber: '420106198805050055', name: '过客', temperature: 36.4 },
        { idNumber: '110101199003077777', name: '同车', temperature: 38.2 },
      ],
    });
    await buildEntry(db, post, { recordedAt: early.toISOString(), plate: '川B22222', decision: 'turnBack' });
    const { live } = (
      await app.inject({
        url: `/api/v1/daily-reports/preview?regionId=${villageC.id}&reportDate=${today}`,
        headers: officer.headers,
      })
    ).json();
    const records = await db.execute<Record<string, number>>(sql`
      SELECT (SELECT count(*) FROM key_person WHERE region_path <@ ${villageC.path}::ltree AND status = 'active')::int AS active,
             (SELECT count(*) FROM checkpoint_entry WHERE checkpoint_id = ${post.id} AND kind = 'vehicle')::int AS vehicles,
             (SELECT count(*) FROM checkpoint_occupant o JOIN checkpoint_entry e ON e.id = o.entry_id WHERE e.checkpoint_id = ${post.id})::int AS persons,
             (SELECT count(*) FROM checkpoint_occupant o JOIN checkpoint_entry e ON e.id = o.entry_id WHERE e.checkpoint_id = ${post.id} AND o.fever)::int AS fevers`);
    const r = records.rows[0]!;
    expect(live.keyPersons).toEqual({
      active: r.active,
      homeIsolation: 2,
      centralIsolation: 0,
      newToday: 2,
      releasedToday: 0,
    });
    expect(live.checkpoints).toEqual({
      vehicles: r.vehicles,
      persons: r.persons,
      turnedBack: 1,
      turnedBackPersons: 1,
      held: 0,
      fevers: r.fevers,
    });
    expect([r.active, r.vehicles, r.persons, r.fevers]).toEqual([2, 2, 3, 1]);
  });

  it('returns the stored report when the same submission arrives twice', async () => {
    const payload = { id: uuidv7(), regionId: villageC.id, reportDate: today, isZero: true };
    const first = await app.inject({ method: 'POST', url: '/api/v1/daily-reports', payload, headers: officer.headers });
    const again = await app.inject({ method: 'POST', url: '/api/v1/daily-reports', payload, headers: officer.headers });
    expect(again.json()).toEqual(first.json());
    expect(await countOf(sql`SELECT count(*) AS n FROM daily_report WHERE region_id = ${villageC.id}`)).toBe(1);
  });

  it('downloads the report as .xlsx and .docx that read back with its text, and audits each download', async () => {
    const status = (
      await app.inject({
        url: `/api/v1/daily-reports/status?regionId=${county.townshipA.id}&reportDate=${today}`,
        headers: officer.headers,
      })
    ).json();
    const id = status.reporters.find((r: { name: string }) => r.name === '五凤村').reportId;
    const xlsx = await app.inject({
      url: `/api/v1/daily-reports/${id}/document?format=xlsx`,
      headers: officer.headers,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]!.getCell('A2').value)).toContain('截止');
    const personsRow = wb.worksheets[1]!.getSheetValues().find(
      (r) => Array.isArray(r) && r[2] === 'persons',
    ) as unknown[];
    expect(personsRow[3]).toBe(10);
    const docx = await app.inject({
      url: `/api/v1/daily-reports/${id}/document?format=docx`,
      headers: officer.headers,
    });
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('五凤村全村在册');
    // Both files say when it was submitted in Shanghai local time, as the screen does, never as UTC ISO.
    const submitted = (await db.execute(sql`SELECT submitted_at FROM daily_report WHERE id = ${id}`)).rows[0]!
      .submitted_at as string | Date;
    const signed = wb.worksheets[0]!.getSheetValues()
      .map((r) => (Array.isArray(r) ? String(r[1]) : ''))
      .find((v) => v?.startsWith('报送人'))!;
    expect(signed).toContain(`报送时间：${shanghaiDateTimeOf(new Date(submitted))}`);
    expect(xml).toContain(`报送时间：${shanghaiDateTimeOf(new Date(submitted))}`);
    expect(`${signed}${xml}`).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(
      await countOf(sql`SELECT count(*) AS n FROM audit_log WHERE event = 'dailyReport.export' AND target_id = ${id}`),
    ).toBe(2);
  });
});
