import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs } from '../../../test/app.js';
import { buildGrid, buildRegion, buildUser } from '../../../test/factories.js';
import { databaseIsEmpty, initCounty } from './setup.service.js';
import { countyOfCode } from './county-codes.js';

describe('a real county from an empty database', async () => {
  const { app, db } = await testApp();

  it('knows every county of the bundled GB/T 2260 list by its 6- or 12-digit code', () => {
    expect(countyOfCode('510121')).toEqual({
      code: '510121',
      name: '金堂县',
      province: '四川省',
      prefecture: '成都市',
    });
    expect(countyOfCode('110101000000')?.name).toBe('东城区');
    expect(countyOfCode('510199')).toBeUndefined();
    expect(countyOfCode('5101')).toBeUndefined();
  });

  it('creates the county and its administrator once; the checklist then follows the set-up', async () => {
    expect(await databaseIsEmpty(db)).toBe(true);
    await expect(
      initCounty(db, { countyCode: '519999', username: 'admin', password: 'a-long-password' }),
    ).rejects.toThrow(/no county-level division/);
    await expect(initCounty(db, { countyCode: '510121', username: 'admin', password: 'short' })).rejects.toThrow(
      /8-128/,
    );
    expect(await databaseIsEmpty(db)).toBe(true);
    const done = await initCounty(db, { countyCode: '510121', username: 'admin', password: 'a-long-password' });
    expect(done.county).toMatchObject({ code: '510121000000', name: '金堂县', level: 'county' });
    await expect(
      initCounty(db, { countyCode: '510129', username: 'admin2', password: 'a-long-password' }),
    ).rejects.toThrow(/already holds the county 金堂县/);
    const audit = await db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'setup.init'`);
    expect(audit.rows[0]!.n).toBe(1);

    const admin = await loginAs(app, 'admin', 'a-long-password');
    const checklist = async () =>
      (await app.inject({ method: 'GET', url: '/api/v1/setup/checklist', headers: admin.headers }))
        .json()
        .steps.map((s: { key: string; done: boolean }) => `${s.key}:${s.done}`);
    expect(await checklist()).toEqual(['regions:false', 'grids:false', 'users:false', 'settings:false']);
    const county = { id: done.county.id, code: done.county.code, path: done.county.path, name: '金堂县' };
    const township = await buildRegion(db, '510121001000', '淮口街道', county);
    const village = await buildRegion(db, '510121001001', '五凤村', township);
    await buildGrid(db, village);
    await buildUser(db, { username: 'grid', role: 'gridWorker', region: village });
    expect(await checklist()).toEqual(['regions:true', 'grids:true', 'users:true', 'settings:false']);
    // The county's rules are the commander's (三员分立: the system administrator keeps no business rules).
    await buildUser(db, { username: 'commander', role: 'commander', region: county });
    const commander = await loginAs(app, 'commander');
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/v1/county-settings/policy',
          payload: { leadDeadlineHours: 4 },
          headers: commander.headers,
        })
      ).statusCode,
    ).toBe(200);
    expect(await checklist()).toEqual(['regions:true', 'grids:true', 'users:true', 'settings:true']);
  });
});
