import { sql } from 'drizzle-orm';
import { under, type FigureSection } from '../../figures/section.js';

/** The register as it stands (state of now: the register keeps no history). */
export const populationFigures: FigureSection = {
  section: 'population',
  keys: ['households', 'persons', 'awayHouseholds', 'personsAway'],
  queries: (s) => [
    sql`SELECT ${s.key(sql`d.path`)} AS key, sum(t.households) AS households, sum(t.persons) AS persons
        FROM region d JOIN region_tally t ON t.region_id = d.id WHERE ${under(s, sql`d.path`)} GROUP BY 1`,
    // 举家外出: the household's status, which the latest visit that found the family away or home sets.
    sql`SELECT ${s.key(sql`h.region_path`)} AS key, count(*) AS "awayHouseholds",
               sum((SELECT count(*) FROM person p WHERE p.household_id = h.id)) AS "personsAway"
        FROM household h WHERE ${under(s, sql`h.region_path`)} AND h.status = 'away' GROUP BY 1`,
  ],
};
