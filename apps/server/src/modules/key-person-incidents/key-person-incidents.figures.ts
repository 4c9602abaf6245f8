import { sql } from 'drizzle-orm';
import { inDay, under, type FigureSection } from '../../figures/section.js';

/**
 * 不配合/违反居家隔离: incidents that happened on the report day (a paper record entered later
 * counts on its own day), and hand-overs to the police station made on the report day, each in
 * the region the key person was managed in when it was recorded.
 */
export const nonComplianceFigures: FigureSection = {
  section: 'nonCompliance',
  keys: ['incidentsToday', 'handedOverToday'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`region_path`)} AS key,
               count(*) FILTER (WHERE ${inDay(s, sql`occurred_at`)}) AS "incidentsToday",
               count(*) FILTER (WHERE ${inDay(s, sql`handed_over_at`)}) AS "handedOverToday"
        FROM key_person_incident WHERE ${under(s, sql`region_path`)} GROUP BY 1`,
  ],
};
