import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildGrid, buildHousehold, buildUser } from '../../../test/factories.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsxOf(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('区划');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('regions', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let admin: Session;
  let village: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    const g = await buildGrid(db, county.villageA);
    await buildHousehold(db, county.villageA, 3, g.id);
    await buildHousehold(db, county.villageB, 2);
    await buildUser(db, { username: 'admin', role: 'admin', region: county.county });
    await buildUser(db, { username: 'village', role: 'villageCadre', region: county.villageA });
    admin = await loginAs(app, 'admin');
    village = await loginAs(app, 'village');
  });

  it('shows a user their own scope root with the counts below it', async () => {
    const res = await app.inject({ url: '/api/v1/regions', headers: village.headers });
    expect(res.json()).toMatchObject({
      total: 1,
      items: [{ name: '五凤村', level: 'village', householdCount: 1, personCount: 3, gridCount: 1 }],
    });
    const root = await app.inject({ url: '/api/v1/regions', headers: admin.headers });
    expect(root.json().items[0]).toMatchObject({ name: '金堂县', childCount: 2, householdCount: 2, personCount: 5 });
  });

  it('keeps the counts exact when people move between villages or leave the register', async () => {
    const count = async (id: string) =>
      (await app.inject({ url: `/api/v1/regions/${id}`, headers: admin.headers })).json().personCount;
    const [a, b] = [await count(county.villageA.id), await count(county.villageB.id)];
    await db.execute(
      sql`UPDATE person SET region_id = ${county.villageB.id}, region_path = ${county.villageB.path}::ltree WHERE id = (SELECT id FROM person WHERE region_id = ${county.villageA.id} LIMIT 1)`,
    );
    expect([await count(county.villageA.id), await count(county.villageB.id)]).toEqual([a - 1, b + 1]);
    await db.execute(sql`UPDATE person SET name = name || '' WHERE region_id = ${county.villageB.id}`);
    await db.execute(
      sql`DELETE FROM person WHERE id = (SELECT id FROM person WHERE region_id = ${county.villageB.id} LIMIT 1)`,
    );
    expect([await count(county.villageA.id), await count(county.villageB.id), await count(county.county.id)]).toEqual([
      a - 1,
      b,
      a + b - 1,
    ]);
    const live = await db.execute(sql`SELECT count(*)::int AS n FROM person`);
    expect(await count(county.county.id)).toBe(live.rows[0]!.n);
  });

  it('searches by name and by code prefix inside the scope only', async () => {
    const byName = await app.inject({ url: `/api/v1/regions?q=${encodeURIComponent('村')}`, headers: village.headers });
    expect(byName.json().items.map((r: { name: string }) => r.name)).toEqual(['五凤村']);
    const byCode = await app.inject({ url: '/api/v1/regions?q=510121002', headers: admin.headers });
    expect(byCode.json().items.map((r: { code: string }) => r.code)).toEqual(['510121002000', '510121002001']);
  });

  it('shows one region with its ancestors', async () => {
    const res = await app.inject({ url: `/api/v1/regions/${county.villageA.id}`, headers: village.headers });
    expect(res.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['金堂县', '淮口街道']);
  });

  it('imports a region tree from xlsx, parents first whatever the row order, and updates on re-import', async () => {
    const body = await xlsxOf([
      ['区划代码', '区划名称'],
      ['510121003001001', '一组'],
      ['510121003001', '新华村'],
      ['510121003000', '栖贤街道'],
    ]);
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/regions/import',
      payload: body,
      headers: { ...admin.headers, 'content-type': XLSX },
    });
    expect(first.json()).toEqual({ created: 3, updated: 0, errors: [] });
    const group = await db.execute(sql`SELECT level, path::text FROM region WHERE code = '510121003001001'`);
    expect(group.rows[0]).toEqual({ level: 'group', path: 'c510121.t510121003.v510121003001.g510121003001001' });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/regions/import',
      payload: body,
      headers: { ...admin.headers, 'content-type': XLSX },
    });
    expect(again.json()).toEqual({ created: 0, updated: 3, errors: [] });
  });

  it('reports every bad row by number and writes nothing', async () => {
    const csv = '区划代码,区划名称\n510121004000,竹篙镇\n5101210049,坏代码\n510121009001,无上级村\n510121004001,\n';
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/regions/import',
      payload: csv,
      headers: { ...admin.headers, 'content-type': 'text/csv', 'accept-language': 'en-US' },
    });
    const { created, errors } = res.json();
    expect(created).toBe(0);
    expect(errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort()).toEqual([
      '3:code',
      '4:code',
      '5:name',
    ]);
    const written = await db.execute(sql`SELECT count(*)::int AS n FROM region WHERE code LIKE '510121004%'`);
    expect(written.rows[0]).toEqual({ n: 0 });
  });
});
