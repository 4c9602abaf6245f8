// Coverage is read from tallies the write path keeps (migration 0012). This file writes a mix of
// visits, revisits, replays, members, leads, merges, moves and deletions through the API and
// straight into the tables, and checks each time that the tallies equal a recount from the records.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildGrid, buildHousehold, buildRegion, buildRound, buildUser } from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';

type Row = {
  key: string | null;
  households: number;
  visited: number;
  away: number;
  nobodyHome: number;
  refused: number;
  notVisited: number;
  missing: number;
  persons: number;
  leads: number;
};

describe('coverage tallies against the records', async () => {
  // The visits below are dated in late November 2026: the clock stands a few days later.
  const { app, db } = await testApp({}, () => new Date('2026-11-25T00:00:00Z'));
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let admin: Session;
  let round: Awaited<ReturnType<typeof buildRound>>;
  let villageA2: Awaited<ReturnType<typeof buildRegion>>;
  let grids: { id: string }[] = [];
  const h: { id: string; memberIds: string[] }[] = [];

  beforeAll(async () => {
    county = await buildCounty(db);
    villageA2 = await buildRegion(db, '510121001002', '三星村', county.townshipA);
    await buildUser(db, { username: 'chief', role: 'townshipOfficer', region: county.county });
    grids = [
      await buildGrid(db, county.villageA, '一'),
      await buildGrid(db, county.villageA, '二'),
      await buildGrid(db, county.villageB, '三'),
    ];
    for (let i = 0; i < 4; i++) h.push(await buildHousehold(db, county.villageA, 3, grids[i % 2]!.id, `五凤村${i}号`));
    for (let i = 0; i < 3; i++) h.push(await buildHousehold(db, county.villageB, 2, grids[2]!.id, `石板村${i}号`));
    h.push(await buildHousehold(db, villageA2, 1, undefined, '三星村0号'));
    round = await buildRound(db, county.county);
    admin = await loginAs(app, 'chief');
  });

  const visit = (body: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/screening/rounds/${round.id}/visits`,
      payload: body,
      headers: admin.headers,
    });
  const coverage = async (regionId?: string) =>
    (
      await app.inject({
        url: `/api/v1/screening/rounds/${round.id}/coverage${regionId ? `?regionId=${regionId}` : ''}`,
        headers: admin.headers,
      })
    ).json();

  /** The figures recounted from visits, members and lead sources, grouped like the endpoint groups them. */
  async function recount(focusPath: string, by: 'region' | 'grid'): Promise<Row[]> {
    const depth = sql`nlevel(${focusPath}::ltree) + 1`;
    const key =
      by === 'grid'
        ? sql`h.grid_id::text`
        : sql`(CASE WHEN nlevel(h.region_path) >= ${depth} THEN subpath(h.region_path, 0, ${depth}) ELSE h.region_path END)::text`;
    const { rows } = await db.execute(sql`
      WITH last AS (SELECT DISTINCT ON (household_id) household_id, outcome FROM visit WHERE round_id = ${round.id} ORDER BY household_id, visited_at DESC, id DESC),
      p AS (SELECT v.household_id, count(DISTINCT m.person_id)::int AS n FROM visit v JOIN visit_member m ON m.visit_id = v.id WHERE v.round_id = ${round.id} GROUP BY 1),
      l AS (SELECT v.household_id, count(DISTINCT s.lead_id)::int AS n FROM visit v JOIN lead_source s ON s.source = 'screening' AND s.source_ref = v.id WHERE v.round_id = ${round.id} GROUP BY 1),
      hs AS (SELECT ${key} AS key, coalesce(last.outcome, 'notVisited') AS state, coalesce(p.n, 0) AS persons, coalesce(l.n, 0) AS leads
             FROM household h LEFT JOIN last ON last.household_id = h.id LEFT JOIN p ON p.household_id = h.id LEFT JOIN l ON l.household_id = h.id
             WHERE h.region_path <@ ${focusPath}::ltree)
      SELECT CASE WHEN GROUPING(key) = 1 THEN 'total' ELSE key END AS key, count(*)::int AS households,
             count(*) FILTER (WHERE state = 'visited')::int AS visited, count(*) FILTER (WHERE state = 'away')::int AS away,
             count(*) FILTER (WHERE state = 'nobodyHome')::int AS "nobodyHome", count(*) FILTER (WHERE state = 'refused')::int AS refused,
             count(*) FILTER (WHERE state = 'notVisited')::int AS "notVisited", count(*) FILTER (WHERE state IN ('notVisited', 'nobodyHome', 'refused'))::int AS missing,
             sum(persons)::int AS persons, sum(leads)::int AS leads
      FROM hs GROUP BY GROUPING SETS ((key), ()) ORDER BY 1`);
    return rows as unknown as Row[];
  }

  /** The endpoint's figures (county by township, and one village by grid) equal the recount. */
  async function expectTrue() {
    for (const [regionId, path, by] of [
      [undefined, county.county.path, 'region'],
      [county.villageA.id, county.villageA.path, 'grid'],
      [county.townshipA.id, county.townshipA.path, 'region'],
    ] as const) {
      const c = await coverage(regionId);
      const names = new Map<string, string>(
        (
          await db.execute(sql`SELECT path::text AS path, name FROM region UNION ALL SELECT id::text, name FROM grid`)
        ).rows.map((r) => [String(r.path), String(r.name)]),
      );
      const expected = await recount(path, by);
      const { key: _k, ...total } = expected.find((r) => r.key === 'total')!;
      expect(c.total).toEqual(total);
      const got = c.children.map(
        ({ kind: _kind, id: _id, name, ...f }: Row & { kind: string; id: string; name: string }) => ({ name, ...f }),
      );
      const want = expected
        .filter((r) => r.key !== 'total')
        .map(({ key, ...f }) => ({ name: key ? (names.get(key) ?? '') : '', ...f }));
      expect(got.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))).toEqual(
        want.sort((a, b) => a.name.localeCompare(b.name)),
      );
    }
    // The per-household standing: the latest covering visit of each household, else its latest visit.
    const drift = await db.execute(sql`
      SELECT h.id FROM household h
      LEFT JOIN household_visit_state s ON s.round_id = ${round.id} AND s.household_id = h.id
      LEFT JOIN LATERAL (SELECT v.outcome, count(*) OVER () AS n FROM visit v WHERE v.round_id = ${round.id} AND v.household_id = h.id ORDER BY v.outcome IN ('visited', 'away') DESC, v.visited_at DESC, v.id DESC LIMIT 1) l ON true
      WHERE s.state IS DISTINCT FROM l.outcome OR coalesce(s.visits, 0) <> coalesce(l.n, 0) OR s.region_id IS DISTINCT FROM (CASE WHEN s.household_id IS NULL THEN NULL ELSE h.region_id END)`);
    expect(drift.rows).toEqual([]);
  }

  it('holds after visits, a replay, a revisit after nobody home, members and leads', async () => {
    await expectTrue();
    const id = uuidv7();
    expect(
      (await visit({ id, householdId: h[0]!.id, outcome: 'nobodyHome', visitedAt: '2026-11-20T02:00:00Z' })).statusCode,
    ).toBe(201);
    expect(
      (await visit({ id, householdId: h[0]!.id, outcome: 'nobodyHome', visitedAt: '2026-11-20T02:00:00Z' })).statusCode,
    ).toBe(200);
    await expectTrue();
    await visit({
      householdId: h[0]!.id,
      outcome: 'visited',
      visitedAt: '2026-11-21T02:00:00Z',
      members: h[0]!.memberIds.map((personId, i) => ({ personId, present: true, symptoms: i === 0 ? ['咳嗽'] : [] })),
    });
    await visit({
      householdId: h[1]!.id,
      outcome: 'away',
      members: [{ personId: h[1]!.memberIds[0], present: false, awayPlace: '成都', temperature: 38.2 }],
    });
    await visit({ householdId: h[2]!.id, outcome: 'refused' });
    await visit({
      householdId: h[4]!.id,
      outcome: 'visited',
      members: [{ personId: h[4]!.memberIds[0], present: true }],
    });
    // A late-arriving offline write older than the household's latest visit does not overwrite it.
    await visit({ householdId: h[0]!.id, outcome: 'nobodyHome', visitedAt: '2026-11-19T02:00:00Z' });
    await expectTrue();
    const c = await coverage();
    expect(c.total).toMatchObject({
      households: 8,
      visited: 2,
      away: 1,
      refused: 1,
      notVisited: 4,
      missing: 5,
      persons: 5,
      leads: 2,
    });
  });

  it('holds when households are added after the round opened, change grid, move village or leave the round', async () => {
    // Added after the round opened: in scope, missing until visited.
    await app.inject({
      method: 'POST',
      url: '/api/v1/households',
      payload: { regionId: county.villageA.id, gridId: grids[0]!.id, address: '五凤村新1号' },
      headers: admin.headers,
    });
    await expectTrue();
    expect((await coverage()).total).toMatchObject({ households: 9, notVisited: 5 });
    // A visited household changes grid (through the API), another moves village, a third leaves the round's region.
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/households/${h[0]!.id}`,
          payload: { gridId: grids[1]!.id },
          headers: admin.headers,
        })
      ).statusCode,
    ).toBe(200);
    await db.execute(
      sql`UPDATE household SET region_id = ${villageA2.id}, region_path = ${villageA2.path}::ltree, grid_id = NULL WHERE id = ${h[1]!.id}`,
    );
    await expectTrue();
    const other = await buildRegion(db, '510122001001', '邻县某村');
    await db.execute(
      sql`UPDATE household SET region_id = ${other.id}, region_path = ${other.path}::ltree, grid_id = NULL WHERE id = ${h[4]!.id}`,
    );
    await expectTrue();
    expect((await coverage()).total).toMatchObject({ households: 8, visited: 1, persons: 4 });
  });

  it('holds when a member record is merged, a lead source is added and a visit is deleted', async () => {
    await visit({
      householdId: h[3]!.id,
      outcome: 'visited',
      members: h[3]!.memberIds.map((personId) => ({ personId, present: true })),
    });
    await expectTrue();
    // Two member records folded into one: the household now has one fewer distinct person answered.
    await db.execute(
      sql`UPDATE visit_member SET person_id = ${h[3]!.memberIds[0]} WHERE person_id = ${h[3]!.memberIds[1]}`,
    );
    await expectTrue();
    const [lead] = (await db.execute(sql`SELECT lead_id FROM lead_source LIMIT 1`)).rows as { lead_id: string }[];
    const [v3] = (await db.execute(sql`SELECT id FROM visit WHERE household_id = ${h[3]!.id}`)).rows as {
      id: string;
    }[];
    await db.execute(
      sql`INSERT INTO lead_source (id, lead_id, source, source_ref, reasons) VALUES (${uuidv7()}, ${lead!.lead_id}, 'screening', ${v3!.id}, ARRAY['symptoms'])`,
    );
    await expectTrue();
    await db.execute(sql`DELETE FROM lead_source WHERE source_ref = ${v3!.id}`);
    await db.execute(sql`DELETE FROM visit WHERE household_id = ${h[2]!.id}`);
    await expectTrue();
    // Several households' visits in one statement (a bulk load) are tallied together.
    await db.execute(sql`INSERT INTO visit (id, round_id, household_id, region_path, outcome, visited_at)
      SELECT gen_random_uuid(), ${round.id}, h.id, h.region_path, 'visited', now() FROM household h WHERE h.region_path <@ ${county.villageB.path}::ltree`);
    await expectTrue();
  });

  it("lists exactly the missing households, in walking order, with the tally's total", async () => {
    const res = (
      await app.inject({
        url: `/api/v1/screening/rounds/${round.id}/households?state=missing&pageSize=3`,
        headers: admin.headers,
      })
    ).json();
    const expected = (
      await db.execute(sql`
      SELECT h.address FROM household h WHERE h.region_path <@ ${county.county.path}::ltree
      AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.round_id = ${round.id} AND v.outcome IN ('visited', 'away')
                      AND NOT EXISTS (SELECT 1 FROM visit w WHERE w.household_id = h.id AND w.round_id = v.round_id AND (w.visited_at, w.id) > (v.visited_at, v.id)))
      ORDER BY h.region_path, h.address, h.id`)
    ).rows.map((r) => r.address);
    expect(res.total).toBe(expected.length);
    expect(res.items.map((x: { address: string }) => x.address)).toEqual(expected.slice(0, 3));
    const page2 = (
      await app.inject({
        url: `/api/v1/screening/rounds/${round.id}/households?state=missing&pageSize=3&page=2`,
        headers: admin.headers,
      })
    ).json();
    expect(page2.items.map((x: { address: string }) => x.address)).toEqual(expected.slice(3, 6));
  });
});
