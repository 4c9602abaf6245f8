import { sql } from 'drizzle-orm';
import { inDay, under, type FigureSection } from '../../figures/section.js';
import { underOrder } from './venues.queries.js';

/**
 * 场所管控: venues under an order (and of them closed) on the report day's date, as the orders now
 * stand; checks done and violations found in the report day's window, on the day they were done.
 */
export const venueFigures: FigureSection = {
  section: 'venues',
  keys: ['underOrder', 'closed', 'checksToday', 'violationsToday'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`v.region_path`)} AS key,
               count(*) FILTER (WHERE ${underOrder('v', s.day)}) AS "underOrder",
               count(*) FILTER (WHERE ${underOrder('v', s.day, 'close')}) AS closed
        FROM venue v WHERE ${under(s, sql`v.region_path`)} GROUP BY 1`,
    sql`SELECT ${s.key(sql`region_path`)} AS key, count(*) AS "checksToday", count(*) FILTER (WHERE result <> 'compliant') AS "violationsToday"
        FROM venue_check WHERE ${inDay(s, sql`checked_at`)} AND ${under(s, sql`region_path`)} GROUP BY 1`,
  ],
};
