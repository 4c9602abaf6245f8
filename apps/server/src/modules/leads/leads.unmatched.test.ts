import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildPerson, buildUser } from '../../../test/factories.js';

describe('unmatched list rows: placed, linked, merged; each list with its own deadline', async () => {
  let clock = new Date('2024-02-20T02:00:00Z');
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let township: Session;
  let townshipB: Session;
  let grid: Session;
  const deadline = '2024-02-20T05:00:00.000Z'; // three hours: the issuer's, not the county's two
  const laterId = makeIdNumber({ regionCode: '510121', birthDate: '1985-05-05', sequence: 11, sex: 'male' });
  const knownId = makeIdNumber({ regionCode: '510121', birthDate: '1986-06-06', sequence: 12, sex: 'female' });
  let listId: string;
  const leadOf = async (name: string, as = township) =>
    (await app.inject({ url: `/api/v1/leads?q=${encodeURIComponent(name)}`, headers: as.headers })).json().items;
  const post = (url: string, payload: unknown, as = township) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers: as.headers });
  const importCsv = (csv: string, query: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/leads/import?${query}`,
      payload: csv,
      headers: { ...township.headers, 'content-type': 'text/csv' },
    });

  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'township-b', role: 'townshipOfficer', region: county.townshipB });
    await buildUser(db, { username: 'grid', role: 'gridWorker', region: county.villageA });
    [township, townshipB, grid] = [
      await loginAs(app, 'township'),
      await loginAs(app, 'township-b'),
      await loginAs(app, 'grid'),
    ];
    const res = await importCsv(
      `姓名,身份证号,手机号\n陈后登,${laterId},\n林待分,,13700005555\n黄已管,,13700006666\n`,
      `issuer=${encodeURIComponent('县公安局')}&deadline=${deadline}`,
    );
    expect(res.json()).toMatchObject({ rows: 3, unmatched: 3, created: 3 });
    listId = (await app.inject({ url: '/api/v1/leads/lists', headers: township.headers })).json().items[0].listId;
  });

  it("stores the issuer's deadline on the list and its leads, refuses one already past", async () => {
    const [list] = (await app.inject({ url: '/api/v1/leads/lists', headers: township.headers })).json().items;
    expect(list).toMatchObject({ issuer: '县公安局', deadline, rows: 3, open: 3, overdue: 0 });
    expect((await leadOf('林待分'))[0]).toMatchObject({ deadline, overdue: false, regionLevel: 'township' });
    const past = await importCsv('姓名\n某人\n', 'issuer=X&deadline=2024-02-20T01:00:00Z');
    expect(past.statusCode).toBe(422);
    expect(past.json().errors).toEqual([{ field: 'deadline', message: '核查时限应晚于导入时间' }]);
  });

  it('places a row in a village, whose inbox then shows it; not outside the scope nor above', async () => {
    const [l] = await leadOf('林待分');
    expect(await leadOf('林待分', grid)).toEqual([]);
    const wrong = await post(`/api/v1/leads/${l.id}/place`, { regionId: county.villageB.id });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'regionId' });
    const up = await post(`/api/v1/leads/${l.id}/place`, { regionId: county.townshipA.id });
    expect(up.json().errors).toEqual([{ field: 'regionId', message: '只能分派到该线索所在区划的下级区划' }]);
    expect((await post(`/api/v1/leads/${l.id}/place`, { regionId: county.villageB.id }, townshipB)).statusCode).toBe(
      404,
    );
    const res = await post(`/api/v1/leads/${l.id}/place`, { regionId: county.villageA.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ regionName: '五凤村', regionLevel: 'village', personId: null });
    expect((await leadOf('林待分', grid)).map((x: { id: string }) => x.id)).toEqual([l.id]);
  });

  it('links a row to a person registered later, who is verified: the feedback form says 已核实', async () => {
    const [l] = await leadOf('陈后登');
    const p = await buildPerson(db, county.villageA, { name: '陈后登', idNumber: laterId });
    const outside = await buildPerson(db, county.villageB, { name: '外镇人' });
    expect((await post(`/api/v1/leads/${l.id}/link`, { personId: p.id }, townshipB)).statusCode).toBe(404);
    const bad = await post(`/api/v1/leads/${l.id}/link`, { personId: outside.id });
    expect(bad.json().errors[0]).toMatchObject({ field: 'personId' });
    const res = await post(`/api/v1/leads/${l.id}/link`, { personId: p.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: l.id, personId: p.id, regionName: '五凤村' });
    const verified = await post(`/api/v1/leads/${l.id}/verify`, {
      category: 'returnee',
      measure: 'homeIsolation',
      startDate: '2024-02-20',
    });
    expect(verified.statusCode, verified.body).toBe(200);
  });

  it("merges a row with the lead of a person already listed elsewhere: the row reads that lead's result", async () => {
    const p = await buildPerson(db, county.villageA, { name: '黄已管', idNumber: knownId, phone: '13700006666' });
    await importCsv(`姓名,身份证号\n黄已管,${knownId}\n`, 'issuer=B');
    const [row, theirs] = [
      (await leadOf('黄已管')).find((x: { personId: string | null }) => !x.personId),
      (await leadOf('黄已管')).find((x: { personId: string | null }) => x.personId),
    ];
    expect((await post(`/api/v1/leads/${row.id}/merge`, { leadId: row.id })).statusCode).toBe(422);
    expect((await post(`/api/v1/leads/${row.id}/merge`, { leadId: theirs.id }, townshipB)).statusCode).toBe(404);
    // Linking finds their open lead and joins it: one open lead per person.
    const res = await post(`/api/v1/leads/${row.id}/link`, { personId: p.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: theirs.id, personId: p.id, deadline: '2024-02-20T04:00:00.000Z' });
    expect(res.json().sources).toHaveLength(2);
    expect(await leadOf('黄已管')).toHaveLength(1);
    const dismissed = await post(`/api/v1/leads/${theirs.id}/dismiss`, { reason: '已离开本县' });
    expect(dismissed.statusCode).toBe(200);
  });

  it('counts the rows overdue by the list deadline, and the feedback form reads each row right', async () => {
    clock = new Date('2024-02-20T05:00:00Z');
    const lists = (await app.inject({ url: '/api/v1/leads/lists', headers: township.headers })).json().items;
    expect(lists.find((l: { listId: string }) => l.listId === listId)).toMatchObject({
      rows: 3,
      verified: 1,
      dismissed: 1,
      open: 1,
      overdue: 1,
    });
    const res = await app.inject({ url: `/api/v1/leads/lists/${listId}/feedback`, headers: township.headers });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(2).getCell(1).value)).toContain('未完成 1 人　协查时限：2024-02-20 13:00');
    const cells = (n: number) => (ws.getRow(n).values as unknown[]).slice(2, 8);
    expect([4, 5, 6].map(cells)).toEqual([
      ['陈后登', laterId, '', '', '五凤村', '已核实，居家隔离医学观察'],
      ['林待分', '', '13700005555', '', '五凤村', '超时未核查'],
      ['黄已管', knownId, '13700006666', '', '五凤村', '已排除：已离开本县'],
    ]);
    const events = await db.execute<{ event: string }>(
      sql`SELECT event FROM audit_log WHERE event IN ('lead.place', 'lead.link', 'lead.merge') ORDER BY id`,
    );
    expect(events.rows.map((r) => r.event)).toEqual(['lead.place', 'lead.link', 'lead.link']);
  });
});
