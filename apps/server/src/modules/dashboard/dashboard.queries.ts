import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

/** The last `n` days in Asia/Shanghai, as a table `d(day)`. */
const days = (n: number) =>
  sql`(SELECT g::date AS day FROM generate_series((now() AT TIME ZONE 'Asia/Shanghai')::date - ${n - 1}::int, (now() AT TIME ZONE 'Asia/Shanghai')::date, interval '1 day') g) d`;

/**
 * Per child region: people (from the tally), open and overdue leads, today's reports, and the
 * households covered (visited or away and followed up) in the current round — the latest open round
 * over or inside the region, read from its screening tally — and today's health checks, due (two slots
 * per key person under a measure today) and done. Each count is one grouped scan of the
 * subtree keyed by the child's path, not a subquery per child.
 */
export async function selectChildren(tx: Tx, regionId: string, path: string, today: string) {
  const child = (column: ReturnType<typeof sql>) => sql`subpath(${column}, 0, nlevel(${path}::ltree) + 1)`;
  const below = (column: ReturnType<typeof sql>) => sql`${column} <@ ${path}::ltree AND nlevel(${column}) > nlevel(${path}::ltree)`;
  const { rows } = await tx.execute<{ region_id: string; name: string; level: string; households: number; persons: number; leads_open: number; leads_overdue: number; reports_expected: number; reports_submitted: number; households_covered: number; checks_due: number; checks_done: number }>(sql`
    WITH tally AS (
      SELECT ${child(sql`d.path`)} AS p, sum(x.households) AS households, sum(x.persons) AS persons
      FROM region d JOIN region_tally x ON x.region_id = d.id WHERE ${below(sql`d.path`)} GROUP BY 1
    ), leads AS (
      SELECT ${child(sql`l.region_path`)} AS p, count(*) AS open, count(*) FILTER (WHERE l.deadline < now()) AS overdue
      FROM lead l WHERE l.status = 'open' AND ${below(sql`l.region_path`)} GROUP BY 1
    ), reporters AS (
      SELECT ${child(sql`g.path`)} AS p, count(*) AS expected,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM daily_report f WHERE f.region_id = g.id AND f.report_date = ${today})) AS submitted
      FROM region g WHERE g.level IN ('village', 'township') AND ${below(sql`g.path`)} GROUP BY 1
    ), round AS (
      SELECT id FROM screening_round WHERE status = 'open' AND (region_path @> ${path}::ltree OR region_path <@ ${path}::ltree)
      ORDER BY created_at DESC, id DESC LIMIT 1
    ), covered AS (
      SELECT ${child(sql`g.path`)} AS p, sum(x.visited + x.away) AS n
      FROM screening_tally x JOIN region g ON g.id = x.region_id WHERE x.round_id = (SELECT id FROM round) AND ${below(sql`g.path`)} GROUP BY 1
    ), checks AS (
      SELECT ${child(sql`kp.region_path`)} AS p, 2 * count(*) AS due,
             sum((SELECT count(*) FROM health_check h WHERE h.key_person_id = kp.id AND h.day = ${today}::date AND h.corrects_id IS NULL)) AS done
      FROM key_person kp WHERE kp.status = 'active' AND kp.start_date <= ${today}::date AND kp.planned_end_date >= ${today}::date AND ${below(sql`kp.region_path`)} GROUP BY 1
    )
    SELECT c.id AS region_id, c.name, c.level,
      coalesce(t.households, 0)::int AS households, coalesce(t.persons, 0)::int AS persons,
      coalesce(l.open, 0)::int AS leads_open, coalesce(l.overdue, 0)::int AS leads_overdue,
      coalesce(r.expected, 0)::int AS reports_expected, coalesce(r.submitted, 0)::int AS reports_submitted,
      coalesce(v.n, 0)::int AS households_covered, coalesce(k.due, 0)::int AS checks_due, coalesce(k.done, 0)::int AS checks_done
    FROM region c LEFT JOIN tally t ON t.p = c.path LEFT JOIN leads l ON l.p = c.path LEFT JOIN reporters r ON r.p = c.path
      LEFT JOIN covered v ON v.p = c.path LEFT JOIN checks k ON k.p = c.path
    WHERE c.parent_id = ${regionId}
    ORDER BY c.code`);
  return rows;
}

/** Leads raised and resolved per day over 14 days: one grouped scan each, from the first day on. */
export async function selectLeadsByDay(tx: Tx, path: string) {
  const since = sql`(((now() AT TIME ZONE 'Asia/Shanghai')::date - 13)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const { rows } = await tx.execute<{ day: string; raised: number; resolved: number }>(sql`
    SELECT d.day::text AS day, coalesce(c.n, 0)::int AS raised, coalesce(r.n, 0)::int AS resolved
    FROM ${days(14)}
    LEFT JOIN (SELECT (created_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) AS n FROM lead WHERE region_path <@ ${path}::ltree AND created_at >= ${since} GROUP BY 1) c ON c.day = d.day
    LEFT JOIN (SELECT (resolved_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) AS n FROM lead WHERE region_path <@ ${path}::ltree AND resolved_at >= ${since} GROUP BY 1) r ON r.day = d.day
    ORDER BY d.day`);
  return rows;
}

export async function selectReportsByDay(tx: Tx, path: string) {
  const { rows } = await tx.execute<{ day: string; expected: number; submitted: number; on_time: number }>(sql`
    WITH reporters AS (SELECT id FROM region WHERE path <@ ${path}::ltree AND level IN ('village', 'township'))
    SELECT d.day::text AS day, (SELECT count(*) FROM reporters)::int AS expected,
      count(f.id)::int AS submitted, count(f.id) FILTER (WHERE NOT f.late)::int AS on_time
    FROM ${days(7)}
    LEFT JOIN daily_report f ON f.report_date = d.day AND f.version = 1 AND f.region_id IN (SELECT id FROM reporters)
    GROUP BY d.day ORDER BY d.day`);
  return rows.map((r) => ({ day: r.day, expected: r.expected, submitted: r.submitted, onTime: r.on_time }));
}

export async function selectOverdueLeads(tx: Tx, path: string) {
  const { rows } = await tx.execute<{ id: string; region_name: string; deadline: Date; sources: string[] }>(sql`
    SELECT l.id, r.name AS region_name, l.deadline, array(SELECT DISTINCT s.source FROM lead_source s WHERE s.lead_id = l.id) AS sources
    FROM lead l JOIN region r ON r.id = l.region_id
    WHERE l.region_path <@ ${path}::ltree AND l.status = 'open' AND l.deadline < now()
    ORDER BY l.deadline LIMIT 20`);
  return rows.map((r) => ({ id: r.id, regionName: r.region_name, deadline: new Date(r.deadline).toISOString(), sources: r.sources }));
}

/**
 * Key persons under management per day and category over 30 days, from the files' start and end
 * dates (a file counts from its start date to the day it closed, or today while open): one scan of
 * the files that overlap the window, joined to the days.
 */
export async function selectKeyPersonsByDay(tx: Tx, path: string) {
  const { rows } = await tx.execute<{ day: string; category: string; n: number }>(sql`
    WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
    spans AS (
      SELECT kp.category, kp.start_date AS first, coalesce((kp.closed_at AT TIME ZONE 'Asia/Shanghai')::date, (SELECT d FROM today)) AS last
      FROM key_person kp WHERE kp.region_path <@ ${path}::ltree AND kp.start_date <= (SELECT d FROM today)
        AND (kp.closed_at IS NULL OR kp.closed_at >= now() - interval '30 days')
    )
    SELECT d.day::text AS day, s.category, count(*)::int AS n
    FROM ${days(30)} JOIN spans s ON s.first <= d.day AND s.last >= d.day
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return rows;
}

/** Today's checkpoint flow per hour (Asia/Shanghai), from the hourly rollup the entries keep. */
export async function selectCheckpointFlow(tx: Tx, path: string, dayStart: Date) {
  const { rows } = await tx.execute<{ hour: number; vehicles: number; persons: number; turned_back: number }>(sql`
    SELECT extract(hour FROM hour AT TIME ZONE 'Asia/Shanghai')::int AS hour, sum(vehicles)::int AS vehicles, sum(persons)::int AS persons, sum(turned_back)::int AS turned_back
    FROM checkpoint_stat WHERE region_path <@ ${path}::ltree AND hour >= ${dayStart} GROUP BY 1 ORDER BY 1`);
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  return Array.from({ length: 24 }, (_, hour) => ({ hour, vehicles: byHour.get(hour)?.vehicles ?? 0, persons: byHour.get(hour)?.persons ?? 0, turnedBack: byHour.get(hour)?.turned_back ?? 0 }));
}
