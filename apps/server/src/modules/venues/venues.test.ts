import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { maskPhone } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';

// 2024-03-05 10:00 Asia/Shanghai.
let clock = new Date('2024-03-05T02:00:00Z');

describe('venues under orders, checks and re-checks (场所管控)', async () => {
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let township: Session;
  let cadre: Session;
  let cadreB: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'cadreB', role: 'villageCadre', region: county.villageB });
    await buildUser(db, { username: 'county', role: 'commander', region: county.county });
    [township, cadre, cadreB] = [
      await loginAs(app, 'township'),
      await loginAs(app, 'cadre'),
      await loginAs(app, 'cadreB'),
    ];
  });
  const post = (url: string, payload: Record<string, unknown>, who = cadre) =>
    app.inject({ method: 'POST', url, payload, headers: who.headers });
  const get = (url: string, who = cadre) => app.inject({ url, headers: who.headers });

  it('orders a type in a region and one venue, lists who is under an order, checks and re-checks until compliant', async () => {
    const ktv = (
      await post('/api/v1/venues', {
        regionId: county.villageA.id,
        type: 'ktv',
        name: '五凤KTV',
        operator: '张老板',
        phone: '13800001111',
      })
    ).json();
    expect(ktv).toMatchObject({ type: 'ktv', phone: maskPhone('13800001111'), orders: [], needsRecheck: false });
    const stored = await db.execute(sql`SELECT phone FROM venue WHERE id = ${ktv.id}`);
    expect(String(stored.rows[0]!.phone)).not.toContain('13800001111');
    const market = (
      await post('/api/v1/venues', { regionId: county.villageA.id, type: 'market', name: '五凤农贸市场' })
    ).json();
    const other = (
      await post('/api/v1/venues', { regionId: county.villageB.id, type: 'ktv', name: '石板KTV' }, cadreB)
    ).json();

    // The county closes every KTV of township A; the village bans live poultry at its market from tomorrow.
    const county_ = await loginAs(app, 'county');
    const close = await post(
      '/api/v1/venue-orders',
      { regionId: county.townshipA.id, venueType: 'ktv', kind: 'close', effectiveFrom: '2024-03-01' },
      county_,
    );
    expect(close.statusCode).toBe(200);
    await post('/api/v1/venue-orders', {
      venueId: market.id,
      kind: 'noLivePoultrySlaughter',
      effectiveFrom: '2024-03-06',
      effectiveUntil: '2024-03-31',
    });

    const under = (await get('/api/v1/venues?underOrder=true')).json();
    expect(under.items.map((v: { name: string }) => v.name)).toEqual(['五凤KTV']);
    expect(under.items[0].orders).toEqual(['close']);
    expect((await get('/api/v1/venues?underOrder=true', cadreB)).json().total).toBe(0);
    // The village cadre sees the county's order on KTVs, which concerns their venues.
    expect(
      (await get('/api/v1/venue-orders'))
        .json()
        .items.map((o: { kind: string }) => o.kind)
        .sort(),
    ).toEqual(['close', 'noLivePoultrySlaughter']);
    expect((await get('/api/v1/venue-orders', cadreB)).json().total).toBe(0);

    // Never checked: on the not-checked list.
    expect((await get('/api/v1/venues/unchecked?days=3')).json().items.map((v: { id: string }) => v.id)).toEqual([
      ktv.id,
    ]);

    const found = await post(`/api/v1/venues/${ktv.id}/checks`, {
      checkedAt: '2024-03-05T01:30:00Z',
      result: 'reopenedWithoutPermission',
      actionTaken: '责令立即停业，移交市场监管',
    });
    expect(found.json()).toMatchObject({ lastResult: 'reopenedWithoutPermission', needsRecheck: true });
    const violation = found.json().checks[0].id;
    expect((await get('/api/v1/venues?needsRecheck=true')).json().total).toBe(1);
    expect((await get('/api/v1/venues/unchecked?days=3')).json().total).toBe(0);

    clock = new Date('2024-03-06T02:00:00Z');
    const rechecked = (
      await post(`/api/v1/venues/${ktv.id}/checks`, {
        checkedAt: '2024-03-06T01:00:00Z',
        result: 'compliant',
        recheckOf: violation,
      })
    ).json();
    expect(rechecked).toMatchObject({ lastResult: 'compliant', needsRecheck: false });
    expect(rechecked.checks.map((c: { recheckOf: string | null }) => c.recheckOf)).toEqual([violation, null]);
    // From today the market is under its order too, and never checked.
    expect((await get('/api/v1/venues/unchecked?days=3')).json().items.map((v: { id: string }) => v.id)).toEqual([
      market.id,
    ]);
    clock = new Date('2024-03-10T02:00:00Z');
    expect((await get('/api/v1/venues/unchecked?days=3')).json().items.map((v: { id: string }) => v.id)).toEqual([
      market.id,
      ktv.id,
    ]);

    // Lifting an order ends it with today.
    const lifted = (await post(`/api/v1/venue-orders/${close.json().id}/lift`, {}, county_)).json();
    expect(lifted).toMatchObject({ effectiveUntil: '2024-03-10', inEffect: true });
    clock = new Date('2024-03-11T02:00:00Z');
    expect((await get(`/api/v1/venues/${ktv.id}`)).json()).toMatchObject({ orders: [] });
    expect((await get(`/api/v1/venues/${other.id}`)).statusCode).toBe(404);

    const audited = await db.execute(sql`SELECT event FROM audit_log WHERE event LIKE 'venue%' ORDER BY at, id`);
    expect(audited.rows.map((r) => r.event)).toEqual([
      'venue.create',
      'venue.create',
      'venue.create',
      'venueOrder.create',
      'venueOrder.create',
      'venueCheck.create',
      'venueCheck.create',
      'venueOrder.lift',
    ]);
  });

  it('refuses bad orders and checks with field errors, writing nothing', async () => {
    const v = (await post('/api/v1/venues', { regionId: county.villageA.id, type: 'hotel', name: '五凤宾馆' })).json();
    const both = await post('/api/v1/venue-orders', {
      venueId: v.id,
      regionId: county.villageA.id,
      venueType: 'hotel',
      kind: 'guestRegistration',
      effectiveFrom: '2024-03-01',
    });
    expect(both.json().errors[0]).toMatchObject({ field: 'venueId' });
    const backwards = await post('/api/v1/venue-orders', {
      venueId: v.id,
      kind: 'close',
      effectiveFrom: '2024-03-05',
      effectiveUntil: '2024-03-01',
    });
    expect(backwards.json().errors[0].field).toBe('effectiveUntil');
    expect(
      (
        await post('/api/v1/venue-orders', {
          regionId: county.villageB.id,
          venueType: 'hotel',
          kind: 'close',
          effectiveFrom: '2024-03-05',
        })
      ).json().errors[0].field,
    ).toBe('regionId');
    expect(
      (await post(`/api/v1/venues/${v.id}/checks`, { checkedAt: clock.toISOString(), result: 'violation' })).json()
        .errors[0].field,
    ).toBe('actionTaken');
    expect(
      (await post(`/api/v1/venues/${v.id}/checks`, { checkedAt: '2024-01-01T00:00:00Z', result: 'compliant' })).json()
        .errors[0].field,
    ).toBe('checkedAt');
    expect(
      (await post(`/api/v1/venues/${v.id}/checks`, { checkedAt: clock.toISOString(), result: 'compliant' }, cadreB))
        .statusCode,
    ).toBe(404);
    const n = await db.execute(
      sql`SELECT (SELECT count(*) FROM venue_check WHERE venue_id = ${v.id})::int + (SELECT count(*) FROM venue_order WHERE venue_id = ${v.id})::int AS n`,
    );
    expect(n.rows[0]!.n).toBe(0);
    expect(
      (await post('/api/v1/venues', { regionId: county.villageA.id, type: 'spa', name: 'x' }, township)).json()
        .errors[0].field,
    ).toBe('type');
  });
});
