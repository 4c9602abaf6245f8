import { beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildResident, buildUser } from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';

// 2024-03-05 10:00 Asia/Shanghai.
let clock = new Date('2024-03-05T02:00:00Z');
const id = (sequence: number) => makeIdNumber({ regionCode: '510121', birthDate: '1980-05-06', sequence, sex: 'male' });
const RESIDENT_B = id(11);
const STRANGER = id(13);

describe('sentinel pharmacies (哨点药店)', async () => {
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let township: Session;
  let pharmacy: Session;
  let cadreB: Session;
  let siteA: { id: string };
  let siteB: { id: string };
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    await buildUser(db, { username: 'cadreB', role: 'villageCadre', region: county.villageB });
    const seller = await buildUser(db, { username: 'pharmacy', role: 'sentinel', region: county.villageA });
    await buildUser(db, { username: 'viewer', role: 'viewer', region: county.villageA });
    await buildResident(db, county.villageB, RESIDENT_B, '石居民', '13900001111');
    [township, pharmacy, cadreB] = [
      await loginAs(app, 'township'),
      await loginAs(app, 'pharmacy'),
      await loginAs(app, 'cadreB'),
    ];
    const commander = await loginAs(app, 'commander');
    siteA = (
      await post(
        '/api/v1/sentinels',
        { regionId: county.villageA.id, kind: 'pharmacy', name: '五凤大药房', phone: '13800002222' },
        township,
      )
    ).json();
    siteB = (
      await post(
        '/api/v1/sentinels',
        { regionId: county.villageB.id, kind: 'privateClinic', name: '石板诊所' },
        commander,
      )
    ).json();
    expect((await post(`/api/v1/sentinels/${siteA.id}/accounts`, { userId: seller.id }, township)).statusCode).toBe(
      200,
    );
  });
  const post = (url: string, payload: Record<string, unknown>, who: Session) =>
    app.inject({ method: 'POST', url, payload, headers: who.headers });
  const get = (url: string, who: Session) => app.inject({ url, headers: who.headers });
  const sale = (body: Record<string, unknown> = {}) => ({
    sentinelId: siteA.id,
    idNumber: RESIDENT_B,
    name: '石居民',
    drugClasses: ['antipyretic'],
    symptoms: ['fever'],
    ...body,
  });

  it("raises a lead in the buyer's village, within the county's deadline, and one lead per person while it is open", async () => {
    const first = await post('/api/v1/sentinel-sales', sale({ phone: '13900001111' }), pharmacy);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      idNumber: expect.stringContaining('****'),
      phone: '139****1111',
      regionName: '五凤村',
    });
    const inbox = (await get('/api/v1/leads?status=open', cadreB)).json();
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toMatchObject({ name: '石居民', regionName: '石板村' });
    expect(inbox.items[0].sources.map((s: { source: string }) => s.source)).toEqual(['sentinel']);
    expect(new Date(inbox.items[0].deadline).getTime() - clock.getTime()).toBe(24 * 3_600_000);

    clock = new Date(clock.getTime() + 3_600_000);
    const again = await post(
      '/api/v1/sentinel-sales',
      sale({ drugClasses: ['antitussive', 'antibiotic'], symptoms: ['cough'] }),
      pharmacy,
    );
    expect(again.statusCode).toBe(200);
    const after = (await get('/api/v1/leads?status=open', cadreB)).json();
    expect(after.total).toBe(1);
    expect(after.items[0].sources).toHaveLength(2);
    expect(again.json().leadId).toBe(first.json().leadId);

    // Unknown to the register: the lead goes to the pharmacy's village.
    expect(
      (await post('/api/v1/sentinel-sales', sale({ idNumber: STRANGER, name: '过路人' }), pharmacy)).statusCode,
    ).toBe(200);
    const a = (await get(`/api/v1/leads?regionId=${county.villageA.id}`, township)).json();
    expect(a.items.map((l: { name: string }) => l.name)).toEqual(['过路人']);
    const mine = (await get('/api/v1/sentinels/mine', pharmacy)).json();
    expect(mine.sentinel.name).toBe('五凤大药房');
    expect(mine.today).toHaveLength(3);
    expect(mine.today.every((s: { regionName: string }) => s.regionName === '五凤村')).toBe(true);
  });

  it('refuses a sale for another site, an invalid ID number and a sale without a drug class, writing nothing', async () => {
    const before = (await get('/api/v1/sentinel-sales', township)).json().total;
    const other = await post('/api/v1/sentinel-sales', sale({ sentinelId: siteB.id }), pharmacy);
    expect(other.statusCode).toBe(422);
    expect(other.json().errors).toEqual([
      expect.objectContaining({ field: 'sentinelId', message: '本账号只能为所属的哨点登记售药' }),
    ]);
    const badId = await post('/api/v1/sentinel-sales', sale({ idNumber: '510121198005060012' }), pharmacy);
    expect(badId.statusCode).toBe(422);
    expect(badId.json().errors[0]).toMatchObject({ field: 'idNumber', message: expect.any(String) });
    const none = await post('/api/v1/sentinel-sales', sale({ drugClasses: [] }), pharmacy);
    expect(none.json().errors[0]).toMatchObject({ field: 'drugClasses', message: '请至少选择一类药品' });
    expect((await get('/api/v1/sentinel-sales', township)).json().total).toBe(before);
    // A viewer cannot record, and an account of another role cannot be bound to a site.
    const viewer = await loginAs(app, 'viewer');
    expect((await post('/api/v1/sentinel-sales', sale(), viewer)).statusCode).toBe(403);
    const [{ id: viewerId }] = (await get(`/api/v1/users?q=viewer`, await loginAs(app, 'commander'))).json().items;
    const bind = await post(`/api/v1/sentinels/${siteA.id}/accounts`, { userId: viewerId }, township);
    expect(bind.json().errors[0]).toMatchObject({ field: 'userId', message: expect.stringContaining('哨点药店') });
  });

  it('answers out of scope as not found or empty', async () => {
    expect((await post(`/api/v1/sentinels/${siteB.id}/accounts`, { userId: uuidv7() }, township)).statusCode).toBe(404);
    expect((await get(`/api/v1/sentinels?regionId=${county.villageB.id}`, township)).json().total).toBe(0);
    expect((await get(`/api/v1/sentinel-sales?regionId=${county.villageB.id}`, township)).json().total).toBe(0);
    const created = await post(
      '/api/v1/sentinels',
      { regionId: county.villageB.id, kind: 'pharmacy', name: '越界' },
      township,
    );
    expect(created.json().errors[0]).toMatchObject({ field: 'regionId' });
    // Village B sees the sales of its own buyers, not village A's.
    const b = (await get('/api/v1/sentinel-sales', cadreB)).json();
    expect(b.items.map((s: { name: string }) => s.name)).toEqual(['石居民', '石居民']);
  });

  it('counts per pharmacy and per village; the figure equals its drill-down', async () => {
    const sites = (await get(`/api/v1/sentinels?regionId=${county.townshipA.id}`, township)).json();
    expect(sites.items.map((s: { name: string; salesToday: number }) => [s.name, s.salesToday])).toEqual([
      ['五凤大药房', 3],
    ]);
    clock = new Date(clock.getTime() + 60_000); // a figure is taken at an instant: what was recorded before it
    const commander = await loginAs(app, 'commander');
    const preview = (
      await get(`/api/v1/daily-reports/preview?regionId=${county.county.id}&reportDate=2024-03-05`, commander)
    ).json();
    expect(preview.live.sentinels).toEqual({ salesToday: 3, sites: 2 });
    const drill = preview.drillDown.sentinels.salesToday;
    const rows = (await get(`${drill.api}?${new URLSearchParams(drill.query)}`, commander)).json();
    expect(rows.total).toBe(3);
    const sitesDrill = preview.drillDown.sentinels.sites;
    expect((await get(`${sitesDrill.api}?${new URLSearchParams(sitesDrill.query)}`, commander)).json().total).toBe(2);
  });

  it('flags a village whose day exceeds twice its 7-day mean with at least 5 sales', async () => {
    for (let i = 0; i < 5; i++)
      await post('/api/v1/sentinel-sales', sale({ idNumber: id(21 + 2 * i), name: `买药人${i}` }), pharmacy);
    const counts = (
      await get(`/api/v1/sentinel-sales/by-village?regionId=${county.county.id}`, await loginAs(app, 'commander'))
    ).json();
    expect(counts.day).toBe('2024-03-05');
    expect(counts.villages[0]).toMatchObject({ regionName: '五凤村', count: 6, baseline: 0, spike: true });
    expect(counts.villages[1]).toMatchObject({ regionName: '石板村', count: 2, spike: false });
    expect(counts.villages[0].days).toHaveLength(8);
  });
});
