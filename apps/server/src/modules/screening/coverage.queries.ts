// The live arithmetic of a round, read from the tallies the write path keeps (migration 0012):
// household_visit_state holds each visited household's latest outcome, screening_tally their sums
// per (region, grid), region_tally the households per region. A household's state is that of its
// latest visit (by time, then id); a household counts where it lies now (one added after the round
// opened is missing until visited, one that moved carries its visits along); persons and leads are
// distinct per household across the round's visits to it.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { HouseholdState } from './screening.schemas.js';
import { pathUnder } from '../../auth/scope.js';

export interface CoverageScope {
  roundId: string;
  roundPath: string;
  actorPath: string;
  /** The region looked at (the round's, or one inside it). */
  focusPath: string;
}

export interface Figures {
  households: number;
  visited: number;
  away: number;
  nobodyHome: number;
  refused: number;
  notVisited: number;
  missing: number;
  persons: number;
  leads: number;
}

const under = (s: CoverageScope, path: SQL) =>
  sql`${pathUnder(path, s.focusPath)} AND ${pathUnder(path, s.roundPath)} AND ${pathUnder(path, s.actorPath)}`;

/**
 * The totals and the figures per group key in one pass (GROUPING SETS): `region` groups by the child
 * region below the focus (households lying directly in the focus region count under it), `grid` by
 * grid. `gridId` narrows everything to one grid. Households in scope come from region_tally when
 * grouping by region, from the household table (one village, or one grid) otherwise.
 */
export async function selectCoverage(
  tx: Tx,
  s: CoverageScope,
  by: 'region' | 'grid',
  gridId?: string,
): Promise<(Figures & { key: string | null; total: boolean })[]> {
  const depth = sql`nlevel(${s.focusPath}::ltree) + 1`;
  const regionKey = (path: SQL) =>
    sql`(CASE WHEN nlevel(${path}) >= ${depth} THEN subpath(${path}, 0, ${depth}) ELSE ${path} END)::text`;
  const grouped = by === 'region' && !gridId;
  const households = grouped
    ? sql`SELECT ${regionKey(sql`r.path`)} AS key, rt.households::bigint AS households, 0 AS visited, 0 AS away, 0 AS nobody_home, 0 AS refused, 0 AS persons, 0 AS leads
          FROM region_tally rt JOIN region r ON r.id = rt.region_id WHERE rt.households <> 0 AND ${under(s, sql`r.path`)}`
    : sql`SELECT h.grid_id::text AS key, count(*) AS households, 0, 0, 0, 0, 0, 0
          FROM household h WHERE ${under(s, sql`h.region_path`)} ${gridId ? sql`AND h.grid_id = ${gridId}` : sql``} GROUP BY h.grid_id`;
  const result = await tx.execute(sql`
    WITH parts AS (
      SELECT ${grouped ? regionKey(sql`r.path`) : sql`t.grid_id::text`} AS key, 0::bigint AS households, t.visited, t.away, t.nobody_home, t.refused, t.persons, t.leads
      FROM screening_tally t JOIN region r ON r.id = t.region_id
      WHERE t.round_id = ${s.roundId} AND ${under(s, sql`r.path`)} ${gridId ? sql`AND t.grid_id = ${gridId}` : sql``}
      UNION ALL ${households}
    ),
    summed AS (
      SELECT key, GROUPING(key) = 1 AS total, coalesce(sum(households), 0)::int AS households, coalesce(sum(visited), 0)::int AS visited,
             coalesce(sum(away), 0)::int AS away, coalesce(sum(nobody_home), 0)::int AS "nobodyHome", coalesce(sum(refused), 0)::int AS refused,
             coalesce(sum(persons), 0)::int AS persons, coalesce(sum(leads), 0)::int AS leads
      FROM parts GROUP BY GROUPING SETS ((key), ())
      HAVING GROUPING(key) = 1 OR sum(households) > 0
    )
    SELECT key, total, households, visited, away, "nobodyHome", refused,
           households - visited - away - "nobodyHome" - refused AS "notVisited",
           households - visited - away AS missing, persons, leads
    FROM summed ORDER BY total DESC, key`);
  return result.rows as unknown as (Figures & { key: string | null; total: boolean })[];
}

export const STATE_SETS: Record<string, HouseholdState[]> = {
  missing: ['notVisited', 'nobodyHome', 'refused'],
  covered: ['visited', 'away'],
};

const figureOf: Record<HouseholdState, keyof Figures> = {
  notVisited: 'notVisited',
  visited: 'visited',
  away: 'away',
  nobodyHome: 'nobodyHome',
  refused: 'refused',
};

interface RoundHouseholdRow {
  id: string;
  address: string;
  regionName: string;
  gridName: string | null;
  headName: string | null;
  status: 'resident' | 'away' | 'vacant';
  memberCount: number;
  members: { id: string; name: string }[];
  state: HouseholdState;
  lastVisitAt: Date | string | null;
  visits: number;
}

/**
 * The households behind a figure, paged in walking order (region, address): the household index is
 * walked in that order and each household's state probed by (round, household), so a page of missing
 * households costs a page of probes, not the round. The total comes from the tallies unless the
 * filter is one they do not know (a text search, "my grids", visit dates), which is narrow enough to count.
 */
export async function selectRoundHouseholds(
  tx: Tx,
  s: CoverageScope,
  filter: {
    states?: HouseholdState[];
    gridId?: string;
    unassigned?: boolean;
    gridsOf?: string;
    q?: string;
    visitedFrom?: string;
    visitedTo?: string;
  },
  page: { page: number; pageSize: number },
) {
  const where = sql.join(
    [
      under(s, sql`h.region_path`),
      filter.gridId ? sql`AND h.grid_id = ${filter.gridId}` : sql``,
      filter.unassigned ? sql`AND h.grid_id IS NULL` : sql``,
      filter.gridsOf
        ? sql`AND h.grid_id IN (SELECT w.grid_id FROM grid_worker w WHERE w.user_id = ${filter.gridsOf} UNION SELECT g.id FROM grid g WHERE g.leader_id = ${filter.gridsOf})`
        : sql``,
      filter.visitedFrom || filter.visitedTo
        ? sql`AND EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.round_id = ${s.roundId} AND v.outcome IN ('visited', 'away')
              AND v.visited_at >= ${filter.visitedFrom ?? '-infinity'}::timestamptz AND v.visited_at < ${filter.visitedTo ?? 'infinity'}::timestamptz)`
        : sql``,
      filter.q
        ? sql`AND (h.address ILIKE ${`%${filter.q}%`} OR EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.name LIKE ${`${filter.q}%`}))`
        : sql``,
    ],
    sql` `,
  );
  const states = filter.states?.length ? filter.states : undefined;
  const visitedStates = states?.filter((x) => x !== 'notVisited') ?? [];
  const inStates = visitedStates.length
    ? sql`s.state IN (${sql.join(
        visitedStates.map((x) => sql`${x}`),
        sql`, `,
      )})`
    : sql`false`;
  const stateCond = !states
    ? sql``
    : states.includes('notVisited')
      ? sql`AND (s.household_id IS NULL OR ${inStates})`
      : sql`AND ${inStates}`;
  const from = sql`household h LEFT JOIN household_visit_state s ON s.round_id = ${s.roundId} AND s.household_id = h.id WHERE ${where} ${stateCond}`;
  const result = await tx.execute(sql`
    WITH paged AS (
      SELECT h.id, h.region_path, h.address, h.region_id, h.grid_id, h.status, h.head_person_id, s.state, s.last_visit_at, s.visits
      FROM ${from}
      ORDER BY h.region_path, h.address, h.id
      LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}
    )
    SELECT x.id, x.address, r.name AS "regionName", g.name AS "gridName", x.status, coalesce(x.state, 'notVisited') AS state,
           x.last_visit_at AS "lastVisitAt", coalesce(x.visits, 0)::int AS visits,
           (SELECT p.name FROM person p WHERE p.id = x.head_person_id) AS "headName",
           (SELECT count(*) FROM person p WHERE p.household_id = x.id)::int AS "memberCount",
           (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.birth_date, p.id), '[]') FROM person p WHERE p.household_id = x.id) AS members
    FROM paged x JOIN region r ON r.id = x.region_id LEFT JOIN grid g ON g.id = x.grid_id
    ORDER BY x.region_path, x.address, x.id`);
  const rows = result.rows as unknown as RoundHouseholdRow[];
  let total: number;
  if (filter.q || filter.gridsOf || filter.unassigned || filter.visitedFrom || filter.visitedTo) {
    total = Number((await tx.execute(sql`SELECT count(*)::int AS n FROM ${from}`)).rows[0]?.n ?? 0);
  } else {
    const [figures] = await selectCoverage(tx, s, 'region', filter.gridId);
    total = !figures ? 0 : states ? states.reduce((n, x) => n + figures[figureOf[x]], 0) : figures.households;
  }
  return {
    total,
    items: rows.map((r) => ({ ...r, lastVisitAt: r.lastVisitAt ? new Date(r.lastVisitAt).toISOString() : null })),
  };
}
