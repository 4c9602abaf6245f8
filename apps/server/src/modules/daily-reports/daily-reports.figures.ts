// Reports submitted (完成率、及时率): one definition for the status page, the rates, and the
// dashboard's counts and trend. See docs/figures.md.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { pathUnder, pathStrictlyUnder } from '../../auth/scope.js';

/**
 * For each report day from `from` to `to` and each group of reporting units (the villages and
 * townships at or below `path`, `strictlyBelow` leaving out the region itself, grouped by `key` of
 * the unit's row `u`): the units expected to report, those whose report of the day is in (its first
 * version: a correction does not count twice), and those whose first version beat the deadline.
 * Columns: day, key, expected, submitted, on_time.
 */
export function submissionsQuery(
  path: string,
  from: string,
  to: string,
  key: SQL,
  opts: { strictlyBelow?: boolean } = {},
): SQL {
  return sql`
    SELECT d.day, ${key} AS key, count(*)::int AS expected, count(f.id)::int AS submitted, count(f.id) FILTER (WHERE NOT f.late)::int AS on_time
    FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS d(day)
    CROSS JOIN region u
    LEFT JOIN daily_report f ON f.region_id = u.id AND f.report_date = d.day::date AND f.version = 1
    WHERE ${opts.strictlyBelow ? pathStrictlyUnder(sql`u.path`, path) : pathUnder(sql`u.path`, path)} AND u.level IN ('village', 'township')
    GROUP BY 1, 2`;
}

export interface Submissions {
  day: string;
  key: string;
  expected: number;
  submitted: number;
  onTime: number;
}

/** `submissionsQuery`, run. */
export async function submissionsByDay(
  tx: Tx,
  path: string,
  from: string,
  to: string,
  key: SQL,
  opts: { strictlyBelow?: boolean } = {},
): Promise<Submissions[]> {
  const { rows } = await tx.execute<{
    day: string;
    key: string;
    expected: number;
    submitted: number;
    on_time: number;
  }>(sql`
    SELECT s.day::date::text AS day, s.key::text AS key, s.expected, s.submitted, s.on_time FROM (${submissionsQuery(path, from, to, key, opts)}) s ORDER BY 1, 2`);
  return rows.map((r) => ({ day: r.day, key: r.key, expected: r.expected, submitted: r.submitted, onTime: r.on_time }));
}
