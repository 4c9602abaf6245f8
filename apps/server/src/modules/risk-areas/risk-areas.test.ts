import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildRegion, buildUser } from '../../../test/factories.js';

describe('risk areas', async () => {
  const { app, db } = await testApp();
  let commander: Session;
  let townCommander: Session;
  let worker: Session;
  let otherCounty: Session;
  beforeAll(async () => {
    const county = await buildCounty(db);
    const other = await buildRegion(db, '510122000000', '双流区');
    await buildUser(db, { username: 'cmd', role: 'commander', region: county.county });
    await buildUser(db, { username: 'cmd-town', role: 'commander', region: county.townshipA });
    await buildUser(db, { username: 'worker', role: 'gridWorker', region: county.villageA });
    await buildUser(db, { username: 'cmd-other', role: 'commander', region: other });
    commander = await loginAs(app, 'cmd');
    townCommander = await loginAs(app, 'cmd-town');
    worker = await loginAs(app, 'worker');
    otherCounty = await loginAs(app, 'cmd-other');
  });
  const create = (payload: Record<string, unknown>, s = commander) =>
    app.inject({ method: 'POST', url: '/api/v1/risk-areas', payload, headers: s.headers });

  it('lets the county command keep the list, audited, and every level of the county read it', async () => {
    const res = await create({ name: '某省某市A区', level: 'high', startsOn: '2026-11-01', endsOn: '2026-11-14' });
    expect(res.statusCode).toBe(201);
    await create({ name: '某省某市B区', level: 'medium', startsOn: '2000-01-01' });
    const seen = (await app.inject({ url: '/api/v1/risk-areas', headers: worker.headers })).json();
    expect(seen.items.map((a: { name: string; active: boolean }) => [a.name, a.active])).toEqual([
      ['某省某市B区', true],
      ['某省某市A区', false],
    ]);
    const onDay = (await app.inject({ url: '/api/v1/risk-areas?activeOn=2026-11-05', headers: worker.headers })).json();
    expect(onDay.total).toBe(2);
    expect((await app.inject({ url: '/api/v1/risk-areas', headers: otherCounty.headers })).json().total).toBe(0);
    const audit = await db.execute(sql`SELECT event FROM audit_log WHERE target_id = ${res.json().id}`);
    expect(audit.rows).toEqual([{ event: 'riskArea.create' }]);
  });

  it('ends a risk area by its end date; refuses an end before the start', async () => {
    const a = (await create({ name: '某省某市C区', level: 'low', startsOn: '2026-11-01' })).json();
    const ended = await app.inject({
      method: 'PATCH',
      url: `/api/v1/risk-areas/${a.id}`,
      payload: { endsOn: '2026-11-02' },
      headers: commander.headers,
    });
    expect(ended.json()).toMatchObject({ endsOn: '2026-11-02', active: false });
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/v1/risk-areas/${a.id}`,
      payload: { endsOn: '2026-10-01' },
      headers: commander.headers,
    });
    expect(bad.json().errors).toEqual([{ field: 'endsOn', message: '结束日期不能早于开始日期' }]);
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/risk-areas/${a.id}`,
          payload: { endsOn: null },
          headers: otherCounty.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses writes from below the county and from other roles', async () => {
    const res = await create({ name: 'x', level: 'high', startsOn: '2026-11-01' }, townCommander);
    expect(res.statusCode).toBe(403);
    expect(res.json().title ?? res.json().detail ?? JSON.stringify(res.json())).toMatch(/县级/);
    expect((await create({ name: 'x', level: 'high', startsOn: '2026-11-01' }, worker)).statusCode).toBe(403);
  });
});
