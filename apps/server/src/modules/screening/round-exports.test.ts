import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildGrid, buildHousehold, buildRegion, buildRound, buildUser } from '../../../test/factories.js';
import { household, person } from '../../db/schema/index.js';

describe('统计表 and 排查进度 of a round', async () => {
  const { app, db } = await testApp();
  let round: Awaited<ReturnType<typeof buildRound>>;
  let commander: Session;
  let viewer: Session;
  let officer: Session;
  beforeAll(async () => {
    const county = await buildCounty(db);
    const villageA2 = await buildRegion(db, '510121001002', '三星村', county.townshipA);
    const grid1 = await buildGrid(db, county.villageA, '第一网格');
    const grid2 = await buildGrid(db, county.villageA, '第二网格');
    // 五凤村: grid 1 holds h1 (visited, a fever → lead) and h2 (nobody home); grid 2 holds h3 (not visited).
    // 三星村: h4 without a grid (whole family away, followed up). 石板村 (township B): h5 refused.
    const h1 = await buildHousehold(db, county.villageA, 2, grid1.id, '五凤村1号');
    const h2 = await buildHousehold(db, county.villageA, 2, grid1.id, '五凤村2号');
    const h3 = await buildHousehold(db, county.villageA, 1, grid2.id, '五凤村3号');
    const h4 = await buildHousehold(db, villageA2, 3, undefined, '三星村1号');
    const h5 = await buildHousehold(db, county.villageB, 2, undefined, '石板村1号');
    await db
      .update(person)
      .set({ vulnerableGroups: ['subsistenceAllowance', 'disabled'] })
      .where(eq(person.id, h1.memberIds[0]!));
    await db
      .update(person)
      .set({ vulnerableGroups: ['elderlyAlone'] })
      .where(eq(person.id, h4.memberIds[0]!));
    await db
      .update(person)
      .set({ vulnerableGroups: ['extremePoverty'] })
      .where(eq(person.id, h5.memberIds[1]!));
    await db.update(person).set({ phone: '13800138000' }).where(eq(person.id, h2.memberIds[0]!));
    await db.update(household).set({ headPersonId: h2.memberIds[0]! }).where(eq(household.id, h2.id));
    await db.update(household).set({ phone: '13900139000' }).where(eq(household.id, h5.id));
    round = await buildRound(db, county.county, { name: '第三轮排查' });
    await buildUser(db, { username: 'chief', role: 'townshipOfficer', region: county.county });
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    await buildUser(db, { username: 'viewer', role: 'viewer', region: county.county });
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    const admin = await loginAs(app, 'chief');
    const visit = async (householdId: string, outcome: string, members: unknown[] = []) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/screening/rounds/${round.id}/visits`,
        payload: { householdId, outcome, members },
        headers: admin.headers,
      });
      expect(res.statusCode).toBe(201);
    };
    await visit(h1.id, 'visited', [
      { personId: h1.memberIds[0], present: true, symptoms: ['咳嗽'], temperature: 38.1 },
      { personId: h1.memberIds[1], present: true },
    ]);
    await visit(h2.id, 'nobodyHome');
    await visit(h4.id, 'away');
    await visit(h5.id, 'refused');
    void h3;
    commander = await loginAs(app, 'commander');
    viewer = await loginAs(app, 'viewer');
    officer = await loginAs(app, 'officer');
  });

  async function read(url: string, s: Session) {
    const res = await app.inject({ url, headers: s.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb;
  }
  const rowsOf = (ws: ExcelJS.Worksheet, from: number) => {
    const rows: unknown[][] = [];
    ws.eachRow(
      (row, n) =>
        n >= from &&
        rows.push(
          Array.from((row.values as unknown[]).slice(1), (v) =>
            typeof v === 'number' ? Math.round(v * 1000) / 1000 : (v ?? ''),
          ),
        ),
    );
    return rows;
  };

  it('writes the 统计表 of the county: villages, township subtotals and the total, as the records say', async () => {
    const wb = await read(`/api/v1/screening/rounds/${round.id}/export/statistics`, commander);
    const ws = wb.getWorksheet('统计表')!;
    expect(ws.getCell('A1').value).toBe('金堂县入户排查统计表');
    expect(String(ws.getCell('A2').value)).toMatch(/^排查轮次：第三轮排查.*截止：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // The merged header: groups over two columns or more, single columns over both header rows.
    expect(ws.getCell('E3').value).toBe('特殊群体（人）');
    expect(ws.getCell('H3').isMerged && ws.getCell('H3').master.address).toBe('E3');
    expect(ws.getCell('A4').master.address).toBe('A3');
    expect((ws.getRow(4).values as unknown[]).slice(3, 17)).toEqual([
      '户数',
      '人数',
      '特困供养',
      '低保',
      '残疾',
      '孤寡老人',
      '应排查户数',
      '已走访',
      '举家外出已随访',
      '无人在家待复访',
      '拒绝',
      '未走访',
      '遗漏户数',
      '完成率',
    ]);
    //        township  village   hh persons 特困 低保 残疾 孤寡  scope visited away nobody refused not missing rate leads
    expect(rowsOf(ws, 5)).toEqual([
      ['淮口街道', '五凤村', 3, 5, 0, 1, 1, 0, 3, 1, 0, 1, 0, 1, 2, 0.333, 1],
      ['淮口街道', '三星村', 1, 3, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0],
      ['淮口街道', '小计', 4, 8, 0, 1, 1, 1, 4, 1, 1, 1, 0, 1, 2, 0.5, 1],
      ['官仓街道', '石板村', 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0],
      ['官仓街道', '小计', 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0],
      ['合计', '', 5, 10, 1, 1, 1, 1, 5, 1, 1, 1, 1, 1, 3, 0.4, 1],
    ]);
    expect(ws.getCell('P5').numFmt).toBe('0.0%');
    // The total is the dashboard's figure.
    const coverage = (
      await app.inject({ url: `/api/v1/screening/rounds/${round.id}/coverage`, headers: commander.headers })
    ).json();
    expect(coverage.total).toMatchObject({ households: 5, visited: 1, away: 1, missing: 3, leads: 1 });
  });

  it('gives a township officer their own villages only, with the township as the total', async () => {
    const ws = (await read(`/api/v1/screening/rounds/${round.id}/export/statistics`, officer)).getWorksheet('统计表')!;
    expect(ws.getCell('A1').value).toBe('淮口街道入户排查统计表');
    expect(rowsOf(ws, 5).map((r) => r.slice(0, 3))).toEqual([
      ['淮口街道', '五凤村', 3],
      ['淮口街道', '三星村', 1],
      ['合计', '', 4],
    ]);
  });

  it('writes 排查进度 per village and grid, and names the missing households with masked phones', async () => {
    const wb = await read(`/api/v1/screening/rounds/${round.id}/export/progress`, viewer);
    const ws = wb.getWorksheet('排查进度')!;
    expect(ws.getCell('A1').value).toBe('金堂县入户排查进度表');
    expect(String(ws.getCell('A2').value)).toContain('完成时限：2026-12-31');
    expect(rowsOf(ws, 5)).toEqual([
      ['淮口街道', '五凤村', '第一网格', 2, 1, 0, 1, 0, 0, 1, 0.5],
      ['淮口街道', '五凤村', '第二网格', 1, 0, 0, 0, 0, 1, 1, 0],
      ['淮口街道', '五凤村', '本村小计', 3, 1, 0, 1, 0, 1, 2, 0.333],
      ['淮口街道', '三星村', '未划网格', 1, 0, 1, 0, 0, 0, 0, 1],
      ['淮口街道', '三星村', '本村小计', 1, 0, 1, 0, 0, 0, 0, 1],
      ['淮口街道', '小计', '', 4, 1, 1, 1, 0, 1, 2, 0.5],
      ['官仓街道', '石板村', '未划网格', 1, 0, 0, 0, 1, 0, 1, 0],
      ['官仓街道', '石板村', '本村小计', 1, 0, 0, 0, 1, 0, 1, 0],
      ['官仓街道', '小计', '', 1, 0, 0, 0, 1, 0, 1, 0],
      ['合计', '', '', 5, 1, 1, 1, 1, 1, 3, 0.4],
    ]);
    const list = rowsOf(wb.getWorksheet('遗漏户清单')!, 5);
    expect(list.map((r) => r.slice(0, 8))).toEqual([
      [1, '五凤村', '第一网格', '五凤村2号', '成员0', '138****8000', '无人在家待复访', 1],
      [2, '五凤村', '第二网格', '五凤村3号', '', '', '未走访', 0],
      [3, '石板村', '', '石板村1号', '', '139****9000', '拒绝', 1],
    ]);
  });

  it('shows full phones only to whoever may read them, and audits every export', async () => {
    expect(
      (
        await app.inject({
          url: `/api/v1/screening/rounds/${round.id}/export/progress?full=true`,
          headers: viewer.headers,
        })
      ).statusCode,
    ).toBe(403);
    const list = rowsOf(
      (await read(`/api/v1/screening/rounds/${round.id}/export/progress?full=true`, commander)).getWorksheet(
        '遗漏户清单',
      )!,
      5,
    );
    expect(list.map((r) => r[5] ?? '')).toEqual(['13800138000', '', '13900139000']);
    const audit =
      await db.execute(sql`SELECT detail->>'sheet' AS sheet, detail->>'full' AS full, u.username FROM audit_log a JOIN app_user u ON u.id = a.actor_id
      WHERE event = 'screeningRound.export' ORDER BY at`);
    expect(audit.rows).toEqual([
      { sheet: '统计表', full: 'false', username: 'commander' },
      { sheet: '统计表', full: 'false', username: 'officer' },
      { sheet: '排查进度', full: 'false', username: 'viewer' },
      { sheet: '排查进度', full: 'true', username: 'commander' },
    ]);
  });

  it('answers 404 for a round out of scope', async () => {
    const other = await buildRound(
      db,
      (await db.execute(sql`SELECT id, path::text FROM region WHERE code = '510121002000'`)).rows[0] as never,
    );
    expect(
      (await app.inject({ url: `/api/v1/screening/rounds/${other.id}/export/statistics`, headers: officer.headers }))
        .statusCode,
    ).toBe(404);
  });
});
