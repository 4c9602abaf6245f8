import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildHousehold, buildRound, buildUser } from '../../../test/factories.js';

describe('grids', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cadre: Session;
  const ids: Record<string, string> = {};
  const hh: string[] = [];
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    ids.worker = (
      await buildUser(db, { username: 'w1', role: 'gridWorker', region: county.villageA, displayName: '网格员一' })
    ).id;
    ids.outsider = (await buildUser(db, { username: 'wb', role: 'gridWorker', region: county.villageB })).id;
    for (const address of ['五凤村1组1号', '五凤村1组2号', '五凤村2组1号', '五凤村2组2号', '五凤村3组1号'])
      hh.push((await buildHousehold(db, county.villageA, 1, undefined, address)).id);
    cadre = await loginAs(app, 'cadre');
  });
  const call = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: method as never, url, payload: payload as never, headers: { ...cadre.headers, ...headers } });

  it('draws grids in a village only, with accounts of the village as workers', async () => {
    expect((await call('POST', '/api/v1/grids', { regionId: county.townshipA.id, name: '第一网格' })).statusCode).toBe(
      422,
    );
    const outside = await call('POST', '/api/v1/grids', {
      regionId: county.villageA.id,
      name: '第一网格',
      workerIds: [ids.worker, ids.outsider],
    });
    expect(outside.json().errors).toEqual([{ field: 'workerIds.1', message: '该账号不在此网格所在的村或其上级' }]);
    const first = await call('POST', '/api/v1/grids', {
      regionId: county.villageA.id,
      name: '第一网格',
      workerIds: [ids.worker],
    });
    expect(first.statusCode, first.body).toBe(201);
    ids.first = first.json().id;
    expect(first.json().workers).toEqual([{ id: ids.worker, displayName: '网格员一' }]);
    expect((await call('POST', '/api/v1/grids', { regionId: county.villageA.id, name: '第一网格' })).statusCode).toBe(
      409,
    );
    ids.second = (await call('POST', '/api/v1/grids', { regionId: county.villageA.id, name: '第二网格' })).json().id;
    expect((await call('POST', '/api/v1/grids', { regionId: county.villageB.id, name: '外村网格' })).statusCode).toBe(
      422,
    );
  });

  it('assigns households one by one and by range; a household in another grid is an error unless moved', async () => {
    expect((await call('POST', `/api/v1/grids/${ids.first}/households`, { addressContains: '1组' })).json()).toEqual({
      assigned: 2,
      errors: [],
    });
    expect(
      (await call('POST', `/api/v1/grids/${ids.second}/households`, { householdIds: [hh[2], hh[3]] })).json(),
    ).toEqual({ assigned: 2, errors: [] });
    // Overlap: the range 组 covers households of the first grid; nothing is assigned.
    const overlap = (
      await call('POST', `/api/v1/grids/${ids.second}/households`, { addressContains: '五凤村' })
    ).json();
    expect(overlap.assigned).toBe(0);
    expect(overlap.errors.map((e: { message: string }) => e.message)).toEqual([
      '该户已属于第一网格，请先从该网格移出',
      '该户已属于第一网格，请先从该网格移出',
    ]);
    expect((await call('POST', `/api/v1/grids/${ids.second}/households`, { addressContains: '9组' })).statusCode).toBe(
      422,
    );
    const roster = (await call('GET', '/api/v1/grids/roster')).json().villages[0];
    expect(roster).toMatchObject({ name: '五凤村', households: 5, unassigned: 1, gridsWithoutWorkers: 1 });
    const gaps = (await call('GET', `/api/v1/grids/unassigned-households?regionId=${county.villageA.id}`)).json();
    expect(gaps.items.map((h: { address: string }) => h.address)).toEqual(['五凤村3组1号']);
    // 我的住户 of a village user: the village's uncovered households, by grid and those in no grid.
    const round = await buildRound(db, county.villageA);
    const missing = async (q: string) =>
      (await call('GET', `/api/v1/screening/rounds/${round.id}/households?state=missing&${q}`)).json();
    expect((await missing('')).total).toBe(5);
    expect((await missing(`gridId=${ids.first}`)).total).toBe(2);
    expect(
      (await missing('unassigned=true')).items.map((h: { address: string; gridName: string | null }) => [
        h.address,
        h.gridName,
      ]),
    ).toEqual([['五凤村3组1号', null]]);
  });

  it('assigns by file with per-row errors and nothing half-imported', async () => {
    const file = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('网格');
      ws.addRow(['住址', '网格']);
      rows.forEach((r) => ws.addRow(r));
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const xlsx = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    const bad = await call(
      'POST',
      `/api/v1/grids/assignments/import?regionId=${county.villageA.id}`,
      await file([
        ['五凤村3组1号', '第二网格'],
        ['五凤村1组1号', '第二网格'],
        ['不存在', '第二网格'],
        ['五凤村3组1号', '第一网格'],
        ['五凤村2组1号', '第九网格'],
      ]),
      xlsx,
    );
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json().assigned).toBe(0);
    expect(bad.json().errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '3:address',
      '4:address',
      '5:address',
      '6:grid',
    ]);
    expect((await call('GET', `/api/v1/grids/unassigned-households?regionId=${county.villageA.id}`)).json().total).toBe(
      1,
    );
    const good = await call(
      'POST',
      `/api/v1/grids/assignments/import?regionId=${county.villageA.id}`,
      await file([['五凤村3组1号', '第二网格']]),
      xlsx,
    );
    expect(good.json()).toEqual({ assigned: 1, errors: [] });
  });

  it('renames, merges and retires; retired grids leave the lists and their households become gaps', async () => {
    expect((await call('PATCH', `/api/v1/grids/${ids.second}`, { name: '第一网格' })).statusCode).toBe(409);
    expect((await call('PATCH', `/api/v1/grids/${ids.second}`, { name: '第二网格（东）' })).json().name).toBe(
      '第二网格（东）',
    );
    const merged = await call('POST', `/api/v1/grids/${ids.second}/merge`, { intoId: ids.first });
    expect(merged.json()).toMatchObject({ id: ids.first, householdCount: 5 });
    expect(
      (await call('GET', `/api/v1/grids?regionId=${county.villageA.id}`))
        .json()
        .items.map((g: { name: string }) => g.name),
    ).toEqual(['第一网格']);
    expect((await call('POST', `/api/v1/grids/${ids.first}/retire`)).json()).toEqual({ id: ids.first, retired: true });
    expect((await call('GET', `/api/v1/grids/roster?regionId=${county.villageA.id}`)).json().villages).toEqual([
      expect.objectContaining({ grids: [], unassigned: 5 }),
    ]);
    expect((await call('GET', `/api/v1/grids/unassigned-households?regionId=${county.villageA.id}`)).json().total).toBe(
      5,
    );
    const events = await db.execute(sql`SELECT event FROM audit_log WHERE event LIKE 'grid.%' ORDER BY id`);
    expect(events.rows.map((r) => r.event)).toEqual([
      'grid.create',
      'grid.create',
      'grid.assign',
      'grid.assign',
      'grid.assign',
      'grid.update',
      'grid.merge',
      'grid.retire',
    ]);
  });
});
