import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { addDays } from '@fangkong/domain';
import { effectiveStart } from '../key-persons/key-persons.figures.js';
import { leadsByDay } from '../leads/leads.figures.js';
import { reportMoment } from '../daily-reports/figures.js';
import { submissionsByDay } from '../daily-reports/daily-reports.figures.js';
import { pathUnder } from '../../auth/scope.js';

/** The `n` report days up to `today`, as a table `d(day)`. */
const days = (n: number, today: string) =>
  sql`(SELECT g::date AS day FROM generate_series(${today}::date - ${n - 1}::int, ${today}::date, interval '1 day') g) d`;

/** The report day of an instant column: its Shanghai date, or the next from the cut-off on. */
const reportDayOf = (column: SQL, deadline: string) =>
  sql`((${column} AT TIME ZONE 'Asia/Shanghai') + (interval '24 hours' - ${`${deadline}:00`}::interval))::date`;

/** The child regions of a region (their figures come from the figure sections) and the reports submitted for a day. */
export async function selectChildren(tx: Tx, regionId: string, path: string, today: string) {
  const [{ rows }, submissions] = await Promise.all([
    tx.execute<{ region_id: string; name: string; level: string; path: string }>(sql`
      SELECT c.id AS region_id, c.name, c.level, c.path::text AS path FROM region c WHERE c.parent_id = ${regionId} ORDER BY c.code`),
    submissionsByDay(tx, path, today, today, sql`subpath(u.path, 0, nlevel(${path}::ltree) + 1)`, {
      strictlyBelow: true,
    }),
  ]);
  const byChild = new Map(submissions.map((s) => [s.key, s]));
  return rows.map((r) => ({
    ...r,
    reports_expected: byChild.get(r.path)?.expected ?? 0,
    reports_submitted: byChild.get(r.path)?.submitted ?? 0,
  }));
}

/** Leads raised and resolved on each of the 14 report days up to `today`, as each day's report counts them. */
export function selectLeadsByDay(tx: Tx, path: string, today: string, deadline: string, now: Date) {
  return leadsByDay(
    tx,
    path,
    Array.from({ length: 14 }, (_, i) => reportMoment(addDays(today, i - 13), deadline, now)),
  );
}

/** The reports of the region's units (itself included) over the 7 report days up to `today`. */
export async function selectReportsByDay(tx: Tx, path: string, today: string) {
  const rows = await submissionsByDay(tx, path, addDays(today, -6), today, sql`''`);
  return rows.map((r) => ({ day: r.day, expected: r.expected, submitted: r.submitted, onTime: r.onTime }));
}

export async function selectOverdueLeads(tx: Tx, path: string, now: Date) {
  const { rows } = await tx.execute<{ id: string; region_name: string; deadline: Date; sources: string[] }>(sql`
    SELECT l.id, r.name AS region_name, l.deadline, array(SELECT DISTINCT s.source FROM lead_source s WHERE s.lead_id = l.id) AS sources
    FROM lead l JOIN region r ON r.id = l.region_id
    WHERE ${pathUnder(sql`l.region_path`, path)} AND l.status = 'open' AND l.deadline < ${now}
    ORDER BY l.deadline LIMIT 20`);
  return rows.map((r) => ({
    id: r.id,
    regionName: r.region_name,
    deadline: new Date(r.deadline).toISOString(),
    sources: r.sources,
  }));
}

/**
 * Key persons under management per report day and category over 30 days, taken at each day's
 * cut-off as the report takes them: a file counts from the day its measure took effect to the day
 * before the report day it closed in (a person released today is no longer under management today).
 */
export async function selectKeyPersonsByDay(tx: Tx, path: string, today: string, deadline: string, now: Date) {
  const { rows } = await tx.execute<{ day: string; category: string; n: number }>(sql`
    WITH spans AS (
      SELECT kp.category, ${reportDayOf(effectiveStart(sql`kp`), deadline)} AS first,
             CASE WHEN kp.status = 'active' OR kp.closed_at IS NULL THEN ${today}::date ELSE ${reportDayOf(sql`kp.closed_at`, deadline)} - 1 END AS last
      FROM key_person kp WHERE ${pathUnder(sql`kp.region_path`, path)} AND kp.status <> 'hospitalized' AND kp.created_at < ${now}
        AND (kp.closed_at IS NULL OR kp.closed_at >= ${now}::timestamptz - interval '31 days')
    )
    SELECT d.day::text AS day, s.category, count(*)::int AS n
    FROM ${days(30, today)} JOIN spans s ON s.first <= d.day AND s.last >= d.day
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return rows;
}

/** Today's checkpoint flow per hour (Asia/Shanghai), from the hourly rollup the entries keep. */
export async function selectCheckpointFlow(tx: Tx, path: string, dayStart: Date) {
  const { rows } = await tx.execute<{ hour: number; vehicles: number; persons: number; turned_back: number }>(sql`
    SELECT extract(hour FROM hour AT TIME ZONE 'Asia/Shanghai')::int AS hour, sum(vehicles)::int AS vehicles, sum(persons)::int AS persons, sum(turned_back)::int AS turned_back
    FROM checkpoint_stat WHERE ${pathUnder(sql`region_path`, path)} AND hour >= ${dayStart} GROUP BY 1 ORDER BY 1`);
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  return Array.from({ length: 24 }, (_, hour) => ({
    hour,
    vehicles: byHour.get(hour)?.vehicles ?? 0,
    persons: byHour.get(hour)?.persons ?? 0,
    turnedBack: byHour.get(hour)?.turned_back ?? 0,
  }));
}
