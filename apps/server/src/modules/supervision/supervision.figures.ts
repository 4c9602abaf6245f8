import { sql } from 'drizzle-orm';
import { inDay, under, type FigureSection } from '../../figures/section.js';

/**
 * Inspections (督查) and findings (问题) as they now stand. An inspection counts for the place's
 * region on the report day it happened; a finding counts for its responsible region: open at the
 * cut-off (found by then and not closed by then), overdue among those when not reported done by
 * then and its deadline day is before the report day, rectified on the report day its rectification was verified.
 */
export const supervisionFigures: FigureSection = {
  section: 'supervision',
  keys: ['inspectionsToday', 'findingsToday', 'findingsOpen', 'findingsOverdue', 'rectifiedToday'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`region_path`)} AS key, count(*) AS "inspectionsToday"
        FROM inspection WHERE ${under(s, sql`region_path`)} AND ${inDay(s, sql`inspected_at`)} GROUP BY 1`,
    sql`SELECT ${s.key(sql`region_path`)} AS key,
               count(*) FILTER (WHERE ${inDay(s, sql`created_at`)}) AS "findingsToday",
               count(*) FILTER (WHERE created_at < ${s.asOf} AND (closed_at IS NULL OR closed_at >= ${s.asOf})) AS "findingsOpen",
               count(*) FILTER (WHERE created_at < ${s.asOf} AND (closed_at IS NULL OR closed_at >= ${s.asOf}) AND (reported_at IS NULL OR reported_at >= ${s.asOf}) AND deadline < ${s.day}::date) AS "findingsOverdue",
               count(*) FILTER (WHERE ${inDay(s, sql`closed_at`)}) AS "rectifiedToday"
        FROM finding WHERE ${under(s, sql`region_path`)} GROUP BY 1`,
  ],
};
