// 疫苗接种 coverage: the one definition the daily report, the dashboard, the coverage page, its
// workbook and the persons lists share. A person counts in the population of an age group when
// registered with a birth date and aged 3 or more on the day; vaccinated for a dose (first, full,
// booster) when a dose of a kind that counts for it was given on or before the day.
import { sql, type SQL } from 'drizzle-orm';
import { AGE_GROUPS, COVERAGE_KINDS, type AgeGroup, type CoverageDose } from '@fangkong/domain';
import { pathUnder } from '../../auth/scope.js';
import type { FigureSection } from '../../figures/section.js';

const yearsBefore = (day: string | SQL, years: number) => sql`(${day}::date - make_interval(years => ${years}))::date`;

/** The age group of person `p` on `day` (the domain's AGE_GROUPS as SQL), NULL under 3 or without a birth date. */
export const ageGroupSql = (day: string | SQL): SQL =>
  sql`CASE ${sql.join(
    AGE_GROUPS.map(
      (g) =>
        sql`WHEN p.birth_date <= ${yearsBefore(day, g.min)}${g.max === null ? sql`` : sql` AND p.birth_date > ${yearsBefore(day, g.max + 1)}`} THEN ${g.key}`,
    ),
    sql` `,
  )} END`;

/** Person `p` is in the population counted: aged 3 or more on `day` (in `group`, when given). */
export const eligible = (day: string | SQL, group?: AgeGroup): SQL =>
  group ? sql`(${ageGroupSql(day)}) = ${group}` : sql`p.birth_date <= ${yearsBefore(day, AGE_GROUPS[0].min)}`;

const kindsOf = (dose: CoverageDose) =>
  sql.join(
    COVERAGE_KINDS[dose].map((k) => sql`${k}`),
    sql`, `,
  );

/** Person `p` had a dose counting for `dose` by `day`. */
export const vaccinated = (dose: CoverageDose, day: string | SQL): SQL =>
  sql`EXISTS (SELECT 1 FROM vaccination_dose d WHERE d.person_id = p.id AND d.given_on <= ${day}::date AND d.kind IN (${kindsOf(dose)}))`;

/**
 * Coverage counts grouped by `key` (an expression over `p.region_path`) and age group, over the
 * persons at or below `root`: population, first, full, booster.
 */
export const coverageCounts = (key: SQL, root: string, day: string): SQL => sql`
  SELECT ${key} AS key, g.age_group AS "ageGroup", count(*)::int AS population,
         count(*) FILTER (WHERE g.first)::int AS first, count(*) FILTER (WHERE g.full)::int AS full,
         count(*) FILTER (WHERE g.booster)::int AS booster
  FROM person p
  CROSS JOIN LATERAL (SELECT ${ageGroupSql(day)} AS age_group,
      ${vaccinated('first', day)} AS first, ${vaccinated('full', day)} AS full, ${vaccinated('booster', day)} AS booster) g
  WHERE ${pathUnder(sql`p.region_path`, root)} AND ${eligible(day)}
  GROUP BY 1, 2`;

/** 疫苗接种 on the report day's date: the population aged 3+, and of them vaccinated per dose, and not yet vaccinated. */
export const vaccinationFigures: FigureSection = {
  section: 'vaccinations',
  keys: ['eligible', 'firstDose', 'fullDose', 'booster', 'notVaccinated'],
  queries: (s) => [
    sql`SELECT c.key, sum(c.population) AS eligible, sum(c.first) AS "firstDose", sum(c.full) AS "fullDose",
               sum(c.booster) AS booster, sum(c.population - c.first) AS "notVaccinated"
        FROM (${coverageCounts(s.key(sql`p.region_path`), s.root, s.day)}) c GROUP BY 1`,
  ],
};
