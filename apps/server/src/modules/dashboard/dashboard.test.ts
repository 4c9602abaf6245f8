import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { shanghaiDateOf, shanghaiInstant, slotWindowOf } from '@fangkong/domain';
import {
  buildCheckpoint,
  buildCounty,
  buildEntry,
  buildHousehold,
  buildKeyPerson,
  buildRound,
  buildUser,
} from '../../../test/factories.js';
import { raiseLead } from '../leads/leads.service.js';

describe('command dashboard', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let commander: Session;
  let townA: Session;
  const lead = (village: typeof county.villageA, name: string, deadlineHours = 2) =>
    db.transaction((tx) =>
      raiseLead(tx, {
        now: new Date(),
        name,
        regionId: village.id,
        regionPath: village.path,
        source: 'tip',
        reasons: ['other'],
        deadlineHours,
      }),
    );

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
    expect(
      body.children.map((c: { name: string; persons: number; leadsOpen: number; leadsOverdue: number }) => [
        c.name,
        c.persons,
        c.leadsOpen,
        c.leadsOverdue,
      ]),
    ).toEqual([
      ['淮口街道', 3, 1, 1],
      ['官仓街道', 2, 1, 0],
    ]);
    const persons = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM person`)).rows[0]!.n;
    expect(body.totals).toMatchObject({
      persons,
      leadsOpen: 2,
      leadsOverdue: 1,
      reportsExpected: 4,
      reportsSubmitted: 0,
    });
    expect(body.leadsByDay).toHaveLength(14);
    expect(body.leadsByDay.at(-1).raised).toBe(2);
    expect(body.overdueLeads).toEqual([expect.objectContaining({ regionName: '五凤村', sources: ['tip'] })]);
    expect(JSON.stringify(body.overdueLeads)).not.toContain('甲');
  });

  it("draws key persons per day by category from their start and end dates, and today's checkpoint flow per hour", async () => {
    const today = shanghaiDateOf(new Date());
    const daysAgo = (n: number) => shanghaiDateOf(new Date(Date.now() - n * 86_400_000));
    await buildKeyPerson(db, county.villageA, { startDate: daysAgo(3) });
    const closed = await buildKeyPerson(db, county.villageB, { startDate: daysAgo(5), category: 'closeContact' });
    await db.execute(
      sql`UPDATE key_person SET status = 'released', closed_at = now() - interval '2 days' WHERE id = ${closed.id}`,
    );
    await buildKeyPerson(db, county.villageA, { startDate: daysAgo(60) }); // closed long ago
    await db.execute(
      sql`UPDATE key_person SET status = 'released', closed_at = now() - interval '40 days' WHERE start_date = ${daysAgo(60)}::date`,
    );
    await buildEntry(db, await buildCheckpoint(db, county.villageA), { plate: '川A55555' });
    const body = (await app.inject({ url: '/api/v1/dashboard', headers: commander.headers })).json();
    const on = (day: string) =>
      Object.fromEntries(
        body.keyPersonsByDay
          .filter((r: { day: string }) => r.day === day)
          .map((r: { category: string; n: number }) => [r.category, r.n]),
      );
    expect(on(today)).toEqual({ returnee: 1 });
    expect(on(daysAgo(3))).toEqual({ returnee: 1, closeContact: 1 });
    expect(on(daysAgo(4))).toEqual({ closeContact: 1 });
    expect(on(daysAgo(6))).toEqual({});
    expect(body.checkpointFlow).toHaveLength(24);
    const hour = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(11, 13));
    expect(body.checkpointFlow[hour]).toMatchObject({ vehicles: 1, persons: 1 });
    expect(body.checkpointFlow.reduce((n: number, h: { vehicles: number }) => n + h.vehicles, 0)).toBe(1);
    // A township sees only its own.
    expect(
      (await app.inject({ url: '/api/v1/dashboard', headers: townA.headers }))
        .json()
        .keyPersonsByDay.filter((r: { day: string }) => r.day === daysAgo(4)),
    ).toEqual([]);
  });

  it("shows the current round's coverage per township from the tallies, matching the visits", async () => {
    const round = await buildRound(db, county.county);
    const [a1, a2] = [
      await buildHousehold(db, county.villageA, 1, undefined, '甲1号'),
      await buildHousehold(db, county.villageA, 1, undefined, '甲2号'),
    ];
    const b1 = await buildHousehold(db, county.villageB, 1, undefined, '乙1号');
    const visit = (h: { id: string }, village: typeof county.villageA, outcome: string, at: string) =>
      db.execute(sql`INSERT INTO visit (id, round_id, household_id, region_path, outcome, visited_at)
                     VALUES (gen_random_uuid(), ${round.id}, ${h.id}, ${village.path}::ltree, ${outcome}, ${at}::timestamptz)`);
    await visit(a1, county.villageA, 'visited', '2026-11-20T02:00:00Z');
    await visit(a2, county.villageA, 'nobodyHome', '2026-11-20T03:00:00Z'); // a revisit is owed: not covered
    await visit(b1, county.villageB, 'nobodyHome', '2026-11-20T02:00:00Z');
    await visit(b1, county.villageB, 'away', '2026-11-21T02:00:00Z'); // followed up later: covered once
    const covered = (
      await db.execute<{ p: string; n: number }>(sql`
      SELECT subpath(h.region_path, 0, 2)::text AS p, count(*)::int AS n FROM household h
      WHERE (SELECT v.outcome FROM visit v WHERE v.household_id = h.id AND v.round_id = ${round.id} ORDER BY v.visited_at DESC LIMIT 1) IN ('visited', 'away')
      GROUP BY 1`)
    ).rows;
    const body = (await app.inject({ url: '/api/v1/dashboard', headers: commander.headers })).json();
    const byTownship = Object.fromEntries(
      body.children.map((c: { name: string; householdsCovered: number }) => [c.name, c.householdsCovered]),
    );
    expect(byTownship).toEqual({ 淮口街道: 1, 官仓街道: 1 });
    expect(covered.map((r) => r.n).sort()).toEqual([1, 1]);
    expect(body.totals.householdsCovered).toBe(2);
    // Inside the township the same figure is per village.
    const town = (await app.inject({ url: '/api/v1/dashboard', headers: townA.headers })).json();
    expect(town.totals.householdsCovered).toBe(1);
  });

  it("counts today's health checks due and done per township, a correction not counted twice, a slot due only once the file existed", async () => {
    const now = new Date();
    const today = shanghaiDateOf(now);
    const kp = await buildKeyPerson(db, county.villageB, { startDate: today });
    await db.execute(
      sql`UPDATE key_person SET created_at = ${new Date(shanghaiInstant(today, '00:00').getTime() - 3_600_000)} WHERE id = ${kp.id}`,
    );
    await buildKeyPerson(db, county.villageB, { startDate: today }); // opened just now: owes no slot whose window opened before
    const check = (id: string, slot: string, correctsId: string | null = null) =>
      db.execute(sql`INSERT INTO health_check (id, key_person_id, region_path, day, slot, temperature, measured_by, recorded_at, corrects_id)
                     VALUES (${id}::uuid, ${kp.id}, ${kp.regionPath}::ltree, ${today}::date, ${slot}, 36.5, 'doctor', now(), ${correctsId}::uuid)`);
    const first = crypto.randomUUID();
    await check(first, 'am');
    await check(crypto.randomUUID(), 'am', first); // a correction of the same slot
    const opened = (['am', 'pm'] as const).filter((slot) => slotWindowOf(today, slot).opensAt <= now).length;
    const body = (await app.inject({ url: '/api/v1/dashboard', headers: commander.headers })).json();
    const shown = Object.fromEntries(
      body.children.map((c: { name: string; checksDueToday: number; checksDoneToday: number }) => [
        c.name,
        [c.checksDueToday, c.checksDoneToday],
      ]),
    );
    expect(shown['官仓街道']).toEqual([opened, Math.min(opened, 1)]);
    expect(body.totals.checksDoneToday).toBe(Math.min(opened, 1));
  });

  it("draws the lead trend with the report's own figures: each day equals raisedToday and resolvedToday of that day's report", async () => {
    const first = (await app.inject({ url: '/api/v1/dashboard', headers: townA.headers })).json();
    const day = first.leadsByDay[10].day as string;
    const before = first.leadsByDay[9].day as string;
    const after = first.leadsByDay[11].day as string;
    const backdate = async (name: string, createdAt: string, resolvedAt: string | null = null) => {
      const { leadId } = await lead(county.villageA, name);
      await db.execute(
        sql`UPDATE lead SET created_at = ${createdAt}::timestamptz, resolved_at = ${resolvedAt}::timestamptz, status = ${resolvedAt ? 'dismissed' : 'open'} WHERE id = ${leadId}`,
      );
    };
    await backdate('戊', `${before}T18:00:00+08:00`); // at the cut-off: the next day's report
    await backdate('己', `${day}T17:59:59+08:00`, `${after}T09:00:00+08:00`);
    await backdate('庚', `${day}T18:00:00+08:00`, `${after}T19:00:00+08:00`); // resolved after the next day's cut-off
    const body = (await app.inject({ url: '/api/v1/dashboard', headers: townA.headers })).json();
    expect(body.leadsByDay.find((d: { day: string }) => d.day === day)).toEqual({ day, raised: 2, resolved: 0 });
    for (const d of body.leadsByDay as { day: string; raised: number; resolved: number }[]) {
      const preview = (
        await app.inject({
          url: `/api/v1/daily-reports/preview?regionId=${county.townshipA.id}&reportDate=${d.day}`,
          headers: townA.headers,
        })
      ).json();
      expect([d.day, d.raised, d.resolved]).toEqual([
        d.day,
        preview.live.leads.raisedToday,
        preview.live.leads.resolvedToday,
      ]);
    }
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
    const events = received
      .join('')
      .split('\n\n')
      .filter((e) => e.startsWith('event:'));
    expect(events).toHaveLength(1);
    expect(events[0]).toContain('event: lead.raised');
  });
});
