import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildPerson, buildUser } from '../../../test/factories.js';

async function xlsx(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('协查').addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('leads', async () => {
  const clock = new Date('2024-02-20T02:00:00Z');
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let township: Session;
  let grid: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'grid', role: 'gridWorker', region: county.villageA });
    township = await loginAs(app, 'township');
    grid = await loginAs(app, 'grid');
  });
  const upload = (body: Buffer | string, query = 'issuer=县卫健局&batch=2024-07', type = XLSX) =>
    app.inject({ method: 'POST', url: `/api/v1/leads/import?${query}`, payload: body, headers: { ...township.headers, 'content-type': type } });

  it('imports a list: matches by ID number, else name + phone, and leaves the unmatched to the township', async () => {
    const byId = await buildPerson(db, county.villageA, { name: '王返乡', idNumber: '510121199003071233' });
    const byPhone = await buildPerson(db, county.villageA, { name: '李外出', phone: '13811112222' });
    const file = await xlsx([
      ['序号', '姓名', '身份证号', '手机号', '现居住地址', '备注'],
      ['1', '王返乡', '510121199003071233', '', '五凤村3组', '途经高风险地区'],
      ['2', '李外出', '', '138 1111 2222', '', ''],
      ['3', '赵不详', '', '13933334444', '淮口镇某小区', ''],
    ]);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 3, matched: 2, unmatched: 1, created: 3, merged: 0, errors: [] });
    const leads = (await app.inject({ url: '/api/v1/leads?status=open', headers: township.headers })).json();
    expect(leads.total).toBe(3);
    const byName = Object.fromEntries(leads.items.map((l: { name: string }) => [l.name, l]));
    expect(byName['王返乡']).toMatchObject({ personId: byId.id, regionName: '五凤村', deadline: '2024-02-20T04:00:00.000Z', overdue: false });
    expect(byName['王返乡'].idNumber).not.toContain('19900307');
    expect(byName['王返乡'].sources[0]).toMatchObject({ source: 'assistRequest', reasons: ['listed'], detail: { issuer: '县卫健局', batch: '2024-07', matched: 'idNumber', note: '途经高风险地区' } });
    expect(byName['李外出']).toMatchObject({ personId: byPhone.id, regionName: '五凤村' });
    expect(byName['赵不详']).toMatchObject({ personId: null, regionName: '淮口街道', regionLevel: 'township' });
    // The grid worker of the village sees the village's leads, not the township's unmatched one.
    expect((await app.inject({ url: '/api/v1/leads', headers: grid.headers })).json().total).toBe(2);
  });

  it('makes two lists naming the same person one lead with two sources', async () => {
    const res = await upload('姓名,身份证号\n王返乡,510121199003071233\n', 'issuer=县公安局', 'text/csv');
    expect(res.json()).toMatchObject({ matched: 1, created: 0, merged: 1 });
    const leads = (await app.inject({ url: '/api/v1/leads?q=王返乡', headers: township.headers })).json();
    expect(leads.total).toBe(1);
    expect(leads.items[0].sources.map((s: { detail: { issuer: string } }) => s.detail.issuer)).toEqual(['县卫健局', '县公安局']);
  });

  it('refuses a list with unknown columns, bad rows or people of another township, importing nothing', async () => {
    const before = (await db.execute(sql`SELECT count(*)::int AS n FROM lead_source`)).rows[0]!.n;
    expect((await upload('姓名,护照号\n张三,E123\n', 'issuer=x', 'text/csv')).json().errors).toEqual([{ row: 1, field: 'columns', message: '无法识别的列：护照号' }]);
    const bad = await upload('姓名,身份证号,手机号\n张三,510121199003071234,\n,,\n李四,,12345\n张三,510121199003071233,\n', 'issuer=x', 'text/csv');
    expect(bad.json().errors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`)).toEqual(['2 idNumber', '3 name', '4 phone']);
    const other = await buildPerson(db, county.villageB, { name: '外镇人', idNumber: '11010519491231002X' });
    const out = await upload(`姓名,身份证号\n${other.name},${other.idNumber}\n`, 'issuer=x', 'text/csv');
    expect(out.json().errors).toEqual([{ row: 2, field: 'idNumber', message: '超出您的管辖范围' }]);
    expect((await upload('姓名\n张三\n', '', 'text/csv')).statusCode).toBe(422);
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM lead_source`)).rows[0]!.n).toBe(before);
  });

  it('verifies a lead into a key person, dismisses another with a reason, and refuses to resolve twice', async () => {
    const leads = (await app.inject({ url: '/api/v1/leads?status=open', headers: township.headers })).json().items;
    const wang = leads.find((l: { name: string }) => l.name === '王返乡');
    const zhao = leads.find((l: { name: string }) => l.name === '赵不详');
    const verify = (id: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/v1/leads/${id}/verify`, payload, headers: township.headers });
    const ok = await verify(wang.id, { category: 'returnee', measure: 'homeIsolation', startDate: '2024-02-20' });
    expect(ok.statusCode, ok.body).toBe(200);
    const file = (await app.inject({ url: `/api/v1/key-persons/${ok.json().keyPersonId}`, headers: township.headers })).json();
    expect(file).toMatchObject({ name: '王返乡', source: 'assistRequest', plannedEndDate: '2024-03-04', regionName: '五凤村' });
    expect((await verify(wang.id, { category: 'returnee', measure: 'homeIsolation', startDate: '2024-02-20' })).statusCode).toBe(409);
    expect((await verify(zhao.id, { category: 'returnee', measure: 'homeIsolation', startDate: '2024-02-20' })).json().errors).toEqual([{ field: 'personId', message: '此项为必填' }]);
    const dismissed = await app.inject({ method: 'POST', url: `/api/v1/leads/${zhao.id}/dismiss`, payload: { reason: '经核实未返乡' }, headers: township.headers });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', resolution: '经核实未返乡' });
    const audit = await db.execute(sql`SELECT event FROM audit_log WHERE event LIKE 'lead.%' ORDER BY at, id`);
    expect(audit.rows.map((r) => r.event)).toEqual(['lead.import', 'lead.import', 'lead.verify', 'lead.dismiss']);
  });

  it('lists the imported lists with their progress, and sends one back row by row as 协查反馈表 (audited)', async () => {
    const lists = (await app.inject({ url: '/api/v1/leads/lists', headers: township.headers })).json().items;
    // Newest first; the person both lists name is one lead, verified once, counted in each list.
    expect(lists.map((l: Record<string, unknown>) => [l.issuer, l.batch, l.rows, l.verified, l.dismissed, l.open, l.overdue])).toEqual([
      ['县公安局', null, 1, 1, 0, 0, 0],
      ['县卫健局', '2024-07', 3, 1, 1, 1, 0],
    ]);
    // The village's grid worker sees the list's rows in the village only, and may not send it back.
    const forGrid = (await app.inject({ url: '/api/v1/leads/lists', headers: grid.headers })).json().items;
    expect(forGrid.find((l: { issuer: string }) => l.issuer === '县卫健局')).toMatchObject({ rows: 2, dismissed: 0 });
    const listId = lists[1].listId;
    expect((await app.inject({ url: `/api/v1/leads/lists/${listId}/feedback`, headers: grid.headers })).statusCode).toBe(403);

    const res = await app.inject({ url: `/api/v1/leads/lists/${listId}/feedback`, headers: township.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('协查反馈表-县卫健局-2024-07.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(2).getCell(1).value)).toContain('共 3 人，已核查 2 人，未完成 1 人');
    const cells = (n: number) => (ws.getRow(n).values as unknown[]).slice(1, 8);
    expect([4, 5, 6].map(cells)).toEqual([
      [2, '王返乡', '510121199003071233', '', '五凤村3组', '五凤村', '已核实，居家隔离医学观察'],
      [3, '李外出', '', '13811112222', '', '五凤村', '核查中'],
      [4, '赵不详', '', '13933334444', '淮口镇某小区', '淮口街道', '已排除：经核实未返乡'],
    ]);
    const exported = await db.execute(sql`SELECT target_id, detail FROM audit_log WHERE event = 'lead.feedbackExport'`);
    expect(exported.rows).toEqual([{ target_id: listId, detail: { issuer: '县卫健局', rows: 3 } }]);
    // Not a list, or none of its rows in scope: nothing to send.
    expect((await app.inject({ url: `/api/v1/leads/lists/${county.villageA.id}/feedback`, headers: township.headers })).statusCode).toBe(404);
  });
});
