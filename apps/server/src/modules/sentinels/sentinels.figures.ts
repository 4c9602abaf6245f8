import { sql } from 'drizzle-orm';
import { inDay, under, type FigureSection } from '../../figures/section.js';

/**
 * 哨点监测: sales of the four drug classes recorded in the report day's window, counted in the
 * buyer's village (`salesToday`, drill-down: the sales list), and the sites registered in the
 * region (`sites`, as they now stand; drill-down: the site list with each pharmacy's counts).
 */
export const sentinelFigures: FigureSection = {
  section: 'sentinels',
  keys: ['salesToday', 'sites'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`region_path`)} AS key, count(*) AS "salesToday"
        FROM sentinel_sale WHERE ${inDay(s, sql`sold_at`)} AND ${under(s, sql`region_path`)} GROUP BY 1`,
    sql`SELECT ${s.key(sql`region_path`)} AS key, count(*) AS sites
        FROM sentinel WHERE ${under(s, sql`region_path`)} GROUP BY 1`,
  ],
};
