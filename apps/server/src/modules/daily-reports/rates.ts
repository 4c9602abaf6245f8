import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { chinaDateOf, isoDateSchema } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { invalid, notFound } from '../../http/problem.js';
import { selectRegionInScope } from '../regions/region-scope.js';

export const PERIODS = ['day', 'week', 'month'] as const;
type Period = (typeof PERIODS)[number];

export const ratesQuery = z.object({
  regionId: z.uuid('invalidUuid').optional(),
  period: z.enum(PERIODS, 'invalidEnum').default('day'),
  from: isoDateSchema.optional().describe('first report day; default 14 days, 8 weeks or 6 months back'),
  to: isoDateSchema.optional().describe('last report day; default today, never later'),
});

const rowSchema = z.object({
  period: z.string().describe('the first day of the period (weeks start on Monday)'),
  level: z.enum(['village', 'township']),
  expected: z.number().int().describe('reporting units × report days in the period'),
  actual: z.number().int().describe('reports submitted (first versions)'),
  onTime: z.number().int().describe('reports whose first version came before the deadline'),
  completeness: z.number().describe('actual / expected, in percent'),
  timeliness: z.number().describe('onTime / expected, in percent'),
});
export const ratesSchema = z.object({ period: z.enum(PERIODS), from: z.string(), to: z.string(), rows: z.array(rowSchema) }).meta({ id: 'DailyReportRates' });

const DEFAULT_SPAN: Record<Period, string> = { day: '13 days', week: '55 days', month: '5 months' };
const MAX_DAYS = 366;
const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);

/**
 * Completeness and timeliness as DHIS2 reports them: for each period and level, the expected
 * reports (every village and township below the region, for every report day of the period up to
 * today), the actual reports and those on time. Set-based: one scan of the reports in the range.
 */
export async function reportingRates(db: Db, actor: Actor, q: z.infer<typeof ratesQuery>, now = new Date()) {
  const region = await selectRegionInScope(db, actor, q.regionId ?? actor.regionId);
  if (!region) throw notFound();
  const today = chinaDateOf(now);
  const to = q.to && q.to < today ? q.to : today;
  const from = q.from ?? (await db.execute<{ d: string }>(sql`SELECT date_trunc(${q.period}, ${to}::date - ${DEFAULT_SPAN[q.period]}::interval)::date::text AS d`)).rows[0]!.d;
  if (from > to) throw invalid([{ field: 'from', key: 'dailyReport.range' }]);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_DAYS) throw invalid([{ field: 'from', key: 'dailyReport.range' }]);
  const { rows } = await db.execute<{ period: string; level: 'village' | 'township'; expected: number; actual: number; on_time: number }>(sql`
    WITH reporters AS (SELECT id, level FROM region WHERE path <@ ${region.path}::ltree AND level IN ('village', 'township')),
    days AS (SELECT g::date AS day FROM generate_series(${from}::date, ${to}::date, interval '1 day') g),
    firsts AS (SELECT f.region_id, f.report_date, f.late FROM daily_report f JOIN reporters r ON r.id = f.region_id
               WHERE f.version = 1 AND f.report_date BETWEEN ${from}::date AND ${to}::date)
    SELECT date_trunc(${q.period}, d.day)::date::text AS period, r.level,
           count(*)::int AS expected, count(f.region_id)::int AS actual, count(f.region_id) FILTER (WHERE NOT f.late)::int AS on_time
    FROM days d CROSS JOIN reporters r LEFT JOIN firsts f ON f.region_id = r.id AND f.report_date = d.day
    GROUP BY 1, 2 ORDER BY 1, 2 DESC`);
  return {
    period: q.period,
    from,
    to,
    rows: rows.map((r) => ({ period: r.period, level: r.level, expected: r.expected, actual: r.actual, onTime: r.on_time, completeness: pct(r.actual, r.expected), timeliness: pct(r.on_time, r.expected) })),
  };
}
