import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

/** The last `n` days in Asia/Shanghai, as a table `d(day)`. */
const days = (n: number) =>
  sql`(SELECT g::date AS day FROM generate_series((now() AT TIME ZONE 'Asia/Shanghai')::date - ${n - 1}::int, (now() AT TIME ZONE 'Asia/Shanghai')::date, interval '1 day') g) d`;

/** Per child region: people (from the tally), open and overdue leads, today's reports. */
export async function selectChildren(tx: Tx, regionId: string, today: string) {
  const { rows } = await tx.execute<{ region_id: string; name: string; level: string; households: number; persons: number; leads_open: number; leads_overdue: number; reports_expected: number; reports_submitted: number }>(sql`
    SELECT c.id AS region_id, c.name, c.level,
      coalesce(t.households, 0)::int AS households, coalesce(t.persons, 0)::int AS persons,
      (SELECT count(*) FROM lead l WHERE l.region_path <@ c.path AND l.status = 'open')::int AS leads_open,
      (SELECT count(*) FROM lead l WHERE l.region_path <@ c.path AND l.status = 'open' AND l.deadline < now())::int AS leads_overdue,
      (SELECT count(*) FROM region g WHERE g.path <@ c.path AND g.level IN ('village', 'township'))::int AS reports_expected,
      (SELECT count(DISTINCT f.region_id) FROM daily_report f WHERE f.region_path <@ c.path AND f.report_date = ${today})::int AS reports_submitted
    FROM region c
    LEFT JOIN LATERAL (SELECT sum(x.households) AS households, sum(x.persons) AS persons FROM region d JOIN region_tally x ON x.region_id = d.id WHERE d.path <@ c.path) t ON true
    WHERE c.parent_id = ${regionId}
    ORDER BY c.code`);
  return rows;
}

export async function selectLeadsByDay(tx: Tx, path: string) {
  const { rows } = await tx.execute<{ day: string; raised: number; resolved: number }>(sql`
    SELECT d.day::text AS day,
      (SELECT count(*) FROM lead l WHERE l.region_path <@ ${path}::ltree AND (l.created_at AT TIME ZONE 'Asia/Shanghai')::date = d.day)::int AS raised,
      (SELECT count(*) FROM lead l WHERE l.region_path <@ ${path}::ltree AND (l.resolved_at AT TIME ZONE 'Asia/Shanghai')::date = d.day)::int AS resolved
    FROM ${days(14)} ORDER BY d.day`);
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
