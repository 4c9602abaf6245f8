import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';
import { waitForJob } from '../../../test/jobs.js';
import { auditLog, person, vaccinationDose } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import { systemActor } from '../../auth/actor.js';
import { importDoses } from './vaccinations.import.js';

// 2022-06-01 10:00 Asia/Shanghai.
const clock = new Date('2022-06-01T02:00:00Z');
const TODAY = '2022-06-01';

describe('vaccination doses, coverage and the not-vaccinated list (疫苗接种)', async () => {
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cadre: Session;
  let cadreB: Session;
  let officer: Session;
  const ids: Record<string, { id: string; idNumber: string }> = {};
  const resident = async (key: string, village: { id: string; path: string }, birthDate: string, seq: number) => {
    const idNumber = makeIdNumber({ regionCode: '510121', birthDate, sequence: seq, sex: 'male' });
    const id = uuidv7();
    await db
      .insert(person)
      .values({ id, idNumber, name: `居民${key}`, birthDate, regionId: village.id, regionPath: village.path });
    ids[key] = { id, idNumber };
  };
  beforeAll(async () => {
    county = await buildCounty(db);
    await resident('adult1', county.villageA, '1980-05-01', 11);
    await resident('adult2', county.villageA, '1990-07-02', 21);
    await resident('child', county.villageA, '2015-03-03', 31);
    await resident('elder', county.villageA, '1935-01-04', 41);
    await resident('infant', county.villageA, '2021-01-05', 51);
    await resident('other', county.villageB, '1970-02-06', 61);
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'cadreB', role: 'villageCadre', region: county.villageB });
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    [cadre, cadreB, officer] = [
      await loginAs(app, 'cadre'),
      await loginAs(app, 'cadreB'),
      await loginAs(app, 'officer'),
    ];
  });
  const upload = async (body: string | Buffer, type: string, who = cadre) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/vaccination-doses/import',
      payload: body,
      headers: { ...who.headers, 'content-type': type },
    });
    expect(res.statusCode, res.body).toBe(202);
    return waitForJob(app, who.headers, res.json().id);
  };
  const get = (url: string, who = cadre) => app.inject({ url, headers: who.headers });

  it('imports a CSV export matched by ID number, reports each bad row and adds nothing on re-import', async () => {
    const unknown = makeIdNumber({ regionCode: '510121', birthDate: '1985-01-01', sequence: 99, sex: 'female' });
    const csv = [
      '身份证号,姓名,疫苗类型,剂次,接种日期,接种单位',
      `${ids.adult1!.idNumber},居民adult1,新冠病毒灭活疫苗(Vero细胞),1,2021-04-01,淮口卫生院`,
      `${ids.adult1!.idNumber},居民adult1,新冠病毒灭活疫苗(Vero细胞),第2剂,2021/5/1,淮口卫生院`,
      `${ids.adult2!.idNumber},居民adult2,北京生物,1,2021-06-10,淮口卫生院`,
      `${ids.adult2!.idNumber},居民adult2,北京生物,2,2021-05-01,淮口卫生院`,
      `${unknown},外人,科兴,1,2021-06-10,`,
      `${ids.other!.idNumber},居民other,科兴,1,2021-06-10,`,
      `${ids.child!.idNumber},居民child,科兴,1,2014-01-01,`,
      '510121198001010000,坏号,科兴,1,2021-06-10,',
    ].join('\n');
    const job = await upload(csv, 'text/csv');
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ rows: 8, accepted: 3, created: 3, alreadyRecorded: 0 });
    expect(
      (job.result!.errors as { row: number; field: string; message: string }[]).map((e) => [e.row, e.field, e.message]),
    ).toEqual([
      [5, '接种日期', '接种日期早于前一剂次的接种日期'],
      [6, '身份证号', '身份证号不在人员台账中'],
      // Another village's resident reads as unknown: the import says nothing of who lives out of scope.
      [7, '身份证号', '身份证号不在人员台账中'],
      [8, '接种日期', '接种日期早于出生日期'],
      [9, '身份证号', expect.any(String)],
    ]);
    const again = await upload(csv, 'text/csv');
    expect(again.result).toMatchObject({ accepted: 3, created: 0, alreadyRecorded: 3 });
    expect(await db.select().from(vaccinationDose)).toHaveLength(3);
    const audited = await db.select().from(auditLog).where(eq(auditLog.event, 'vaccination.import'));
    expect(audited).toHaveLength(2);
  });

  it('leaves nothing of a file whose writing fails part-way', async () => {
    const before = (await db.select().from(vaccinationDose)).length;
    const rows = [1, 2].map((dose) => ({
      row: dose + 1,
      values: {
        身份证号: ids.infant!.idNumber,
        疫苗类型: '灭活疫苗',
        剂次: String(dose),
        接种日期: `2022-0${dose + 3}-01`,
      },
    }));
    // An actor whose account does not exist: the write breaks on its reference, after the checks passed.
    const ghost = { ...systemActor(county.villageA.path), userId: uuidv7() };
    await expect(importDoses(db, ghost, rows, TODAY)).rejects.toThrow();
    expect(await db.select().from(vaccinationDose)).toHaveLength(before);
  });

  it('imports an xlsx export: a booster counts as first, full and booster', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('接种记录');
    ws.addRow(['身份证号', '姓名', '疫苗类型', '剂次', '接种日期', '接种单位']);
    ws.addRow([ids.elder!.idNumber, '居民elder', '灭活疫苗', 1, '2021-07-01', '五凤村卫生室']);
    ws.addRow([ids.elder!.idNumber, '居民elder', '灭活疫苗', 2, '2021-08-01', '五凤村卫生室']);
    ws.addRow([ids.elder!.idNumber, '居民elder', '灭活疫苗', 3, '2022-02-01', '五凤村卫生室']);
    const job = await upload(
      Buffer.from(await wb.xlsx.writeBuffer()),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(job.result).toMatchObject({ rows: 3, accepted: 3, created: 3, errors: [] });
    const doses = (await get(`/api/v1/persons/${ids.elder!.id}/vaccination-doses`)).json().items;
    expect(doses.map((d: { kind: string }) => d.kind)).toEqual(['first', 'full', 'booster']);
  });

  it('records a dose on the person page once, and refuses one before birth or before the first dose', async () => {
    const post = (payload: Record<string, unknown>, who = cadre) =>
      app.inject({ method: 'POST', url: '/api/v1/vaccination-doses', payload, headers: who.headers });
    const body = {
      personId: ids.adult2!.id,
      vaccine: 'inactivated',
      doseNumber: 2,
      givenOn: '2021-07-20',
      place: '淮口卫生院',
    };
    const first = await post(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'full', source: 'record' });
    expect((await post(body)).json().id).toBe(first.json().id);
    const before = await post({ ...body, personId: ids.child!.id, doseNumber: 1, givenOn: '2014-01-01' });
    expect(before.statusCode).toBe(422);
    expect(before.json().errors[0]).toMatchObject({ field: 'givenOn' });
    const early = await post({ ...body, doseNumber: 3, givenOn: '2021-06-01' });
    expect(early.json().errors[0]).toMatchObject({ field: 'givenOn', message: '接种日期早于前一剂次的接种日期' });
    expect((await post(body, cadreB)).statusCode).toBe(422);
  });

  it('counts coverage by region and age group, the same as the daily figures and their drill-downs', async () => {
    const res = await get(`/api/v1/vaccinations/coverage?regionId=${county.townshipA.id}`, officer);
    expect(res.statusCode, res.body).toBe(200);
    const village = res.json().children.find((c: { regionId: string }) => c.regionId === county.villageA.id);
    // The infant is under 3 and not counted; adult1 full, adult2 full, elder boosted, the child not vaccinated.
    expect(village).toMatchObject({ population: 4, first: 3, full: 3, booster: 1 });
    const groups = Object.fromEntries(village.groups.map((g: { ageGroup: string }) => [g.ageGroup, g]));
    expect(groups['3-11']).toMatchObject({ population: 1, first: 0 });
    expect(groups['18-59']).toMatchObject({ population: 2, first: 2, full: 2 });
    expect(groups['80+']).toMatchObject({ population: 1, booster: 1 });
    expect(res.json().region).toMatchObject({ population: 4, first: 3 });

    const preview = (
      await get(`/api/v1/daily-reports/preview?regionId=${county.villageA.id}&reportDate=${TODAY}`, officer)
    ).json() as {
      live: Record<string, Record<string, number>>;
      drillDown: Record<string, Record<string, { api: string; query: Record<string, string> }>>;
    };
    expect(preview.live.vaccinations).toEqual({ eligible: 4, firstDose: 3, fullDose: 3, booster: 1, notVaccinated: 1 });
    for (const [key, d] of Object.entries(preview.drillDown.vaccinations!)) {
      const list = await get(`${d.api}?${new URLSearchParams({ ...d.query, pageSize: '1' })}`, officer);
      expect(list.json().total, key).toBe(preview.live.vaccinations![key]);
    }
  });

  it('lists the persons not vaccinated by group for the grid worker, with the reason found, audited', async () => {
    const list = (await get(`/api/v1/vaccinations/persons?status=notVaccinated&dose=first&ageGroup=3-11`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ personId: ids.child!.id, ageGroup: '3-11', reason: null });
    expect(list.items[0].idNumber).toContain('*');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/vaccination-follow-ups',
      payload: { personId: ids.child!.id, reason: 'contraindication', note: '过敏体质' },
      headers: cadre.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await get(`/api/v1/vaccinations/persons?status=notVaccinated&reason=contraindication`)).json();
    expect(after.items.map((i: { personId: string; reason: string }) => [i.personId, i.reason])).toEqual([
      [ids.child!.id, 'contraindication'],
    ]);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'vaccination.followUp'), eq(auditLog.targetId, res.json().id)));
    expect(rows).toHaveLength(1);
  });

  it('exports the coverage workbook, which reads back with the same figures', async () => {
    const res = await get(`/api/v1/vaccinations/coverage/export?regionId=${county.townshipA.id}`, officer);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const header = rows.findIndex((r) => r.includes('年龄组'));
    expect(header).toBeGreaterThan(0);
    const villageTotal = rows.find((r) => r[1] === '五凤村' && r[2] === '合计')!;
    expect(villageTotal.slice(3, 10)).toEqual([4, 3, 75, 3, 75, 1, 25]);
  });

  it("keeps another village's records out: not found or empty", async () => {
    expect((await get(`/api/v1/vaccinations/coverage?regionId=${county.villageA.id}`, cadreB)).statusCode).toBe(404);
    expect((await get(`/api/v1/vaccinations/coverage/export?regionId=${county.villageA.id}`, cadreB)).statusCode).toBe(
      404,
    );
    expect((await get(`/api/v1/vaccinations/persons?regionId=${county.villageA.id}`, cadreB)).json().total).toBe(0);
    expect((await get(`/api/v1/persons/${ids.adult1!.id}/vaccination-doses`, cadreB)).statusCode).toBe(404);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/vaccination-follow-ups',
      payload: { personId: ids.adult1!.id, reason: 'refused' },
      headers: cadreB.headers,
    });
    expect(res.statusCode).toBe(422);
    expect((await get('/api/v1/vaccinations/coverage', cadreB)).json().region).toMatchObject({
      population: 1,
      first: 0,
    });
  });
});
