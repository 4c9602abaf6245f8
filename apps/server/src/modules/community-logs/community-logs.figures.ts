import { sql } from 'drizzle-orm';
import { inDay, under, type FigureSection } from '../../figures/section.js';

/** 消杀 done in the report day's window, on the day it was done: sessions and their area. */
export const disinfectionFigures: FigureSection = {
  section: 'disinfections',
  keys: ['sessionsToday', 'areaToday'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`region_path`)} AS key, count(*) AS "sessionsToday", coalesce(sum(area_m2), 0) AS "areaToday"
        FROM disinfection WHERE ${inDay(s, sql`done_at`)} AND ${under(s, sql`region_path`)} GROUP BY 1`,
  ],
};

/** 宣传 of the report day's date: broadcast hours (村村响) and persons WeChat and SMS messages went to. */
export const publicityFigures: FigureSection = {
  section: 'publicity',
  keys: ['broadcastHours', 'reach'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`region_path`)} AS key, coalesce(sum(hours) FILTER (WHERE kind = 'broadcast'), 0)::float8 AS "broadcastHours", coalesce(sum(reach), 0) AS reach
        FROM publicity WHERE day = ${s.day}::date AND ${under(s, sql`region_path`)} GROUP BY 1`,
  ],
};
