import { sql } from 'drizzle-orm';
import { inDay, under, type FigureSection } from '../../figures/section.js';

/**
 * Checkpoint traffic of the report day, from the hourly tallies every entry keeps (an entry
 * counts in the hour it was recorded at the post, which the cut-off, on the hour, never splits).
 * 劝返 is given twice: 劝返车辆 (turnedBack: vehicles and pedestrians) and 劝返人次 (turnedBackPersons).
 */
export const checkpointFigures: FigureSection = {
  section: 'checkpoints',
  keys: ['vehicles', 'persons', 'turnedBack', 'turnedBackPersons', 'held', 'fevers'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`region_path`)} AS key, sum(vehicles) AS vehicles, sum(persons) AS persons, sum(turned_back) AS "turnedBack",
               sum(turned_back_persons) AS "turnedBackPersons", sum(held) AS held, sum(fevers) AS fevers
        FROM checkpoint_stat WHERE ${under(s, sql`region_path`)} AND ${inDay(s, sql`hour`)} GROUP BY 1`,
  ],
};
