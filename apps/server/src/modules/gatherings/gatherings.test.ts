import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';

// 2024-03-05 10:00 Asia/Shanghai.
const clock = new Date('2024-03-05T02:00:00Z');

describe('gatherings (聚集性活动)', async () => {
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let grid: Session;
  let viewer: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'grid', role: 'gridWorker', region: county.villageA });
    await buildUser(db, { username: 'viewer', role: 'viewer', region: county.townshipB });
    grid = await loginAs(app, 'grid');
    viewer = await loginAs(app, 'viewer');
  });
  const post = (payload: Record<string, unknown>, who = grid) =>
    app.inject({ method: 'POST', url: '/api/v1/gatherings', payload, headers: who.headers });
  const base = {
    kind: 'wedding',
    host: '李某',
    date: '2024-03-09',
    place: '五凤村3组',
    settledAt: '2024-03-05T01:00:00Z',
  };

  it('records outcomes and counts the stopped ones and the tables and persons not held', async () => {
    const wedding = await post({
      ...base,
      regionId: county.villageA.id,
      tables: 30,
      persons: 300,
      outcome: 'cancelled',
      phone: '13800001111',
    });
    expect(wedding.statusCode).toBe(200);
    expect(wedding.json()).toMatchObject({
      tablesCancelled: 30,
      personsCancelled: 300,
      phone: expect.stringMatching(/\*/),
    });
    await post({
      ...base,
      kind: 'funeral',
      regionId: county.villageA.id,
      tables: 20,
      persons: 150,
      outcome: 'scaledDown',
      tablesHeld: 5,
      personsHeld: 40,
    });
    await post({
      ...base,
      kind: 'banquet',
      regionId: county.villageA.id,
      tables: 8,
      persons: 80,
      outcome: 'heldInViolation',
    });
    await post({
      ...base,
      kind: 'templeFair',
      regionId: county.villageA.id,
      host: '村委会',
      outcome: 'postponed',
      settledAt: '2024-03-04T11:00:00Z',
    });
    const list = (await app.inject({ url: '/api/v1/gatherings', headers: grid.headers })).json();
    expect(list.total).toBe(4);
    expect(list).toMatchObject({ stopped: 2, tablesCancelled: 45, personsCancelled: 410 });
    // The drill-down window: settled within 2024-03-04 18:00 → 2024-03-05 18:00 Shanghai.
    const day = (
      await app.inject({
        url: `/api/v1/gatherings?stopped=true&settledFrom=${encodeURIComponent('2024-03-04T10:00:00Z')}&settledTo=${encodeURIComponent('2024-03-05T10:00:00Z')}`,
        headers: grid.headers,
      })
    ).json();
    // The fair was stopped at 19:00 the evening before: after the cut-off, so on this day's report.
    expect(day.items.map((g: { kind: string }) => g.kind)).toEqual(['wedding', 'templeFair']);
    expect((await app.inject({ url: '/api/v1/gatherings', headers: viewer.headers })).json().total).toBe(0);
    expect(
      (await app.inject({ url: `/api/v1/gatherings/${wedding.json().id}`, headers: viewer.headers })).statusCode,
    ).toBe(404);
  });

  it('refuses -3 tables, more held than planned, other villages and readers; nothing half-written', async () => {
    expect(
      (await post({ ...base, regionId: county.villageA.id, tables: -3, outcome: 'cancelled' })).json().errors[0].field,
    ).toBe('tables');
    expect(
      (await post({ ...base, regionId: county.villageA.id, tables: 3, tablesHeld: 5, outcome: 'scaledDown' })).json()
        .errors[0].field,
    ).toBe('tablesHeld');
    expect((await post({ ...base, regionId: county.villageB.id, outcome: 'cancelled' })).json().errors[0].field).toBe(
      'regionId',
    );
    expect(
      (
        await post({ ...base, regionId: county.villageA.id, outcome: 'cancelled', settledAt: '2024-03-06T01:00:00Z' })
      ).json().errors[0].field,
    ).toBe('settledAt');
    expect((await post({ ...base, regionId: county.villageB.id, outcome: 'cancelled' }, viewer)).statusCode).toBe(403);
    const n = await db.execute(sql`SELECT count(*)::int AS n FROM gathering`);
    expect(n.rows[0]!.n).toBe(4);
  });
});
