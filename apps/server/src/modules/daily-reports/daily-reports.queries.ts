import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { dailyReport, region, users } from '../../db/schema/index.js';
import { inScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';
import { submissionsByDay } from './daily-reports.figures.js';

export { selectRegionInScope } from '../regions/region-scope.js';

const reportColumns = {
  id: dailyReport.id,
  regionId: dailyReport.regionId,
  regionName: region.name,
  level: region.level,
  reportDate: dailyReport.reportDate,
  version: dailyReport.version,
  isZero: dailyReport.isZero,
  figures: dailyReport.figures,
  remarks: dailyReport.remarks,
  problems: dailyReport.problems,
  suggestions: dailyReport.suggestions,
  correctionReason: dailyReport.correctionReason,
  submittedByName: users.displayName,
  submittedAt: dailyReport.submittedAt,
  late: dailyReport.late,
  regionPath: dailyReport.regionPath,
};

const reports = (tx: Tx) =>
  tx
    .select(reportColumns)
    .from(dailyReport)
    .innerJoin(region, eq(region.id, dailyReport.regionId))
    .innerJoin(users, eq(users.id, dailyReport.submittedBy));

export type ReportRow = Awaited<ReturnType<typeof selectVersions>>[number];

/** Every version of one region's report for one day, newest first. */
export const selectVersions = (tx: Tx, regionId: string, day: string) =>
  reports(tx)
    .where(and(eq(dailyReport.regionId, regionId), eq(dailyReport.reportDate, day)))
    .orderBy(desc(dailyReport.version));

export async function selectReport(tx: Tx, actor: Actor, id: string) {
  const [row] = await reports(tx).where(and(eq(dailyReport.id, id), inScope(actor, dailyReport.regionPath)));
  return row;
}

/** The latest snapshot of each village directly under a township, for the comparison with its live figures. */
export async function selectLatestChildFigures(tx: Tx, parentId: string, day: string) {
  const { rows } = await tx.execute<{ figures: Record<string, Record<string, number>> }>(sql`
    SELECT DISTINCT ON (r.region_id) r.figures FROM daily_report r JOIN region g ON g.id = r.region_id
    WHERE g.parent_id = ${parentId} AND r.report_date = ${day} ORDER BY r.region_id, r.version DESC`);
  return rows.map((r) => r.figures);
}

/** The region itself (when it reports) and its reporting children, with their latest report of the day. */
export async function selectReporters(tx: Tx, regionId: string, day: string) {
  const { rows } = await tx.execute<{
    region_id: string;
    name: string;
    level: string;
    report_id: string | null;
    version: number | null;
    is_zero: boolean | null;
    submitted_at: Date | null;
    first_late: boolean | null;
    reminders: number;
    last_reminded: Date | null;
    changed_below: boolean;
  }>(sql`
    SELECT g.id AS region_id, g.name, g.level, r.id AS report_id, r.version, r.is_zero, r.submitted_at,
           (SELECT f.late FROM daily_report f WHERE f.region_id = g.id AND f.report_date = ${day} AND f.version = 1) AS first_late,
           m.reminders, m.last_reminded,
           r.id IS NOT NULL AND EXISTS (SELECT 1 FROM region c JOIN daily_report x ON x.region_id = c.id
             WHERE c.parent_id = g.id AND x.report_date = ${day} AND x.submitted_at > r.submitted_at) AS changed_below
    FROM region g
    LEFT JOIN LATERAL (SELECT * FROM daily_report x WHERE x.region_id = g.id AND x.report_date = ${day} ORDER BY x.version DESC LIMIT 1) r ON true
    CROSS JOIN LATERAL (SELECT count(*)::int AS reminders, max(sent_at) AS last_reminded FROM report_reminder y WHERE y.region_id = g.id AND y.report_date = ${day}) m
    WHERE (g.id = ${regionId} OR g.parent_id = ${regionId}) AND g.level IN ('village', 'township')
    ORDER BY g.id = ${regionId} DESC, g.code`);
  return rows;
}

/** Completeness and timeliness over every village and township below a path. */
export async function selectRates(tx: Tx, path: string, day: string) {
  const rows = await submissionsByDay(tx, path, day, day, sql`u.level`);
  const rate = (level: string) => {
    const r = rows.find((x) => x.key === level);
    return { expected: r?.expected ?? 0, submitted: r?.submitted ?? 0, onTime: r?.onTime ?? 0 };
  };
  return { village: rate('village'), township: rate('township') };
}

/**
 * The children whose latest report of the day is newer than `since` (the parent's submission), with
 * their latest figures and those of the version that was current at `since` (null: none yet).
 */
export async function selectChangedBelow(tx: Tx, parentId: string, day: string, since: Date) {
  const { rows } = await tx.execute<{
    region_id: string;
    name: string;
    version: number;
    submitted_at: Date | string;
    figures: Record<string, Record<string, number>>;
    before: Record<string, Record<string, number>> | null;
  }>(sql`
    SELECT g.id AS region_id, g.name, l.version, l.submitted_at, l.figures,
           (SELECT b.figures FROM daily_report b WHERE b.region_id = g.id AND b.report_date = ${day} AND b.submitted_at <= ${since} ORDER BY b.version DESC LIMIT 1) AS before
    FROM region g
    JOIN LATERAL (SELECT * FROM daily_report x WHERE x.region_id = g.id AND x.report_date = ${day} ORDER BY x.version DESC LIMIT 1) l ON true
    WHERE g.parent_id = ${parentId} AND l.submitted_at > ${since}
    ORDER BY g.code`);
  return rows;
}
