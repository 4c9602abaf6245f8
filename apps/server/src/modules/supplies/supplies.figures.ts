import { sql } from 'drizzle-orm';
import { coverWindow } from '@fangkong/domain';
import { under, type FigureSection } from '../../figures/section.js';
import { lowCoverDaysOf, shortWhen } from './supplies.queries.js';

/**
 * 物资 at the cut-off: a store's item is short when its stock then (the sum of its movements so far)
 * lasts fewer than the county's days (its setting, default 3) at the pace of the 7 whole days before that day (the same rule
 * as the store's stock page and the list of stores short). A store lies in one region.
 */
export const supplyFigures: FigureSection = {
  section: 'supplies',
  keys: ['storesShort', 'itemsShort'],
  queries: (s) => {
    const w = coverWindow(s.asOf);
    return [
      sql`SELECT key, count(DISTINCT store_id) AS "storesShort", count(*) AS "itemsShort" FROM (
            SELECT ${s.key(sql`region_path`)} AS key, store_id, item_id, sum(quantity)::int AS stock,
                   coalesce(-sum(quantity) FILTER (WHERE kind = 'issue' AND recorded_at >= ${w.from} AND recorded_at < ${w.to}), 0)::int AS issued
            FROM stock_movement WHERE ${under(s, sql`region_path`)} AND recorded_at < ${s.asOf} GROUP BY 1, store_id, item_id
          ) x WHERE ${shortWhen(sql`x.stock`, sql`x.issued`, lowCoverDaysOf(s.root.split('.')[0]!))} GROUP BY key`,
    ];
  },
};
