import { sql } from 'drizzle-orm';
import { inDay, under, type FigureSection } from '../../figures/section.js';
import { personsCancelled, stopped, tablesCancelled } from './gatherings.queries.js';

/**
 * 聚集性活动 settled in the report day's window (劝停 on the spot, a violation found), on the day it
 * was settled: stopped ones (cancelled or postponed), tables and persons not held, held in violation.
 */
export const gatheringFigures: FigureSection = {
  section: 'gatherings',
  keys: ['stoppedToday', 'tablesCancelled', 'personsCancelled', 'heldInViolation'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`g.region_path`)} AS key,
               count(*) FILTER (WHERE ${stopped('g')}) AS "stoppedToday",
               coalesce(sum(${tablesCancelled('g')}), 0) AS "tablesCancelled",
               coalesce(sum(${personsCancelled('g')}), 0) AS "personsCancelled",
               count(*) FILTER (WHERE g.outcome = 'heldInViolation') AS "heldInViolation"
        FROM gathering g WHERE ${inDay(s, sql`g.settled_at`)} AND ${under(s, sql`g.region_path`)} GROUP BY 1`,
  ],
};
