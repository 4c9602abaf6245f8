import { sql } from 'drizzle-orm';
import { FEVER_THRESHOLD_C } from '@fangkong/domain';
import { under, type FigureSection } from '../../figures/section.js';
import { underManagementAt } from '../key-persons/key-persons.figures.js';

/**
 * Checks count on their slot's day, whenever recorded (a paper check entered the next day counts
 * on its own day, as a difference to a report already submitted). A check's
 * value is its latest correction: a fever corrected to 36.5 is no fever.
 */
export const healthCheckFigures: FigureSection = {
  section: 'healthChecks',
  keys: ['checksToday', 'overdue', 'fevers', 'openTriage', 'slotsDue', 'slotsDone'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`h.region_path`)} AS key,
               count(*) FILTER (WHERE h.corrects_id IS NULL) AS "checksToday",
               count(DISTINCT h.key_person_id) FILTER (WHERE h.temperature >= ${FEVER_THRESHOLD_C} AND NOT EXISTS (
                 SELECT 1 FROM health_check c WHERE c.corrects_id = coalesce(h.corrects_id, h.id) AND c.recorded_at < ${s.known} AND (c.created_at, c.id) > (h.created_at, h.id))) AS fevers
        FROM health_check h WHERE ${under(s, sql`h.region_path`)} AND h.day = ${s.day}::date AND h.recorded_at < ${s.known} GROUP BY 1`,
    sql`SELECT ${s.key(sql`region_path`)} AS key, count(*) AS overdue FROM check_alert
        WHERE ${under(s, sql`region_path`)} AND overdue_at < ${s.asOf} AND (resolved_at IS NULL OR resolved_at >= ${s.asOf}) GROUP BY 1`,
    sql`SELECT ${s.key(sql`region_path`)} AS key, count(*) AS "openTriage" FROM triage_task
        WHERE ${under(s, sql`region_path`)} AND created_at < ${s.asOf} AND (status = 'open' OR acknowledged_at >= ${s.asOf}) GROUP BY 1`,
    // A slot is due once its window opened, if the file was under management then (a file opened
    // during a window owes nothing for it).
    sql`SELECT ${s.key(sql`kp.region_path`)} AS key, count(*) AS "slotsDue", count(h.id) AS "slotsDone"
        FROM key_person kp CROSS JOIN (VALUES ('am', ${s.slotOpens.am}::timestamptz), ('pm', ${s.slotOpens.pm}::timestamptz)) w(slot, opens)
        LEFT JOIN health_check h ON h.key_person_id = kp.id AND h.day = ${s.day}::date AND h.slot = w.slot AND h.corrects_id IS NULL AND h.recorded_at < ${s.asOf}
        WHERE ${under(s, sql`kp.region_path`)} AND w.opens <= ${s.asOf} AND ${s.day}::date BETWEEN kp.start_date AND kp.planned_end_date
          AND kp.created_at <= w.opens AND ${underManagementAt(sql`kp`, sql`w.opens`)}
        GROUP BY 1`,
  ],
};
