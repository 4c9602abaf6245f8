import { sql, type SQL } from 'drizzle-orm';
import { KEY_PERSON_CATEGORIES } from '@fangkong/domain';
import { inDay, under, type FigureScope, type FigureSection } from '../../figures/section.js';

/**
 * When a file's measure took effect: the moment it was opened when it starts that day, else the
 * start of its start date (a back-entered file counts on the day its measure started, a file
 * planned ahead on the day it starts). A file opened at 21:00 thus belongs to the next report.
 */
export const effectiveStart = (kp: SQL) =>
  sql`(CASE WHEN ${kp}.start_date = (${kp}.created_at AT TIME ZONE 'Asia/Shanghai')::date THEN ${kp}.created_at ELSE ${kp}.start_date::timestamp AT TIME ZONE 'Asia/Shanghai' END)`;

/** Under management at an instant: opened and started by then, and not closed (released, transferred, lost) before it. */
export const underManagementAt = (kp: SQL, at: Date | SQL) =>
  sql`(${kp}.created_at < ${at} AND ${effectiveStart(kp)} < ${at} AND (${kp}.status = 'active' OR (${kp}.status <> 'hospitalized' AND ${kp}.closed_at >= ${at})))`;

const byCategory = KEY_PERSON_CATEGORIES.map(
  (c) => sql`count(*) FILTER (WHERE managed AND category = ${c}) AS ${sql.identifier(c)}`,
);

const managed = (s: FigureScope) => sql`
  SELECT kp.*, ${underManagementAt(sql`kp`, s.asOf)} AS managed FROM key_person kp WHERE ${under(s, sql`kp.region_path`)}`;

/** Files at the cut-off (现有), by measure and by category; new and released on the report day. */
export const keyPersonFigures: FigureSection = {
  section: 'keyPersons',
  keys: ['active', 'homeIsolation', 'centralIsolation', 'newToday', 'releasedToday'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`region_path`)} AS key,
               count(*) FILTER (WHERE managed) AS active,
               count(*) FILTER (WHERE managed AND measure = 'homeIsolation') AS "homeIsolation",
               count(*) FILTER (WHERE managed AND measure = 'centralIsolation') AS "centralIsolation",
               count(*) FILTER (WHERE created_at < ${s.known} AND ${effectiveStart(sql`k`)} >= ${s.dayStart} AND ${effectiveStart(sql`k`)} < ${s.asOf}) AS "newToday",
               count(*) FILTER (WHERE status = 'released' AND ${inDay(s, sql`closed_at`)}) AS "releasedToday"
        FROM (${managed(s)}) k GROUP BY 1`,
  ],
};

/** 现有重点人员 by category (确诊/疑似/密接/省外返…), the same files as `keyPersons.active`. */
export const keyPersonCategoryFigures: FigureSection = {
  section: 'keyPersonCategories',
  keys: KEY_PERSON_CATEGORIES,
  queries: (s) => [
    sql`SELECT ${s.key(sql`region_path`)} AS key, ${sql.join(byCategory, sql`, `)} FROM (${managed(s)}) k GROUP BY 1`,
  ],
};
