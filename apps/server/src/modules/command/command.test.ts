import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';

describe('command structure (指挥部, 专责组, 战区)', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let commander: Session;
  let township: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    commander = await loginAs(app, 'commander');
    township = await loginAs(app, 'township');
  });
  const post = (url: string, payload: Record<string, unknown>, who = commander) =>
    app.inject({ method: 'POST', url, payload, headers: who.headers });

  it('sets up the headquarters with its office, working groups and a 战区 covering townships, with members', async () => {
    const hq = (
      await post('/api/v1/command-units', {
        regionId: county.county.id,
        kind: 'headquarters',
        name: '金堂县新冠肺炎疫情防控指挥部',
        duties: '统一领导、指挥全县疫情防控工作',
      })
    ).json();
    const group = await post('/api/v1/command-units', {
      regionId: county.county.id,
      parentId: hq.id,
      kind: 'workingGroup',
      name: '医疗救治组',
      duties: '负责病例救治、发热门诊',
    });
    expect(group.statusCode).toBe(200);
    const zone = await post('/api/v1/command-units', {
      regionId: county.county.id,
      parentId: hq.id,
      kind: 'subHeadquarters',
      name: '第一战区',
      coverage: [county.townshipA.id, county.townshipB.id],
    });
    expect(zone.json().coverage.map((c: { name: string }) => c.name)).toEqual([
      county.townshipA.name,
      county.townshipB.name,
    ]);
    const withMember = await post(`/api/v1/command-units/${group.json().id}/members`, {
      name: '张局长',
      position: '组长',
      phone: '13800000011',
    });
    expect(withMember.json().members).toEqual([
      expect.objectContaining({ name: '张局长', position: '组长', phone: '13800000011' }),
    ]);

    const list = (await app.inject({ url: '/api/v1/command-units', headers: commander.headers })).json();
    expect(list.items.map((u: { kind: string; parentId: string | null }) => [u.kind, u.parentId === hq.id])).toEqual([
      ['headquarters', false],
      ['workingGroup', true],
      ['subHeadquarters', true],
    ]);
    // A township sees its own structure, not the county's.
    expect((await app.inject({ url: '/api/v1/command-units', headers: township.headers })).json().total).toBe(0);
    const audited = await db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE event IN ('command.create', 'command.memberAdd')`,
    );
    expect(audited.rows[0]!.n).toBe(4);
  });

  it("refuses a 战区 covering a region outside the unit's, a parent of another region, and bad members", async () => {
    const own = (
      await post(
        '/api/v1/command-units',
        { regionId: county.townshipA.id, kind: 'headquarters', name: '淮口街道指挥部' },
        township,
      )
    ).json();
    const outside = await post(
      '/api/v1/command-units',
      {
        regionId: county.townshipA.id,
        kind: 'subHeadquarters',
        name: 'x',
        coverage: [county.villageA.id, county.villageB.id],
      },
      township,
    );
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0].field).toBe('coverage.1');
    const county_hq = (await app.inject({ url: '/api/v1/command-units', headers: commander.headers })).json().items[0];
    expect(
      (
        await post(
          '/api/v1/command-units',
          { regionId: county.townshipA.id, parentId: county_hq.id, kind: 'office', name: 'x' },
          township,
        )
      ).json().errors[0].field,
    ).toBe('parentId');
    expect(
      (await post(`/api/v1/command-units/${own.id}/members`, { name: '', position: '组长' }, township)).json().errors[0]
        .field,
    ).toBe('name');
    expect(
      (await post(`/api/v1/command-units/${county_hq.id}/members`, { name: '越权', position: '成员' }, township))
        .statusCode,
    ).toBe(404);
    const units = await db.execute(sql`SELECT count(*)::int AS n FROM command_unit`);
    expect(units.rows[0]!.n).toBe(4);
  });
});
