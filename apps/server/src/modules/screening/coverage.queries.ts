// The live arithmetic of a round: every household in the round's region and the actor's scope,
// classified by its latest visit. Everything is counted from the same CTE so that the figures and
// the lists behind them cannot disagree.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { HouseholdState } from './screening.schemas.js';

export interface CoverageScope {
  roundId: string;
  roundPath: string;
  actorPath: string;
  /** The region looked at (the round's, or one inside it). */
  focusPath: string;
}

/** The latest visit of each household in the round (by time, then id), with how many visits it had. */
function latestVisits(s: CoverageScope) {
  return sql`
    last AS (
      SELECT DISTINCT ON (v.household_id) v.household_id, v.outcome, v.visited_at, count(*) OVER (PARTITION BY v.household_id) AS n
      FROM visit v
      WHERE v.round_id = ${s.roundId} AND v.region_path <@ ${s.focusPath}::ltree AND v.region_path <@ ${s.actorPath}::ltree
      ORDER BY v.household_id, v.visited_at DESC, v.id DESC
    )`;
}

/** Households in scope with their state in the round. */
function householdStates(s: CoverageScope, extra: SQL = sql``) {
  return sql`
    ${latestVisits(s)},
    hs AS (
      SELECT h.id, h.region_path, h.grid_id, h.address, h.status, h.region_id, h.head_person_id,
             coalesce(l.outcome, 'notVisited') AS state, l.visited_at AS last_visit_at, coalesce(l.n, 0)::int AS visits
      FROM household h LEFT JOIN last l ON l.household_id = h.id
      WHERE h.region_path <@ ${s.roundPath}::ltree AND h.region_path <@ ${s.actorPath}::ltree AND h.region_path <@ ${s.focusPath}::ltree ${extra}
    )`;
}

const figures = sql`
  count(*)::int AS households,
  count(*) FILTER (WHERE state = 'visited')::int AS visited,
  count(*) FILTER (WHERE state = 'away')::int AS away,
  count(*) FILTER (WHERE state = 'nobodyHome')::int AS "nobodyHome",
  count(*) FILTER (WHERE state = 'refused')::int AS refused,
  count(*) FILTER (WHERE state = 'notVisited')::int AS "notVisited",
  count(*) FILTER (WHERE state IN ('notVisited', 'nobodyHome', 'refused'))::int AS missing`;

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

/**
 * The totals and the figures per group key in one pass (GROUPING SETS): `region` groups by the child
 * region below the focus (households lying directly in the focus region count under it), `grid` by
 * grid. Persons and leads are distinct counts over the round's visits to the same households.
 */
export async function selectCoverage(tx: Tx, s: CoverageScope, by: 'region' | 'grid'): Promise<(Figures & { key: string | null; total: boolean })[]> {
  const depth = sql`nlevel(${s.focusPath}::ltree) + 1`;
  const key = by === 'grid' ? sql`hs.grid_id::text` : sql`(CASE WHEN nlevel(hs.region_path) >= ${depth} THEN subpath(hs.region_path, 0, ${depth}) ELSE hs.region_path END)::text`;
  const result = await tx.execute(sql`
    WITH ${householdStates(s)},
    keyed AS MATERIALIZED (SELECT ${key} AS key, hs.id, hs.state FROM hs),
    counted AS (SELECT key, GROUPING(key) = 1 AS total, ${figures} FROM keyed GROUP BY GROUPING SETS ((key), ())),
    answered AS (
      SELECT k.key, GROUPING(k.key) = 1 AS total, count(DISTINCT m.person_id)::int AS persons
      FROM keyed k JOIN visit v ON v.household_id = k.id AND v.round_id = ${s.roundId}
      JOIN visit_member m ON m.visit_id = v.id GROUP BY GROUPING SETS ((k.key), ())
    ),
    raised AS (
      SELECT k.key, GROUPING(k.key) = 1 AS total, count(DISTINCT ls.lead_id)::int AS leads
      FROM keyed k JOIN visit v ON v.household_id = k.id AND v.round_id = ${s.roundId}
      JOIN lead_source ls ON ls.source = 'screening' AND ls.source_ref = v.id GROUP BY GROUPING SETS ((k.key), ())
    )
    SELECT c.*, coalesce(a.persons, 0)::int AS persons, coalesce(r.leads, 0)::int AS leads
    FROM counted c
    LEFT JOIN answered a ON a.total = c.total AND a.key IS NOT DISTINCT FROM c.key
    LEFT JOIN raised r ON r.total = c.total AND r.key IS NOT DISTINCT FROM c.key
    ORDER BY c.total DESC, c.key`);
  return result.rows as unknown as (Figures & { key: string | null; total: boolean })[];
}

export const STATE_SETS: Record<string, HouseholdState[]> = {
  missing: ['notVisited', 'nobodyHome', 'refused'],
  covered: ['visited', 'away'],
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
  total: number;
}

/** The households behind a figure, paged in walking order (region, address). */
export async function selectRoundHouseholds(tx: Tx, s: CoverageScope, filter: { states?: HouseholdState[]; gridId?: string; gridsOf?: string; q?: string; visitedFrom?: string; visitedTo?: string }, page: { page: number; pageSize: number }) {
  const extra = sql.join(
    [
      sql``,
      filter.gridId ? sql`AND h.grid_id = ${filter.gridId}` : sql``,
      filter.gridsOf ? sql`AND h.grid_id IN (SELECT w.grid_id FROM grid_worker w WHERE w.user_id = ${filter.gridsOf} UNION SELECT g.id FROM grid g WHERE g.leader_id = ${filter.gridsOf})` : sql``,
      filter.visitedFrom || filter.visitedTo
        ? sql`AND EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.round_id = ${s.roundId} AND v.outcome IN ('visited', 'away')
              AND v.visited_at >= ${filter.visitedFrom ?? '-infinity'}::timestamptz AND v.visited_at < ${filter.visitedTo ?? 'infinity'}::timestamptz)`
        : sql``,
      filter.q ? sql`AND (h.address ILIKE ${`%${filter.q}%`} OR EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.name LIKE ${`${filter.q}%`}))` : sql``,
    ],
    sql` `,
  );
  const states = filter.states?.length ? sql`WHERE hs.state IN (${sql.join(filter.states.map((x) => sql`${x}`), sql`, `)})` : sql``;
  const result = await tx.execute(sql`
    WITH ${householdStates(s, extra)}
    SELECT hs.id, hs.address, r.name AS "regionName", g.name AS "gridName", hs.status, hs.state,
           hs.last_visit_at AS "lastVisitAt", hs.visits,
           (SELECT p.name FROM person p WHERE p.id = hs.head_person_id) AS "headName",
           (SELECT count(*) FROM person p WHERE p.household_id = hs.id)::int AS "memberCount",
           (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.birth_date, p.id), '[]') FROM person p WHERE p.household_id = hs.id) AS members,
           count(*) OVER ()::int AS total
    FROM hs JOIN region r ON r.id = hs.region_id LEFT JOIN grid g ON g.id = hs.grid_id
    ${states}
    ORDER BY hs.region_path, hs.address, hs.id
    LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`);
  const rows = result.rows as unknown as RoundHouseholdRow[];
  const total = rows[0]?.total ?? 0;
  return {
    total,
    items: rows.map(({ total: _t, ...r }) => ({ ...r, lastVisitAt: r.lastVisitAt ? new Date(r.lastVisitAt).toISOString() : null })),
  };
}
