import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCheckpoint, buildCounty, buildEntry, buildRegion, buildUser } from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';

const dutyDay = () => new Date(Date.now() + 8 * 3_600_000 - 8 * 3_600_000).toISOString().slice(0, 10);
const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('checkpoints, duty roster and statistics', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let officer: Session;
  let commander: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    officer = await loginAs(app, 'officer');
    commander = await loginAs(app, 'commander');
  });

  it('sets up a checkpoint once however often the phone replays it, only in a township or village', async () => {
    const payload = {
      id: uuidv7(),
      regionId: county.villageA.id,
      name: '高速出口',
      kind: 'highwayExit',
      facilities: ['tent', 'observationRoom'],
    };
    const first = await app.inject({ method: 'POST', url: '/api/v1/checkpoints', payload, headers: officer.headers });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      name: '高速出口',
      status: 'open',
      regionName: '五凤村',
      facilities: ['tent', 'observationRoom'],
      onDuty: [],
    });
    const again = await app.inject({ method: 'POST', url: '/api/v1/checkpoints', payload, headers: officer.headers });
    expect(again.statusCode).toBe(200);
    expect(
      (await db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'checkpoint.create'`)).rows[0]!.n,
    ).toBe(1);
    const atCounty = await app.inject({
      method: 'POST',
      url: '/api/v1/checkpoints',
      payload: { ...payload, id: uuidv7(), regionId: county.county.id },
      headers: commander.headers,
    });
    expect(atCounty.json().errors).toEqual([{ field: 'regionId', message: '卡口须设在乡镇（街道）或村（社区）' }]);
  });

  it('closes and reopens a checkpoint, remembering when it closed', async () => {
    const cp = await buildCheckpoint(db, county.villageA);
    const closed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/checkpoints/${cp.id}`,
      payload: { status: 'closed' },
      headers: officer.headers,
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const list = await app.inject({ url: '/api/v1/checkpoints?status=closed', headers: officer.headers });
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([cp.id]);
    const reopened = await app.inject({
      method: 'PATCH',
      url: `/api/v1/checkpoints/${cp.id}`,
      payload: { status: 'open' },
      headers: officer.headers,
    });
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null });
  });

  it('keeps a 24-hour roster: who is on duty now, and the gaps the township must fill', async () => {
    const a = await buildCheckpoint(db, county.townshipA, { name: '甲卡口' });
    const today = dutyDay();
    const put = (day: string, members: unknown[]) =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/checkpoints/${a.id}/duty-shifts/${day}`,
        payload: { members },
        headers: officer.headers,
      });
    const saved = await put(today, [
      { name: '刘书记', role: 'leader' },
      { name: '陈警官', role: 'policeOfficer', phone: '13800001111' },
      { name: '周医生', role: 'medicalStaff' },
    ]);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ day: today, hasLeader: true });
    await put(today, [
      { name: '刘书记', role: 'leader' },
      { name: '陈警官', role: 'policeOfficer' },
    ]); // replaces, not adds
    expect((await put(today, [])).json().errors[0].field).toBe('members');
    const tomorrow = new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10);
    await put(tomorrow, [{ name: '志愿者', role: 'volunteer' }]);
    const roster = await app.inject({
      url: `/api/v1/duty-shifts?from=${today}&to=${tomorrow}&checkpointId=${a.id}`,
      headers: officer.headers,
    });
    expect(roster.json().today).toBe(today);
    expect(roster.json().shifts.map((s: { day: string; members: unknown[] }) => [s.day, s.members.length])).toEqual([
      [today, 2],
      [tomorrow, 1],
    ]);
    expect(roster.json().gaps).toEqual([
      { checkpointId: a.id, officeRegionId: null, postName: '甲卡口', day: tomorrow, reason: 'noLeader' },
    ]);
    const one = await app.inject({ url: `/api/v1/checkpoints/${a.id}`, headers: officer.headers });
    expect(one.json().onDuty).toEqual([
      { name: '刘书记', role: 'leader' },
      { name: '陈警官', role: 'policeOfficer' },
    ]);
    const all = await app.inject({ url: `/api/v1/duty-shifts?from=${today}&to=${today}`, headers: officer.headers });
    expect(all.json().gaps.every((g: { checkpointId: string; reason: string }) => g.checkpointId !== a.id)).toBe(true);
    expect(all.json().gaps.some((g: { reason: string }) => g.reason === 'noShift')).toBe(true);

    // 值班表 as printed: the post, a column per day, who is on each shift, the gap marked.
    const xlsx = await app.inject({
      url: `/api/v1/duty-shifts/export?from=${today}&to=${tomorrow}&checkpointId=${a.id}`,
      headers: officer.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(3).getCell(2).value)).toMatch(new RegExp(`^${today.slice(5)} 周`));
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
      '甲卡口',
      '刘书记（带班领导）\n陈警官（民警）',
      '志愿者（志愿者）\n无带班领导',
    ]);
    expect(ws.rowCount).toBe(4);
    const exported = await db.execute(sql`SELECT detail FROM audit_log WHERE event = 'dutyShift.export'`);
    expect(exported.rows).toEqual([{ detail: expect.objectContaining({ shifts: 2 }) }]);
  });

  it("keeps the township office's 领导带班 beside the checkpoints, and each village office's 24-hour roster", async () => {
    const today = dutyDay();
    const office = (regionId: string, members: unknown[]) =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/offices/${regionId}/duty-shifts/${today}`,
        payload: { members },
        headers: { ...officer.headers, 'accept-language': 'zh-CN' },
      });
    const roster = async () =>
      (await app.inject({ url: `/api/v1/duty-shifts?from=${today}&to=${today}`, headers: officer.headers })).json();
    const officeGap = (r: { gaps: { officeRegionId: string | null; reason: string }[] }) =>
      r.gaps.find((g) => g.officeRegionId === county.townshipA.id);

    const before = await roster();
    expect(before.offices).toEqual([
      { regionId: county.townshipA.id, name: county.townshipA.name, level: 'township' },
      { regionId: county.villageA.id, name: county.villageA.name, level: 'village' },
    ]);
    expect(officeGap(before)).toMatchObject({ postName: county.townshipA.name, reason: 'noShift' });

    const staffOnly = await office(county.townshipA.id, [{ name: '值班员', role: 'cadre' }]);
    expect(staffOnly.json()).toMatchObject({
      checkpointId: null,
      officeRegionId: county.townshipA.id,
      hasLeader: false,
    });
    expect(officeGap(await roster())).toMatchObject({ reason: 'noLeader' });
    await office(county.townshipA.id, [
      { name: '王镇长', role: 'leader' },
      { name: '值班员', role: 'cadre' },
    ]);
    const after = await roster();
    expect(officeGap(after)).toBeUndefined();
    expect(
      after.shifts.filter((s: { officeRegionId: string | null }) => s.officeRegionId === county.townshipA.id),
    ).toEqual([expect.objectContaining({ postName: county.townshipA.name, hasLeader: true })]);

    // 各村24小时值班和领导带班: the village is a gap one level up until its cadre fills it.
    expect(
      after.gaps.find((g: { officeRegionId: string | null }) => g.officeRegionId === county.villageA.id),
    ).toMatchObject({ reason: 'noShift' });
    await buildUser(db, { username: 'cadreA', role: 'villageCadre', region: county.villageA });
    const cadre = await loginAs(app, 'cadreA');
    const own = await app.inject({
      method: 'PUT',
      url: `/api/v1/offices/${county.villageA.id}/duty-shifts/${today}`,
      payload: {
        members: [
          { name: '村支书', role: 'leader' },
          { name: '值守村干部', role: 'cadre' },
        ],
      },
      headers: cadre.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ officeRegionId: county.villageA.id, hasLeader: true });
    expect(
      (await roster()).gaps.find((g: { officeRegionId: string | null }) => g.officeRegionId === county.villageA.id),
    ).toBeUndefined();
    // A village cadre keeps their own office's roster, not the township's; a group keeps none.
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: `/api/v1/offices/${county.townshipA.id}/duty-shifts/${today}`,
          payload: { members: [{ name: 'x', role: 'leader' }] },
          headers: cadre.headers,
        })
      ).statusCode,
    ).toBe(404);
    const group = await buildRegion(db, '510121001001001', '一组', county.villageA);
    const refused = await office(group.id, [{ name: '组长', role: 'leader' }]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { field: 'regionId', message: '只有村（社区）、乡镇（街道）和县（区）设领导带班' },
    ]);
    expect((await office(county.townshipB.id, [{ name: '外镇', role: 'leader' }])).statusCode).toBe(404);
  });

  it("counts per checkpoint, township and county by day and hour, from the entries' own times", async () => {
    const a = await buildCheckpoint(db, county.villageA, { name: '统计甲' });
    const b = await buildCheckpoint(db, county.villageB, { name: '统计乙' });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await buildEntry(db, a, { decision: 'turnBack' });
    await buildEntry(db, a, { recordedAt: yesterday });
    await buildEntry(db, a, {
      kind: 'pedestrian',
      plate: undefined,
      occupants: [{ idNumber: '420106198805050055', name: '甲', temperature: 38.1 }],
    });
    await buildEntry(db, b, {
      occupants: [
        { idNumber: '420106198805050055', name: '甲', temperature: 36.1 },
        { idNumber: '510121200006060068', name: '乙', temperature: 36.2 },
      ],
    });
    const stats = (q: string, s = commander) =>
      app
        .inject({ url: `/api/v1/checkpoint-stats?from=${chinaDay(-1)}&to=${chinaDay()}&${q}`, headers: s.headers })
        .then((r) => r.json());
    const byCounty = await stats('by=county&bucket=total');
    expect(byCounty.rows).toEqual([
      expect.objectContaining({
        name: '金堂县',
        bucket: null,
        vehicles: 3,
        pedestrians: 1,
        persons: 5,
        turnedBack: 1,
        fevers: 1,
        outsidePersons: 5,
        outsideVehicles: 3,
      }),
    ]);
    const byTownship = await stats('by=township&bucket=total');
    expect(byTownship.rows.map((r: { name: string; persons: number }) => [r.name, r.persons])).toEqual([
      ['官仓街道', 2],
      ['淮口街道', 3],
    ]);
    const byDay = await stats(`by=checkpoint&bucket=day&checkpointId=${a.id}`);
    expect(byDay.rows.map((r: { bucket: string; vehicles: number }) => [r.bucket, r.vehicles])).toEqual([
      [chinaDay(-1), 1],
      [chinaDay(), 1],
    ]);
    const byHour = await stats(`by=checkpoint&bucket=hour&checkpointId=${a.id}`);
    expect(byHour.totals.persons).toBe(3);
    expect(byHour.rows.every((r: { bucket: string }) => /T\d\d:00$/.test(r.bucket))).toBe(true);
    const township = await stats('by=county&bucket=total', officer);
    expect(township.totals.persons).toBe(3);
    const tooLong = await app.inject({
      url: `/api/v1/checkpoint-stats?from=2020-01-01&to=${chinaDay()}`,
      headers: commander.headers,
    });
    expect(tooLong.statusCode).toBe(422);

    // The same figures as a workbook: a row per township, the total, in the exporter's words.
    const xlsx = await app.inject({
      url: `/api/v1/checkpoint-stats/export?from=${chinaDay(-1)}&to=${chinaDay()}&by=township&bucket=total`,
      headers: commander.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('卡口登记统计'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(3).values as string[]).slice(1);
    const rows = [4, 5, 6].map((n) => Object.fromEntries(header.map((h, i) => [h, ws.getRow(n).getCell(i + 1).value])));
    expect(rows).toEqual([
      expect.objectContaining({ '乡镇（街道）': '官仓街道', 人员: 2, 车辆: 1 }),
      expect.objectContaining({ '乡镇（街道）': '淮口街道', 人员: 3, 行人: 1, 劝返: 1, 发热: 1 }),
      expect.objectContaining({ '乡镇（街道）': '合计', 人员: 5, 车辆: 3, 外地人员: 5 }),
    ]);
    const badRange = await app.inject({
      url: `/api/v1/checkpoint-stats/export?from=2020-01-01&to=${chinaDay()}`,
      headers: commander.headers,
    });
    expect(badRange.statusCode).toBe(422);
  });
});
