import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildHousehold, buildUser } from '../../../test/factories.js';
import { raiseLead } from '../leads/leads.service.js';

describe('command dashboard', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let commander: Session;
  let townA: Session;
  const lead = (village: typeof county.villageA, name: string, deadlineHours = 2) =>
    db.transaction((tx) => raiseLead(tx, { name, regionId: village.id, regionPath: village.path, source: 'tip', reasons: ['other'], deadlineHours }));

  beforeAll(async () => {
    county = await buildCounty(db);
    await buildHousehold(db, county.villageA, 3);
    await buildHousehold(db, county.villageB, 2);
    await lead(county.villageA, '甲', -1);
    await lead(county.villageB, '乙');
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    await buildUser(db, { username: 'town-a', role: 'townshipOfficer', region: county.townshipA });
    commander = await loginAs(app, 'commander');
    townA = await loginAs(app, 'town-a');
  });
  afterAll(() => app.close());

  it('sums people, leads and reports per township, matching the records', async () => {
    const res = await app.inject({ url: '/api/v1/dashboard', headers: commander.headers });
    const body = res.json();
    expect(body.children.map((c: { name: string; persons: number; leadsOpen: number; leadsOverdue: number }) => [c.name, c.persons, c.leadsOpen, c.leadsOverdue])).toEqual([
      ['淮口街道', 3, 1, 1],
      ['官仓街道', 2, 1, 0],
    ]);
    const persons = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM person`)).rows[0]!.n;
    expect(body.totals).toMatchObject({ persons, leadsOpen: 2, leadsOverdue: 1, reportsExpected: 4, reportsSubmitted: 0 });
    expect(body.leadsByDay).toHaveLength(14);
    expect(body.leadsByDay.at(-1).raised).toBe(2);
    expect(body.overdueLeads).toEqual([expect.objectContaining({ regionName: '五凤村', sources: ['tip'] })]);
    expect(JSON.stringify(body.overdueLeads)).not.toContain('甲');
  });

  it('streams a new lead to the viewers whose scope holds it, and only to them', async () => {
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const received: string[] = [];
    const abort = new AbortController();
    const res = await fetch(`${origin}/api/v1/events`, { headers: townA.headers, signal: abort.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const reading = (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        received.push(decoder.decode(value));
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    await lead(county.villageB, '丙');
    await lead(county.villageA, '丁');
    await new Promise((r) => setTimeout(r, 500));
    abort.abort();
    await reading;
    const events = received.join('').split('\n\n').filter((e) => e.startsWith('event:'));
    expect(events).toHaveLength(1);
    expect(events[0]).toContain('event: lead.raised');
  });
});
