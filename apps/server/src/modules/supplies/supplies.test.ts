import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCheckpoint, buildCounty, buildUser } from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';

describe('supplies: catalogue, stores, movements and days of cover', async () => {
  // 10:00 in Shanghai; each test moves the clock forward only.
  let clock = new Date('2026-11-01T02:00:00Z');
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let officer: Session;
  let commander: Session;
  let maskId: string;
  const count = async (event: string) =>
    (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE event = ${event}`)).rows[0]!.n;
  const newStore = async (s: Session, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/supply-stores', payload, headers: s.headers });
  const move = (s: Session, storeId: string, payload: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/supply-stores/${storeId}/movements`,
      payload: { itemId: maskId, ...payload },
      headers: s.headers,
    });
  const line = async (s: Session, storeId: string) => {
    const res = await app.inject({ url: `/api/v1/supply-stores/${storeId}/stock`, headers: s.headers });
    return res.json().lines.find((l: { itemId: string }) => l.itemId === maskId);
  };

  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    officer = await loginAs(app, 'officer');
    commander = await loginAs(app, 'commander');
  });

  it('starts every county with the default catalogue, which only county-level users extend', async () => {
    const list = await app.inject({ url: '/api/v1/supply-items', headers: officer.headers });
    expect(list.statusCode).toBe(200);
    const keys = list.json().items.map((i: { key: string }) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'maskN95',
        'maskSurgical',
        'protectiveSuit',
        'thermometerInfrared',
        'tent',
        'heater',
        'testKit',
      ]),
    );
    maskId = list.json().items.find((i: { key: string }) => i.key === 'maskN95').id;
    // Asking again does not write the defaults twice.
    expect((await app.inject({ url: '/api/v1/supply-items', headers: commander.headers })).json().total).toBe(
      keys.length,
    );
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/supply-items',
      payload: { name: '裹尸袋', category: 'other', unit: 'piece' },
      headers: officer.headers,
    });
    expect(refused.statusCode).toBe(403);
    const added = await app.inject({
      method: 'POST',
      url: '/api/v1/supply-items',
      payload: { name: '裹尸袋', category: 'other', unit: 'piece' },
      headers: commander.headers,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ key: null, name: '裹尸袋', unit: 'piece', active: true });
    const retired = await app.inject({
      method: 'PATCH',
      url: `/api/v1/supply-items/${added.json().id}`,
      payload: { active: false },
      headers: commander.headers,
    });
    expect(retired.json().active).toBe(false);
    expect(await count('supplyItem.create')).toBe(1);
    expect(await count('supplyItem.update')).toBe(1);
  });

  it('sets up stores at a region or a checkpoint in scope, one store per checkpoint', async () => {
    const cp = await buildCheckpoint(db, county.villageA, { name: '高速卡口' });
    const id = uuidv7();
    const first = await newStore(officer, { id, checkpointId: cp.id, name: '高速卡口物资' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      kind: 'checkpoint',
      regionName: '五凤村',
      checkpointId: cp.id,
      itemsShort: 0,
    });
    expect((await newStore(officer, { id, checkpointId: cp.id, name: '高速卡口物资' })).statusCode).toBe(200);
    expect((await newStore(officer, { checkpointId: cp.id, name: '第二个' })).statusCode).toBe(409);
    const both = await newStore(officer, { regionId: county.townshipA.id, checkpointId: cp.id, name: '两处' });
    expect(both.json().errors).toEqual([{ field: 'regionId', message: '库点须挂在一个行政区划、卡口或留观点上' }]);
    const outside = await newStore(officer, { regionId: county.villageB.id, name: '石板村物资' });
    expect(outside.json().errors[0]).toMatchObject({ field: 'regionId' });
    expect(await count('supplyStore.create')).toBe(1);
  });

  it('keeps stock as the sum of receipts, issues, transfers and counts, refusing what would go below zero', async () => {
    const township = (await newStore(officer, { regionId: county.townshipA.id, name: '淮口物资库' })).json();
    const village = (await newStore(officer, { regionId: county.villageA.id, name: '五凤村物资点' })).json();
    const far = (await newStore(commander, { regionId: county.villageB.id, name: '石板村物资点' })).json();
    expect(
      (await move(officer, township.id, { kind: 'receipt', quantity: 500, reason: '县物资保障组调拨' })).statusCode,
    ).toBe(200);
    const issued = await move(officer, township.id, { kind: 'issue', quantity: 120 });
    expect(issued.json().lines.find((l: { itemId: string }) => l.itemId === maskId).stock).toBe(380);
    const tooMany = await move(officer, township.id, { kind: 'issue', quantity: 381 });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().errors).toEqual([{ field: 'quantity', message: '库存不足，当前库存380' }]);
    const sent = await move(officer, township.id, { kind: 'transfer', quantity: 80, toStoreId: village.id });
    expect(sent.statusCode).toBe(200);
    expect((await line(officer, township.id)).stock).toBe(300);
    expect((await line(officer, village.id)).stock).toBe(80);
    const outOfScope = await move(officer, township.id, { kind: 'transfer', quantity: 10, toStoreId: far.id });
    expect(outOfScope.json().errors).toEqual([{ field: 'toStoreId', message: '记录不存在或已被删除' }]);
    expect(
      (await move(officer, township.id, { kind: 'transfer', quantity: 10, toStoreId: township.id })).statusCode,
    ).toBe(422);
    expect((await move(officer, village.id, { kind: 'count', quantity: 75 })).json().errors).toEqual([
      { field: 'reason', message: '盘点须填写原因' },
    ]);
    expect((await move(officer, village.id, { kind: 'count', quantity: -1, reason: '盘点' })).statusCode).toBe(422);
    const counted = await move(officer, village.id, { kind: 'count', quantity: 75, reason: '破损5只' });
    expect(counted.json().lines.find((l: { itemId: string }) => l.itemId === maskId).stock).toBe(75);
    // A phone replaying the same movement changes nothing.
    const replay = { id: uuidv7(), kind: 'receipt', quantity: 5 };
    await move(officer, village.id, replay);
    await move(officer, village.id, replay);
    expect((await line(officer, village.id)).stock).toBe(80);
    const ledger = await app.inject({ url: `/api/v1/supply-stores/${village.id}/movements`, headers: officer.headers });
    expect(ledger.json().items.map((m: { kind: string; quantity: number }) => [m.kind, m.quantity])).toEqual([
      ['receipt', 5],
      ['count', -5],
      ['transferIn', 80],
    ]);
    expect(ledger.json().items[2]).toMatchObject({ otherStoreName: '淮口物资库', recordedByName: 'officer' });
    const { rows } = await db.execute<{ stock: number }>(
      sql`SELECT sum(quantity)::int AS stock FROM stock_movement WHERE store_id = ${township.id}`,
    );
    expect(rows[0]!.stock).toBe(300);
    expect(await count('stockMovement.record')).toBe(5);
    // Another township's store is not found.
    expect(
      (await app.inject({ url: `/api/v1/supply-stores/${far.id}/stock`, headers: officer.headers })).statusCode,
    ).toBe(404);
    expect((await move(officer, far.id, { kind: 'receipt', quantity: 1 })).statusCode).toBe(404);
  });

  it('never lets two issues at once take the same last boxes', async () => {
    const store = (await newStore(officer, { regionId: county.villageA.id, name: '并发测试点' })).json();
    await move(officer, store.id, { kind: 'receipt', quantity: 10 });
    const answers = await Promise.all([1, 2, 3].map(() => move(officer, store.id, { kind: 'issue', quantity: 6 })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 422, 422]);
    expect((await line(officer, store.id)).stock).toBe(4);
  });

  it('counts days of cover from the issues of the 7 whole days before today and lists the stores short', async () => {
    const store = (await newStore(officer, { regionId: county.villageA.id, name: '覆盖天数测试点' })).json();
    clock = new Date('2026-11-10T02:00:00Z');
    await move(officer, store.id, { kind: 'receipt', quantity: 200 });
    for (let d = 0; d < 7; d++) {
      clock = new Date(Date.parse('2026-11-10T03:00:00Z') + d * 86_400_000);
      await move(officer, store.id, { kind: 'issue', quantity: 20 });
    }
    // 2026-11-17 10:00 Shanghai: the window is 11-10 to 11-16, 140 issued, 20 a day, 60 left: 3 days.
    clock = new Date('2026-11-17T02:00:00Z');
    expect(await line(officer, store.id)).toMatchObject({
      stock: 60,
      issuedLast7Days: 140,
      averageDailyIssue: 20,
      daysOfCover: 3,
      short: false,
    });
    await move(officer, store.id, { kind: 'issue', quantity: 1 }); // today's issue is not in the window yet
    expect(await line(officer, store.id)).toMatchObject({
      stock: 59,
      issuedLast7Days: 140,
      daysOfCover: 2.9,
      short: true,
    });
    const short = await app.inject({
      url: `/api/v1/supply-stores?short=true&regionId=${county.villageA.id}`,
      headers: officer.headers,
    });
    expect(short.json().items.map((s: { name: string; itemsShort: number }) => [s.name, s.itemsShort])).toEqual([
      ['覆盖天数测试点', 1],
    ]);
    // The report's figure counts the same stores, and leads to that list (a minute later: a figure
    // is taken at an instant, and counts what was recorded before it).
    clock = new Date(clock.getTime() + 60_000);
    const preview = (
      await app.inject({
        url: `/api/v1/daily-reports/preview?regionId=${county.townshipA.id}&reportDate=2026-11-17`,
        headers: officer.headers,
      })
    ).json();
    expect(preview.live.supplies).toEqual({ storesShort: 1, itemsShort: 1 });
    expect(preview.drillDown.supplies.storesShort).toMatchObject({
      api: '/api/v1/supply-stores',
      web: '/supplies',
      query: { regionId: county.townshipA.id, short: 'true' },
      exact: true,
    });
    // The county lowers its threshold to 2 days: 2.9 days is enough, on the page and in the report alike.
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/v1/supply-settings',
          payload: { lowCoverDays: 2 },
          headers: officer.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/v1/supply-settings',
          payload: { lowCoverDays: 2 },
          headers: commander.headers,
        })
      ).json(),
    ).toEqual({ lowCoverDays: 2 });
    expect(await line(officer, store.id)).toMatchObject({ daysOfCover: 2.9, short: false });
    const after = (
      await app.inject({
        url: `/api/v1/daily-reports/preview?regionId=${county.townshipA.id}&reportDate=2026-11-17`,
        headers: officer.headers,
      })
    ).json();
    expect(after.live.supplies).toEqual({ storesShort: 0, itemsShort: 0 });
    expect(await count('supplySetting.update')).toBe(1);
    // A store that issued nothing has no end in sight.
    const idle = (await newStore(officer, { regionId: county.villageA.id, name: '未使用点' })).json();
    await move(officer, idle.id, { kind: 'receipt', quantity: 3 });
    expect(await line(officer, idle.id)).toMatchObject({ stock: 3, daysOfCover: null, short: false });
  });
});
