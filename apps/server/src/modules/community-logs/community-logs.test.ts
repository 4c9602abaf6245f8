import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';

// 2024-03-05 10:00 Asia/Shanghai.
const clock = new Date('2024-03-05T02:00:00Z');

describe('disinfection and publicity logs (消杀, 宣传)', async () => {
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let grid: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'grid', role: 'gridWorker', region: county.villageA });
    grid = await loginAs(app, 'grid');
  });
  const post = (url: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url, payload, headers: grid.headers });
  const get = (url: string) => app.inject({ url, headers: grid.headers }).then((r) => r.json());

  it('logs disinfection sessions with their area, and refuses other villages and future times', async () => {
    const first = await post('/api/v1/disinfections', {
      regionId: county.villageA.id,
      placeKind: 'keyPersonHome',
      place: '五凤村3组张某家及周边',
      doneAt: '2024-03-05T01:00:00Z',
      agent: '84消毒液 1:100',
      areaM2: 300,
      doneBy: '村卫生室',
    });
    expect(first.statusCode).toBe(200);
    await post('/api/v1/disinfections', {
      regionId: county.villageA.id,
      placeKind: 'market',
      place: '五凤农贸市场',
      doneAt: '2024-03-04T23:00:00Z',
      areaM2: 1200,
    });
    expect(await get('/api/v1/disinfections')).toMatchObject({ total: 2, areaM2: 1500 });
    expect((await get('/api/v1/disinfections?placeKind=market')).total).toBe(1);
    expect(
      (
        await post('/api/v1/disinfections', {
          regionId: county.villageB.id,
          placeKind: 'market',
          place: 'x',
          doneAt: '2024-03-05T01:00:00Z',
        })
      ).json().errors[0].field,
    ).toBe('regionId');
    expect(
      (
        await post('/api/v1/disinfections', {
          regionId: county.villageA.id,
          placeKind: 'market',
          place: 'x',
          doneAt: '2024-03-06T01:00:00Z',
        })
      ).json().errors[0].field,
    ).toBe('doneAt');
    expect(
      (
        await post('/api/v1/disinfections', {
          regionId: county.villageA.id,
          placeKind: 'market',
          place: 'x',
          doneAt: '2024-03-05T01:00:00Z',
          areaM2: -5,
        })
      ).json().errors[0].field,
    ).toBe('areaM2');
  });

  it("logs publicity by day and keeps a village's broadcasts of a day within 24 hours", async () => {
    expect(
      (
        await post('/api/v1/publicity', {
          regionId: county.villageA.id,
          kind: 'broadcast',
          day: '2024-03-05',
          hours: 5,
        })
      ).statusCode,
    ).toBe(200);
    await post('/api/v1/publicity', {
      regionId: county.villageA.id,
      kind: 'wechat',
      day: '2024-03-05',
      quantity: 3,
      reach: 450,
    });
    await post('/api/v1/publicity', { regionId: county.villageA.id, kind: 'banner', day: '2024-03-04', quantity: 6 });
    expect(await get('/api/v1/publicity?day=2024-03-05')).toMatchObject({ total: 2, hours: 5, reach: 450 });
    expect(
      (
        await post('/api/v1/publicity', {
          regionId: county.villageA.id,
          kind: 'broadcast',
          day: '2024-03-05',
          hours: 20,
        })
      ).json().errors[0],
    ).toMatchObject({ field: 'hours', message: '该村当天广播时长合计不能超过24小时' });
    expect(
      (
        await post('/api/v1/publicity', {
          regionId: county.villageA.id,
          kind: 'broadcast',
          day: '2024-03-05',
          hours: 25,
        })
      ).json().errors[0].field,
    ).toBe('hours');
    expect(
      (await post('/api/v1/publicity', { regionId: county.villageA.id, kind: 'broadcast', day: '2024-03-05' })).json()
        .errors[0].field,
    ).toBe('hours');
    expect(
      (
        await post('/api/v1/publicity', {
          regionId: county.villageA.id,
          kind: 'leaflet',
          day: '2024-03-06',
          quantity: 10,
        })
      ).json().errors[0].field,
    ).toBe('day');
    const n = await db.execute(
      sql`SELECT count(*)::int AS n, sum(hours)::float8 AS h FROM publicity WHERE kind = 'broadcast'`,
    );
    expect(n.rows[0]).toEqual({ n: 1, h: 5 });
  });
});
