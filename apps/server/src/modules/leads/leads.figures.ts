import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { inDay, under, type FigureSection } from '../../figures/section.js';
import { pathUnder } from '../../auth/scope.js';

/** A lead is raised in the window its record was made in (the report day's `raisedToday`, the dashboard's trend). */
const raisedIn = (from: Date | SQL, to: Date | SQL) => sql`created_at >= ${from} AND created_at < ${to}`;
/** A lead is resolved in the window it was dismissed or verified in (`resolvedToday`, the trend). */
const resolvedIn = (from: Date | SQL, to: Date | SQL) => sql`resolved_at >= ${from} AND resolved_at < ${to}`;

/**
 * Leads (线索) as they now stand: one open lead per person, a dismissed or verified one resolved.
 * Leads held at township level (an unmatched list row, an outsider at its checkpoint) count for
 * the township and above, never for a village.
 */
export const leadFigures: FigureSection = {
  section: 'leads',
  keys: ['raisedToday', 'resolvedToday', 'open', 'overdue'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`region_path`)} AS key,
               count(*) FILTER (WHERE ${raisedIn(s.dayStart, s.asOf)}) AS "raisedToday",
               count(*) FILTER (WHERE ${resolvedIn(s.dayStart, s.asOf)}) AS "resolvedToday",
               count(*) FILTER (WHERE created_at < ${s.asOf} AND (resolved_at IS NULL OR resolved_at >= ${s.asOf})) AS open,
               count(*) FILTER (WHERE created_at < ${s.asOf} AND (resolved_at IS NULL OR resolved_at >= ${s.asOf}) AND deadline < ${s.asOf}) AS overdue
        FROM lead WHERE ${under(s, sql`region_path`)} GROUP BY 1`,
  ],
};

/** One report day's window: from the previous day's cut-off to its own (or now, when earlier). */
export interface DayWindow {
  day: string;
  dayStart: Date;
  asOf: Date;
}

/**
 * `raisedToday` and `resolvedToday` of the region at `root` for each of several report days (the
 * dashboard's trend): the same conditions as the report's figures, one scan for all the days.
 */
export async function leadsByDay(tx: Tx, root: string, days: DayWindow[]) {
  if (!days.length) return [];
  const since = new Date(Math.min(...days.map((d) => d.dayStart.getTime())));
  const windows = JSON.stringify(
    days.map((d) => ({ day: d.day, day_start: d.dayStart.toISOString(), as_of: d.asOf.toISOString() })),
  );
  const { rows } = await tx.execute<{ day: string; raised: number; resolved: number }>(sql`
    WITH l AS MATERIALIZED (SELECT created_at, resolved_at FROM lead WHERE ${pathUnder(sql`region_path`, root)} AND (created_at >= ${since} OR resolved_at >= ${since}))
    SELECT w.day::text AS day,
           (SELECT count(*) FROM l WHERE ${raisedIn(sql`w.day_start`, sql`w.as_of`)})::int AS raised,
           (SELECT count(*) FROM l WHERE ${resolvedIn(sql`w.day_start`, sql`w.as_of`)})::int AS resolved
    FROM jsonb_to_recordset(${windows}::jsonb) AS w(day date, day_start timestamptz, as_of timestamptz)
    ORDER BY w.day`);
  return rows;
}

/**
 * 协查名单 received on the report day (N批次N人): the lists (batches) with a row in the region, the
 * persons they named (each once, however many lists name them), and how many of those persons'
 * leads were verified by the cut-off. A list can span villages: `batches` is a set the engine unites.
 */
export const assistListFigures: FigureSection = {
  section: 'assistLists',
  keys: ['batches', 'persons', 'verified'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`l.region_path`)} AS key, array_agg(DISTINCT x.source_ref::text) AS batches, count(DISTINCT l.id) AS persons,
               count(DISTINCT l.id) FILTER (WHERE l.status = 'verified' AND l.resolved_at < ${s.asOf}) AS verified
        FROM lead_source x JOIN lead l ON l.id = x.lead_id
        WHERE x.source = 'assistRequest' AND ${inDay(s, sql`x.created_at`)} AND ${under(s, sql`l.region_path`)} GROUP BY 1`,
  ],
};
