import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { shanghaiDateOf, isoDateSchema } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { invalid, notFound } from '../../http/problem.js';
import { selectRegionInScope } from '../regions/region-scope.js';
import { submissionsQuery } from './daily-reports.figures.js';

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
export const ratesSchema = z
  .object({ period: z.enum(PERIODS), from: z.string(), to: z.string(), rows: z.array(rowSchema) })
  .meta({ id: 'DailyReportRates' });

const DEFAULT_SPAN: Record<Period, string> = { day: '13 days', week: '55 days', month: '5 months' };
const MAX_DAYS = 366;
const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);

/**
 * Completeness and timeliness as DHIS2 reports them: for each period and level, the expected
 * reports (every village and township below the region, for every report day of the period up to
 * today), the actual reports and those on time. Set-based: one scan of the reports in the range.
 */
export async function reportingRates(db: Db, actor: Actor, q: z.infer<typeof ratesQuery>, now: Date) {
  const region = await selectRegionInScope(db, actor, q.regionId ?? actor.regionId);
  if (!region) throw notFound();
  const today = shanghaiDateOf(now);
  const to = q.to && q.to < today ? q.to : today;
  const from =
    q.from ??
    (
      await db.execute<{ d: string }>(
        sql`SELECT date_trunc(${q.period}, ${to}::date - ${DEFAULT_SPAN[q.period]}::interval)::date::text AS d`,
      )
    ).rows[0]!.d;
  if (from > to) throw invalid([{ field: 'from', key: 'dailyReport.range' }]);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_DAYS)
    throw invalid([{ field: 'from', key: 'dailyReport.range' }]);
  const { rows } = await db.execute<{
    period: string;
    level: 'village' | 'township';
    expected: number;
    actual: number;
    on_time: number;
  }>(sql`
    SELECT date_trunc(${q.period}, s.day)::date::text AS period, s.key AS level,
           sum(s.expected)::int AS expected, sum(s.submitted)::int AS actual, sum(s.on_time)::int AS on_time
    FROM (${submissionsQuery(region.path, from, to, sql`u.level`)}) s
    GROUP BY 1, 2 ORDER BY 1, 2 DESC`);
  return {
    period: q.period,
    from,
    to,
    rows: rows.map((r) => ({
      period: r.period,
      level: r.level,
      expected: r.expected,
      actual: r.actual,
      onTime: r.on_time,
      completeness: pct(r.actual, r.expected),
      timeliness: pct(r.on_time, r.expected),
    })),
  };
}
