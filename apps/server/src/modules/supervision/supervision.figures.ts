import { sql } from 'drizzle-orm';
import { inDay, under, type FigureSection } from '../../figures/section.js';

/**
 * Inspections (督查) and findings (问题) as they now stand. An inspection counts for the place's
 * region on the report day it happened; a finding counts for its responsible region: open at the
 * cut-off (found by then and not closed by then), overdue among those when not reported done by
 * then, not waiting on a supply then, and its deadline day is before the report day, rectified on the report day its rectification was verified.
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
               count(*) FILTER (WHERE created_at < ${s.asOf} AND (closed_at IS NULL OR closed_at >= ${s.asOf}) AND (reported_at IS NULL OR reported_at >= ${s.asOf}) AND deadline < ${s.day}::date
                 AND NOT (waiting_since IS NOT NULL AND waiting_since < ${s.asOf} AND (waiting_ended_at IS NULL OR waiting_ended_at >= ${s.asOf}))) AS "findingsOverdue",
               count(*) FILTER (WHERE ${inDay(s, sql`closed_at`)}) AS "rectifiedToday"
        FROM finding WHERE ${under(s, sql`region_path`)} GROUP BY 1`,
  ],
};

/**
 * Data-truth spot checks (数据核查): samples drawn for the region's figures on the report day, and
 * the sampled records asked about (confirmed or discrepant) that day, by the record's region. The
 * discrepancy rate is discrepancies / recordsChecked: a ratio does not add up across regions, so
 * the engine keeps the two counts and the pages divide.
 */
export const spotCheckFigures: FigureSection = {
  section: 'spotChecks',
  keys: ['spotChecksToday', 'recordsChecked', 'discrepancies'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`region_path`)} AS key, count(*) AS "spotChecksToday"
        FROM spot_check WHERE ${under(s, sql`region_path`)} AND ${inDay(s, sql`created_at`)} GROUP BY 1`,
    sql`SELECT ${s.key(sql`region_path`)} AS key, count(*) AS "recordsChecked",
               count(*) FILTER (WHERE outcome = 'discrepant') AS "discrepancies"
        FROM spot_check_record WHERE ${under(s, sql`region_path`)} AND ${inDay(s, sql`checked_at`)} GROUP BY 1`,
  ],
};
