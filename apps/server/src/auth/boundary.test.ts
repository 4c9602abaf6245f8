import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../test/app.js';
import { buildCheckpoint, buildCounty, buildDailyReport, buildEntry, buildFileJob, buildGrid, buildHousehold, buildKeyPersonFixtures, buildResident, buildRiskArea, buildRound, buildUser } from '../../test/factories.js';
import { can } from './permissions.js';
import { routeCases, type Fixtures } from '../../test/route-cases/index.js';

/**
 * Every registered route × every role × in and out of the actor's scope. A route added without
 * a case in test/route-cases/ (the capability's file) fails here, so no route escapes the access and scope checks.
 */
describe('route × role × scope', async () => {
  const { app, db } = await testApp();
  const sessions = new Map<Role, Session>();
  let fx: Fixtures;

  beforeAll(async () => {
    const county = await buildCounty(db);
    // Every role is scoped to township A: village A is inside, village B outside.
    for (const role of ROLES) await buildUser(db, { username: `u-${role}`, role, region: county.townshipA });
    const userInA = await buildUser(db, { username: 'target-a', role: 'viewer', region: county.villageA });
    const userInB = await buildUser(db, { username: 'target-b', role: 'viewer', region: county.villageB });
    await buildGrid(db, county.villageA);
    await buildGrid(db, county.villageB);
    const reportInA = await buildDailyReport(db, county.villageA, userInA.id, '2022-01-28');
    const reportInB = await buildDailyReport(db, county.villageB, userInB.id, '2022-01-28');
    const householdA = await buildHousehold(db, county.villageA, 2);
    const householdA2 = await buildHousehold(db, county.villageA, 0);
    const householdB = await buildHousehold(db, county.villageB, 2);
    const riskArea = await buildRiskArea(db, county.county);
    const roundA = await buildRound(db, county.townshipA);
    const roundB = await buildRound(db, county.townshipB);
    const checkpointInA = await buildCheckpoint(db, county.villageA, { name: '五凤卡口' });
    const checkpointInB = await buildCheckpoint(db, county.villageB, { name: '石板卡口' });
    await buildResident(db, county.villageA, '510121198001010010', '居民甲');
    await buildResident(db, county.villageB, '510121198502020022', '居民乙');
    const entryA = await buildEntry(db, checkpointInA, { plate: '川A12345' });
    const entryB = await buildEntry(db, checkpointInB, { plate: '川B54321' });
    const [entryInA, entryInB, occupantInA, occupantInB] = [entryA.id, entryB.id, entryA.occupants[0]!.id, entryB.occupants[0]!.id];
    fx = { ...county, userInA, userInB, reportInA, reportInB, householdA, householdA2, householdB, riskArea, roundA, roundB, kp: await buildKeyPersonFixtures(db, county), checkpointInA, checkpointInB, entryInA, entryInB, occupantInA, occupantInB, jobInA: await buildFileJob(db, userInA), jobInB: await buildFileJob(db, userInB) };
    for (const role of ROLES) sessions.set(role, await loginAs(app, `u-${role}`));
  });

  // Streams never end, so app.inject cannot wait for them: open them over HTTP, read the status, hang up.
  let origin = '';
  async function streamStatus(url: string, headers: Record<string, string>) {
    origin ||= await app.listen({ port: 0, host: '127.0.0.1' });
    const abort = new AbortController();
    const res = await fetch(origin + url, { headers, signal: abort.signal });
    abort.abort();
    return { statusCode: res.status, headers: { 'content-type': res.headers.get('content-type') ?? '' }, body: '', json: () => ({}) };
  }

  const routes = () => app.routeRegistry.filter((r) => !r.url.startsWith('/api/docs'));

  it('has a case for every registered route', () => {
    const missing = routes().map((r) => `${r.method} ${r.url}`).filter((key) => !routeCases[key]);
    expect(missing).toEqual([]);
  });

  it('answers 401 to anonymous callers of every non-public route', async () => {
    for (const route of routes()) {
      const c = routeCases[`${route.method} ${route.url}`]!;
      const res = await app.inject({ method: route.method as never, ...c.inScope(fx) });
      if (route.access === 'public') expect(res.statusCode, `${route.method} ${route.url}`).not.toBe(401);
      else expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`lets ${role} do exactly what its permissions allow, and only inside its scope`, async () => {
      const session = sessions.get(role)!;
      for (const route of routes()) {
        const key = `${route.method} ${route.url}`;
        const c = routeCases[key]!;
        const allowed = route.access === 'public' || route.access === 'authenticated' || can(role, route.access);
        const send = (req: ReturnType<typeof c.inScope>) =>
          c.stream && allowed ? streamStatus(req.url, { ...session.headers, ...req.headers }) : app.inject({ method: route.method as never, ...req, headers: { ...session.headers, ...req.headers } });
        const inside = await send(c.inScope(fx));
        if (!allowed) {
          expect(inside.statusCode, `${role} ${key}`).toBe(403);
          continue;
        }
        if (c.status) expect(inside.statusCode, `${role} ${key}`).toBe(c.status);
        else expect(inside.statusCode, `${role} ${key}: ${inside.body.slice(0, 200)}`).toBeLessThan(300);
        if (String(inside.headers['content-type']).includes('json')) c.expectInScope?.(inside.json());
        if (!c.outOfScope) continue;
        const outside = await send(c.outOfScope(fx));
        await c.expectOutOfScope(outside.statusCode, String(outside.headers['content-type']).includes('json') ? outside.json() : 'rawPayload' in outside ? outside.rawPayload : undefined, key);
      }
    });
  }
});
