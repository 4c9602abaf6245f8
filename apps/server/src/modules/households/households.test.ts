// List pages: the total of a list filtered by nothing but a region comes from region_tally, other
// filters count; either way it equals the records and the pages follow one stable order.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildHousehold, buildUser } from '../../../test/factories.js';

describe('household and person list pages', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let officer: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    for (let i = 0; i < 7; i++) await buildHousehold(db, county.villageA, 2, undefined, `五凤村${i % 3}号`); // repeated addresses: the id breaks ties
    for (let i = 0; i < 3; i++) await buildHousehold(db, county.villageB, 1, undefined, `石板村${i}号`);
    await db.execute(sql`UPDATE household SET status = 'vacant' WHERE address = '五凤村0号'`);
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'chief', role: 'townshipOfficer', region: county.county });
    officer = await loginAs(app, 'officer');
  });
  const get = async (url: string, s: Session) => (await app.inject({ url, headers: s.headers })).json();

  it('totals equal the records in scope, with or without a region, and with other filters', async () => {
    const chief = await loginAs(app, 'chief');
    expect((await get('/api/v1/households', chief)).total).toBe(10);
    expect((await get('/api/v1/households', officer)).total).toBe(7);
    expect((await get(`/api/v1/households?regionId=${county.villageB.id}`, chief)).total).toBe(3);
    expect((await get(`/api/v1/households?regionId=${county.villageB.id}`, officer)).total).toBe(0);
    expect((await get('/api/v1/households?status=vacant', chief)).total).toBe(3);
    expect((await get('/api/v1/persons', chief)).total).toBe(17);
    expect((await get(`/api/v1/persons?regionId=${county.villageA.id}`, officer)).total).toBe(14);
  });

  it('pages follow one order, region then address then id, without gaps or repeats', async () => {
    const chief = await loginAs(app, 'chief');
    const pages = [];
    for (let page = 1; page <= 4; page++)
      pages.push(
        ...(await get(`/api/v1/households?pageSize=3&page=${page}`, chief)).items.map((x: { id: string }) => x.id),
      );
    const expected = (await db.execute(sql`SELECT id FROM household ORDER BY region_path, address, id`)).rows.map(
      (r) => r.id,
    );
    expect(pages).toEqual(expected);
  });
});
