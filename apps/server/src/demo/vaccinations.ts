// The demo county's 疫苗接种: doses for every registered person aged 3+, drawn per person from a hash
// of who they are (so the same county gets the same doses, in one statement however large), at the
// rates the seed reports read: ~95% of adults with a first dose, fewer children of 3–11 and fewer of
// 80+; boosters for about half the adults. A few not-vaccinated elders carry the reason found.
import type pg from 'pg';
import { AGE_GROUPS, VACCINES } from '@fangkong/domain';

/** Per age group: first dose, full, booster (each a share of the group, nested). */
const RATES: Record<string, [number, number, number]> = {
  '3-11': [0.82, 0.74, 0],
  '12-17': [0.96, 0.93, 0.3],
  '18-59': [0.95, 0.92, 0.62],
  '60-79': [0.9, 0.84, 0.5],
  '80+': [0.66, 0.55, 0.2],
};

const uniform = (salt: string) =>
  `(('x' || substr(md5(coalesce(p.id_number, p.name || p.birth_date::text) || '${salt}'), 1, 7))::bit(28)::int / 268435456.0)`;

export async function loadDemoVaccinations(client: pg.PoolClient, today: string): Promise<number> {
  const groups = AGE_GROUPS.map(
    (g) => `WHEN age >= ${g.min}${g.max === null ? '' : ` AND age <= ${g.max}`} THEN '${g.key}'`,
  ).join(' ');
  const rates = Object.entries(RATES)
    .map(([g, [a, b, c]]) => `('${g}', ${a}, ${b}, ${c})`)
    .join(', ');
  const series = Object.entries(VACCINES)
    .map(([v, n]) => `('${v}', ${n})`)
    .join(', ');
  const { rowCount } = await client.query(
    `WITH base AS (
       SELECT p.id, p.region_path, p.birth_date, ${uniform('dose')} AS u1, ${uniform('day')} AS u2, ${uniform('vaccine')} AS u3,
              date_part('year', age($1::date, p.birth_date))::int AS age
       FROM person p WHERE p.birth_date IS NOT NULL
     ), grouped AS (
       SELECT b.*, CASE ${groups} END AS age_group,
              CASE WHEN b.u3 < 0.08 THEN 'adenovirus' WHEN b.u3 < 0.12 THEN 'recombinantProtein' ELSE 'inactivated' END AS vaccine
       FROM base b
     ), planned AS (
       SELECT g.*, s.n, greatest('2021-04-01'::date, (g.birth_date + interval '3 years 30 days')::date) + floor(g.u2 * 120)::int AS first_on,
              CASE WHEN g.u1 < r.booster_rate THEN s.n + 1 WHEN g.u1 < r.full_rate THEN s.n WHEN g.u1 < r.first_rate THEN greatest(s.n - 1, 1) ELSE 0 END AS doses
       FROM grouped g JOIN (VALUES ${rates}) r(age_group, first_rate, full_rate, booster_rate) USING (age_group)
       JOIN (VALUES ${series}) s(vaccine, n) USING (vaccine)
     ), dosed AS (
       SELECT pl.*, k, CASE WHEN k > pl.n THEN pl.first_on + (pl.n - 1) * 28 + 180 + floor(pl.u2 * 60)::int
                            ELSE pl.first_on + (k - 1) * 28 END AS given_on
       FROM planned pl CROSS JOIN LATERAL generate_series(1, pl.doses) k
     )
     INSERT INTO vaccination_dose (id, person_id, region_path, vaccine, dose_number, kind, given_on, place, source)
     SELECT gen_random_uuid(), d.id, d.region_path, d.vaccine, d.k,
            CASE WHEN d.k > d.n THEN 'booster' WHEN d.k = d.n THEN 'full' WHEN d.k = 1 THEN 'first' ELSE 'primary' END,
            d.given_on, t.name || '卫生院', 'import'
     FROM dosed d LEFT JOIN region t ON t.path = subpath(d.region_path, 0, 2)
     WHERE d.given_on <= $1::date`,
    [today],
  );
  // 政府找人: the grid workers found why some of the oldest are not vaccinated.
  await client.query(
    `INSERT INTO vaccination_follow_up (id, person_id, region_path, reason, recorded_at)
     SELECT gen_random_uuid(), p.id, p.region_path,
            (ARRAY['contraindication', 'refused', 'away'])[1 + floor(${uniform('reason')} * 3)::int], ($1::date + time '09:00') AT TIME ZONE 'Asia/Shanghai'
     FROM person p
     WHERE p.birth_date <= ($1::date - interval '80 years') AND ${uniform('asked')} < 0.3
       AND NOT EXISTS (SELECT 1 FROM vaccination_dose d WHERE d.person_id = p.id)`,
    [today],
  );
  return rowCount ?? 0;
}
