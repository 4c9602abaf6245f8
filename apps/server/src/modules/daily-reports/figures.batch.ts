import { sql, type SQL } from 'drizzle-orm';
import type { ReportFigures } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';

/**
 * The figures of every village and township under a root, computed set-based: each section is a
 * few grouped scans keyed by village (records at group level roll up to their village), then
 * every reporter sums the keys below it. Per-region `computeFigures` runs the same arithmetic for
 * one region; drill-down.test.ts holds the two equal. Every figure is a count of
 * records that belong to exactly one village, so the sums are exact (distinct counts included).
 */
interface Window { dayStart: Date; cutoff: Date }

const key = (column: SQL) => sql`subpath(${column}, 0, least(nlevel(${column}), 3))::text`;

/** Per section, the grouped queries whose columns are its figures (`key` plus counts). */
function sectionQueries(root: string, w: Window): Record<string, SQL[]> {
  const under = (column: SQL) => sql`${column} <@ ${root}::ltree`;
  const inDay = (column: SQL) => sql`${column} >= ${w.dayStart} AND ${column} < ${w.cutoff}`;
  return {
    population: [
      sql`SELECT ${key(sql`d.path`)} AS key, sum(t.households) AS households, sum(t.persons) AS persons FROM region d JOIN region_tally t ON t.region_id = d.id WHERE ${under(sql`d.path`)} GROUP BY 1`,
      sql`SELECT ${key(sql`h.region_path`)} AS key, count(*) AS "awayHouseholds" FROM household h WHERE ${under(sql`h.region_path`)} AND h.status = 'away' GROUP BY 1`,
    ],
    screening: [
      sql`SELECT ${key(sql`v.region_path`)} AS key,
             count(DISTINCT v.household_id) FILTER (WHERE ${inDay(sql`v.visited_at`)} AND v.outcome IN ('visited', 'away')) AS "householdsToday",
             count(DISTINCT v.household_id) FILTER (WHERE r.status = 'open' AND v.visited_at < ${w.cutoff} AND v.outcome IN ('visited', 'away')) AS "householdsCurrentRound",
             count(DISTINCT v.household_id) FILTER (WHERE v.visited_at < ${w.cutoff} AND v.outcome IN ('visited', 'away')) AS "householdsCumulative"
           FROM visit v JOIN screening_round r ON r.id = v.round_id WHERE ${under(sql`v.region_path`)} GROUP BY 1`,
      sql`SELECT ${key(sql`m.region_path`)} AS key, count(DISTINCT m.person_id) AS "personsToday"
           FROM visit_member m JOIN visit x ON x.id = m.visit_id WHERE ${under(sql`m.region_path`)} AND ${inDay(sql`x.visited_at`)} GROUP BY 1`,
    ],
    keyPersons: [
      sql`SELECT ${key(sql`region_path`)} AS key,
             count(*) FILTER (WHERE status = 'active') AS active,
             count(*) FILTER (WHERE status = 'active' AND measure = 'homeIsolation') AS "homeIsolation",
             count(*) FILTER (WHERE status = 'active' AND measure = 'centralIsolation') AS "centralIsolation",
             count(*) FILTER (WHERE ${inDay(sql`created_at`)}) AS "newToday",
             count(*) FILTER (WHERE status = 'released' AND ${inDay(sql`closed_at`)}) AS "releasedToday"
           FROM key_person WHERE ${under(sql`region_path`)} GROUP BY 1`,
    ],
    healthChecks: [
      sql`SELECT ${key(sql`region_path`)} AS key, count(*) AS "checksToday" FROM health_check
           WHERE ${under(sql`region_path`)} AND corrects_id IS NULL AND ${inDay(sql`recorded_at`)} GROUP BY 1`,
      sql`SELECT ${key(sql`region_path`)} AS key, count(*) AS overdue FROM check_alert
           WHERE ${under(sql`region_path`)} AND overdue_at < ${w.cutoff} AND (resolved_at IS NULL OR resolved_at >= ${w.cutoff}) GROUP BY 1`,
      sql`SELECT ${key(sql`region_path`)} AS key, count(*) FILTER (WHERE ${inDay(sql`created_at`)}) AS fevers,
             count(*) FILTER (WHERE status = 'open' AND created_at < ${w.cutoff}) AS "openTriage"
           FROM triage_task WHERE ${under(sql`region_path`)} GROUP BY 1`,
    ],
    checkpoints: [
      sql`SELECT ${key(sql`region_path`)} AS key, sum(vehicles) AS vehicles, sum(persons) AS persons, sum(turned_back) AS "turnedBack", sum(held) AS held, sum(fevers) AS fevers
           FROM checkpoint_stat WHERE ${under(sql`region_path`)} AND hour >= ${w.dayStart} AND hour < ${w.cutoff} GROUP BY 1`,
    ],
    leads: [
      sql`SELECT ${key(sql`region_path`)} AS key,
             count(*) FILTER (WHERE ${inDay(sql`created_at`)}) AS "raisedToday",
             count(*) FILTER (WHERE ${inDay(sql`resolved_at`)}) AS "resolvedToday",
             count(*) FILTER (WHERE created_at < ${w.cutoff} AND (resolved_at IS NULL OR resolved_at >= ${w.cutoff})) AS open,
             count(*) FILTER (WHERE created_at < ${w.cutoff} AND (resolved_at IS NULL OR resolved_at >= ${w.cutoff}) AND deadline < ${w.cutoff}) AS overdue
           FROM lead WHERE ${under(sql`region_path`)} GROUP BY 1`,
    ],
  };
}

/** The figure keys of each section, in report order, so a region without records reads zeros. */
export const FIGURE_KEYS: Record<string, string[]> = {
  population: ['households', 'persons', 'awayHouseholds'],
  screening: ['householdsToday', 'personsToday', 'householdsCurrentRound', 'householdsCumulative'],
  keyPersons: ['active', 'homeIsolation', 'centralIsolation', 'newToday', 'releasedToday'],
  healthChecks: ['checksToday', 'overdue', 'fevers', 'openTriage'],
  checkpoints: ['vehicles', 'persons', 'turnedBack', 'held', 'fevers'],
  leads: ['raisedToday', 'resolvedToday', 'open', 'overdue'],
};

/** Figures of every village and township at or below `root`, by region path. */
export async function computeAllFigures(tx: Tx, root: string, w: Window): Promise<Map<string, ReportFigures>> {
  const { rows: reporters } = await tx.execute<{ path: string }>(sql`SELECT path::text AS path FROM region WHERE path <@ ${root}::ltree AND level IN ('village', 'township')`);
  const out = new Map<string, ReportFigures>();
  for (const r of reporters) out.set(r.path, Object.fromEntries(Object.entries(FIGURE_KEYS).map(([s, keys]) => [s, Object.fromEntries(keys.map((k) => [k, 0]))])));
  const queries = Object.entries(sectionQueries(root, w)).flatMap(([section, list]) => list.map((q) => [section, q] as const));
  // One after the other on the same connection: in a transaction the queries cannot run side by side anyway.
  for (const [section, query] of queries) {
    const { rows } = await tx.execute<Record<string, string | number | null>>(query);
    for (const { key: at, ...counts } of rows) {
      const labels = String(at).split('.');
      for (let depth = 1; depth <= labels.length; depth++) {
        const target = out.get(labels.slice(0, depth).join('.'))?.[section];
        if (!target) continue;
        for (const [k, v] of Object.entries(counts)) target[k] = (target[k] ?? 0) + Number(v ?? 0);
      }
    }
  }
  return out;
}
