import { beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { parseIdNumber, spikeOn } from '@fangkong/domain';
import { testDatabase } from '../../test/db.js';
import { verifyPassword } from '../auth/password.js';
import {
  DEMO_PASSWORD,
  DemoNotEmptyError,
  demoWanted,
  loadDemoCounty,
  loadDemoIfEmpty,
  type DemoCounts,
} from './demo.js';
import { inClear } from '../../test/personal-data.js';

const TODAY = '2025-06-30';
const PERSONS = 2000;

let pool: pg.Pool;
let counts: DemoCounts;

const schemaShape = async () =>
  (
    await pool.query<{ item: string }>(
      `SELECT conname || ' ' || pg_get_constraintdef(oid) AS item FROM pg_constraint WHERE connamespace = 'public'::regnamespace
       UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
    )
  ).rows.map((r) => r.item);

const contentDigest = async () =>
  (
    await pool.query<{ digest: string }>(
      `SELECT md5(string_agg(concat_ws('|', p.id_number_bidx, p.name, p.phone_bidx, p.birth_date, h.address, h.status, r.code), ',' ORDER BY p.id_number_bidx)) AS digest
         FROM person p JOIN household h ON h.id = p.household_id JOIN region r ON r.id = p.region_id`,
    )
  ).rows[0]!.digest;

let shapeBefore: string[];

beforeAll(async () => {
  ({ pool } = await testDatabase());
  shapeBefore = await schemaShape();
  counts = await loadDemoCounty(pool, { persons: PERSONS, seed: 7, today: TODAY });
});

describe('demo county', () => {
  it('builds the coverage tallies from the loaded visits and leaves every trigger enabled', async () => {
    const {
      rows: [t],
    } = await pool.query(`SELECT
      (SELECT sum(visited + away + nobody_home + refused)::int FROM screening_tally) AS tallied,
      (SELECT count(DISTINCT (round_id, household_id))::int FROM visit) AS households,
      (SELECT sum(persons)::int FROM screening_tally) AS tallied_persons,
      (SELECT count(DISTINCT (v.round_id, m.person_id))::int FROM visit v JOIN visit_member m ON m.visit_id = v.id) AS persons,
      (SELECT count(*)::int FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O') AS disabled`);
    expect(t.households).toBeGreaterThan(0);
    expect(t).toEqual({
      tallied: t.households,
      households: t.households,
      tallied_persons: t.persons,
      persons: t.persons,
      disabled: 0,
    });
  });

  it('stores exactly the counts it reports, with the requested number of persons', async () => {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM region)::int AS regions, (SELECT count(*) FROM grid)::int AS grids, (SELECT count(*) FROM app_user)::int AS users,
              (SELECT count(*) FROM household)::int AS households, (SELECT count(*) FROM person)::int AS persons`,
    );
    expect(rows[0]).toEqual(counts);
    expect(counts.persons).toBe(PERSONS);
    const levels = await pool.query(`SELECT level, count(*)::int AS n FROM region GROUP BY level`);
    const byLevel = Object.fromEntries(levels.rows.map((r) => [r.level, r.n]));
    expect(byLevel).toMatchObject({ county: 1, township: 11 });
    expect(byLevel.village).toBeGreaterThanOrEqual(22);
  });

  it('has key persons of every category and measure, checks with one overdue slot and one fever, and leads with deadlines', async () => {
    const { rows } = await pool.query(
      `SELECT (SELECT count(DISTINCT category) FROM key_person)::int AS categories, (SELECT count(DISTINCT measure) FROM key_person)::int AS measures,
              (SELECT count(*) FROM check_alert WHERE resolved_at IS NULL)::int AS overdue, (SELECT count(*) FROM triage_task WHERE status = 'open' AND key_person_id IS NOT NULL)::int AS triage,
              (SELECT count(*) FROM key_person WHERE planned_end_date = '${TODAY}' AND status = 'active')::int > 0 AS ending,
              (SELECT count(*) FROM lead l WHERE status = 'open' AND EXISTS (SELECT 1 FROM lead_source s WHERE s.lead_id = l.id AND s.source = 'assistRequest'))::int AS leads,
              (SELECT count(*) FROM health_check)::int > 500 AS checks, (SELECT count(*) FROM placement WHERE ended_at IS NULL)::int > 0 AS placed`,
    );
    expect(rows[0]).toEqual({
      categories: 7,
      measures: 4,
      overdue: 1,
      triage: 1,
      ending: true,
      leads: 6,
      checks: true,
      placed: true,
    });
    const fever = await pool.query(
      `SELECT h.temperature::float AS t FROM triage_task t JOIN health_check h ON h.id = t.health_check_id`,
    );
    expect(fever.rows).toEqual([{ t: 38.2 }]);
  });

  it('gives key persons of the demo village a trajectory, close contacts two hops deep, services and notices', async () => {
    const { rows } = await pool.query(
      `SELECT (SELECT count(DISTINCT key_person_id) FROM trajectory_stop)::int AS withTrajectory, (SELECT count(*) FROM contact_link WHERE relation = 'coTraveller')::int AS coTravellers,
              (SELECT count(DISTINCT relation) FROM contact_link)::int >= 2 AS relations, (SELECT count(DISTINCT kind) FROM key_person_service)::int AS services,
              (SELECT count(*) FROM key_person_notice WHERE outcome = 'refused')::int AS refused, (SELECT count(*) FROM trajectory_stop WHERE start_date > '${TODAY}')::int AS future,
              (SELECT count(*) FROM key_person_incident WHERE police_ref IS NOT NULL AND occurred_at < '${TODAY}')::int AS incidents`,
    );
    expect(rows[0]).toEqual({
      withtrajectory: 4,
      cotravellers: 1,
      relations: true,
      services: 3,
      refused: 1,
      future: 0,
      incidents: 1,
    });
  });

  it('has the county headquarters with its office, 6 working groups and 战区 covering every township, 包保 chains and volunteer teams', async () => {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM command_unit WHERE kind = 'headquarters')::int AS hq, (SELECT count(*) FROM command_unit WHERE kind = 'workingGroup')::int AS groups,
              (SELECT count(DISTINCT region_id) FROM command_coverage)::int AS covered, (SELECT count(*) FROM region WHERE level = 'township')::int AS townships,
              (SELECT count(*) FROM command_unit u WHERE NOT EXISTS (SELECT 1 FROM command_member m WHERE m.unit_id = u.id))::int AS empty,
              (SELECT count(*) FROM region v WHERE v.level = 'village' AND v.path <@ (SELECT path FROM region WHERE name = '淮口街道')
                 AND (SELECT count(DISTINCT duty) FROM chain_member c WHERE c.region_id = v.id) <> 3)::int AS villagesWithoutChain,
              (SELECT count(*) FROM chain_member WHERE duty = 'leader')::int AS leaders,
              (SELECT count(*) FROM volunteer_team t WHERE NOT EXISTS (SELECT 1 FROM volunteer m WHERE m.team_id = t.id AND m.is_leader))::int AS teamsWithoutLeader,
              (SELECT count(*) FROM volunteer_team)::int AS teams`,
    );
    expect(rows[0]).toMatchObject({ hq: 1, groups: 6, empty: 0, villageswithoutchain: 0, teamswithoutleader: 0 });
    expect(rows[0].teams).toBeGreaterThan(0);
    expect(rows[0].covered).toBe(rows[0].townships);
    expect(rows[0].leaders).toBe(rows[0].townships);
  });

  it('has two supervision groups and a round of inspections with findings in every state, one overdue', async () => {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM supervision_group)::int AS groups, (SELECT count(*) FROM inspection)::int AS inspections,
              (SELECT array_agg(DISTINCT status ORDER BY status) FROM finding) AS statuses,
              (SELECT count(*) FROM finding WHERE status IN ('assigned', 'rectifying') AND deadline < $1::date)::int AS overdue,
              (SELECT count(*) FROM spot_check)::int AS "spotChecks",
              (SELECT count(*) FROM finding WHERE waiting_since IS NOT NULL AND waiting_ended_at IS NULL)::int AS waiting`,
      [TODAY],
    );
    expect(rows[0]).toMatchObject({
      groups: 2,
      inspections: 3,
      statuses: ['assigned', 'closed', 'rectifying', 'reported'],
      overdue: 1,
      spotChecks: 1,
      waiting: 1,
    });
  });

  it("has venues under the county's orders with checks, and gatherings stopped over the last days, phones encrypted", async () => {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM venue)::int AS venues, (SELECT count(*) FROM venue_order WHERE kind = 'close')::int AS closes,
              (SELECT count(*) FROM venue_check)::int AS checks, (SELECT count(*) FROM gathering WHERE outcome IN ('cancelled', 'postponed'))::int AS stopped,
              (SELECT count(*) FROM venue WHERE phone ~ '^1[0-9]{10}$')::int + (SELECT count(*) FROM gathering WHERE phone ~ '^1[0-9]{10}$')::int AS clear,
              (SELECT count(*) FROM gathering WHERE settled_at > now())::int AS future`,
    );
    expect(rows[0]).toMatchObject({ closes: 3, clear: 0, future: 0 });
    expect(rows[0].venues).toBeGreaterThan(0);
    expect(rows[0].checks).toBeGreaterThan(rows[0].venues);
    expect(rows[0].stopped).toBeGreaterThan(0);
  });

  it('has vaccination doses giving realistic coverage: most adults, fewer children of 3-11 and fewer of 80+', async () => {
    const { rows } = await pool.query(
      `SELECT g.age_group, count(*)::int AS population, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM vaccination_dose d WHERE d.person_id = g.id))::float / count(*) AS first
       FROM (SELECT p.id, CASE WHEN a < 3 THEN NULL WHEN a <= 11 THEN '3-11' WHEN a <= 59 AND a >= 18 THEN '18-59' WHEN a >= 80 THEN '80+' END AS age_group
             FROM person p, LATERAL (SELECT date_part('year', age($1::date, p.birth_date))::int AS a) x) g
       WHERE g.age_group IS NOT NULL GROUP BY 1`,
      [TODAY],
    );
    const first = Object.fromEntries(rows.map((r) => [r.age_group, r.first]));
    expect(first['18-59']).toBeGreaterThan(0.9);
    expect(first['3-11']).toBeLessThan(first['18-59']);
    expect(first['80+']).toBeLessThan(first['18-59']);
    const wrong = await pool.query(
      `SELECT count(*)::int AS n FROM vaccination_dose d JOIN person p ON p.id = d.person_id
       WHERE d.given_on < p.birth_date OR d.given_on > $1::date`,
      [TODAY],
    );
    expect(wrong.rows[0].n).toBe(0);
  });

  it('has two sentinel sites with a week of sales, a lead per sale, the pharmacy account bound, and a spike today', async () => {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM sentinel)::int AS sites, (SELECT count(*) FROM sentinel_sale)::int AS sales,
              (SELECT count(*) FROM lead_source WHERE source = 'sentinel')::int AS sources,
              (SELECT count(*) FROM sentinel_sale WHERE id_number ~ '^[0-9]{17}')::int AS clear,
              (SELECT count(*) FROM sentinel_account a JOIN app_user u ON u.id = a.user_id WHERE u.username = 'pharmacy')::int AS bound`,
    );
    expect(rows[0]).toMatchObject({ sites: 2, clear: 0, bound: 1 });
    expect(rows[0].sources).toBe(rows[0].sales);
    const days = await pool.query(
      `SELECT subpath(region_path, 0, 3)::text AS village, (sold_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day, count(*)::int AS n
         FROM sentinel_sale GROUP BY 1, 2`,
    );
    const byVillage = new Map<string, Record<string, number>>();
    for (const r of days.rows) byVillage.set(r.village, { ...byVillage.get(r.village), [r.day]: r.n });
    expect([...byVillage.values()].map((d) => spikeOn(TODAY, d).spike).sort()).toEqual([false, true]);
    const triage = await pool.query(
      `SELECT t.status, w.referred_to FROM triage_task t JOIN walk_in w ON w.id = t.walk_in_id ORDER BY t.created_at`,
    );
    expect(triage.rows).toEqual([
      { status: 'closed', referred_to: '县人民医院发热门诊' },
      { status: 'open', referred_to: null },
    ]);
  });

  it('draws its grids, command units and chains through the services the API uses, each with its audit row', async () => {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM grid)::int AS grids, (SELECT count(*) FROM audit_log WHERE event = 'grid.create')::int AS grid_audits,
              (SELECT count(*) FROM command_unit)::int AS units, (SELECT count(*) FROM audit_log WHERE event = 'command.create')::int AS unit_audits`,
    );
    expect(rows[0].grids).toBeGreaterThan(0);
    expect(rows[0].grid_audits).toBe(rows[0].grids);
    expect(rows[0].unit_audits).toBe(rows[0].units);
  });

  it('leaves the indexes and constraints as the migrations made them', async () => {
    expect(await schemaShape()).toEqual(shapeBefore);
  });

  it('gives everybody a unique valid ID number that agrees with the birth date and sex', async () => {
    const rows = inClear(
      (
        await pool.query<{ id_number: string; birth_date: string; sex: string }>(
          'SELECT id_number, birth_date, sex FROM person',
        )
      ).rows,
    ) as { id_number: string; birth_date: string; sex: string }[];
    expect(new Set(rows.map((r) => r.id_number)).size).toBe(rows.length);
    for (const row of rows) {
      const parsed = parseIdNumber(row.id_number, TODAY);
      expect(parsed.ok, row.id_number).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.birthDate).toBe(row.birth_date);
      expect(parsed.value.sex).toBe(row.sex);
    }
  });

  it('places persons, households and grids consistently in the region tree', async () => {
    const { rows } = await pool.query(`
      SELECT
        (SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id
          WHERE NOT (p.region_path <@ subpath(h.region_path, 0, 3)) OR p.region_path <> h.region_path)::int AS persons_outside,
        (SELECT count(*) FROM household h JOIN region r ON r.id = h.region_id WHERE r.level <> 'group' OR r.path <> h.region_path)::int AS households_off_group,
        (SELECT count(*) FROM household h JOIN grid g ON g.id = h.grid_id WHERE g.region_path <> subpath(h.region_path, 0, 3))::int AS households_in_foreign_grid,
        (SELECT count(*) FROM household WHERE grid_id IS NULL)::int AS households_without_grid,
        (SELECT count(*) FROM household h WHERE h.status <> 'vacant' AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = h.head_person_id AND p.household_id = h.id))::int AS bad_heads,
        (SELECT count(*) FROM household h WHERE h.status = 'vacant' AND (h.head_person_id IS NOT NULL OR EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id)))::int AS inhabited_vacant,
        (SELECT count(*) FROM person WHERE phone IS NOT NULL AND birth_date > date '${TODAY}' - interval '16 years')::int AS children_with_phone,
        (SELECT count(*) FROM grid g JOIN region r ON r.id = g.region_id WHERE r.level <> 'village' OR r.path <> g.region_path)::int AS grids_off_village,
        (SELECT count(*) FROM region c JOIN region p ON p.id = c.parent_id WHERE c.path <> p.path || subpath(c.path, nlevel(c.path) - 1))::int AS bad_paths`);
    expect(rows[0]).toEqual({
      persons_outside: 0,
      households_off_group: 0,
      households_in_foreign_grid: 0,
      households_without_grid: 0,
      bad_heads: 0,
      inhabited_vacant: 0,
      children_with_phone: 0,
      grids_off_village: 0,
      bad_paths: 0,
    });
    // The ID numbers are encrypted: what they say is checked here, after decryption.
    const people = inClear(
      (
        await pool.query<{ id_number: string; registered_region_code: string; code: string }>(
          'SELECT p.id_number, p.registered_region_code, r.code FROM person p JOIN region r ON r.id = p.region_id',
        )
      ).rows,
    );
    expect(
      people.filter(
        (p) =>
          p.registered_region_code !==
          (p.id_number.slice(0, 6) === '510121' ? p.code.slice(0, 12) : `${p.id_number.slice(0, 6)}000000`),
      ),
    ).toEqual([]);
    expect(people.filter((p) => p.id_number.slice(0, 6) === '510121').length / people.length).toBeGreaterThan(0.75);
  });

  it('creates the demo accounts with their roles and scopes', async () => {
    const { rows } = await pool.query(
      `SELECT u.username, u.role, r.name AS region, r.level, u.region_path = r.path AS path_matches, u.password_hash
         FROM app_user u JOIN region r ON r.id = u.region_id WHERE u.username NOT LIKE 'g5%' ORDER BY u.username`,
    );
    const village = (await pool.query(`SELECT name FROM region WHERE code = '510121002001'`)).rows[0].name as string;
    expect(rows.map(({ password_hash: _h, ...rest }) => rest)).toEqual([
      { username: 'admin', role: 'admin', region: '金堂县', level: 'county', path_matches: true },
      { username: 'auditor', role: 'auditAdmin', region: '金堂县', level: 'county', path_matches: true },
      { username: 'checkpoint', role: 'checkpointStaff', region: '淮口街道', level: 'township', path_matches: true },
      { username: 'county', role: 'commander', region: '金堂县', level: 'county', path_matches: true },
      { username: 'doctor', role: 'doctor', region: village, level: 'village', path_matches: true },
      { username: 'grid', role: 'gridWorker', region: village, level: 'village', path_matches: true },
      { username: 'inspector', role: 'inspector', region: '金堂县', level: 'county', path_matches: true },
      { username: 'pharmacy', role: 'sentinel', region: village, level: 'village', path_matches: true },
      { username: 'security', role: 'securityAdmin', region: '金堂县', level: 'county', path_matches: true },
      { username: 'township', role: 'townshipOfficer', region: '淮口街道', level: 'township', path_matches: true },
      { username: 'village', role: 'villageCadre', region: village, level: 'village', path_matches: true },
    ]);
    expect(await verifyPassword(rows[0].password_hash, DEMO_PASSWORD)).toBe(true);
    const gridOfGrid = await pool.query(
      `SELECT g.name, r.code FROM grid_worker w JOIN app_user u ON u.id = w.user_id JOIN grid g ON g.id = w.grid_id JOIN region r ON r.id = g.region_id WHERE u.username = 'grid'`,
    );
    expect(gridOfGrid.rows).toEqual([{ name: '第一网格', code: '510121002001' }]);
    const workers = await pool.query(
      `SELECT count(*)::int AS n FROM app_user WHERE role = 'gridWorker' AND region_path <> (SELECT path FROM region WHERE id = region_id)`,
    );
    expect(workers.rows[0].n).toBe(0);
  });

  it('refuses to load twice, skips when not empty, and refuses in production', async () => {
    await expect(loadDemoCounty(pool, { persons: 10 })).rejects.toBeInstanceOf(DemoNotEmptyError);
    expect(await loadDemoIfEmpty({ pool }, { persons: 10 })).toBeNull();
    await expect(loadDemoCounty(pool, { persons: 10, reset: true, env: { NODE_ENV: 'production' } })).rejects.toThrow(
      /production/,
    );
    expect((await pool.query('SELECT count(*)::int AS n FROM person')).rows[0].n).toBe(PERSONS);
  });

  it('rolls everything back when a load fails half-way, the reset included', async () => {
    const failing = loadDemoCounty(pool, {
      persons: 500,
      reset: true,
      onProgress: (_done, _total, phase) => {
        if (phase === 'persons') throw new Error('interrupted');
      },
    });
    await expect(failing).rejects.toThrow('interrupted');
    const { rows } = await pool.query(
      'SELECT (SELECT count(*) FROM person)::int AS persons, (SELECT count(*) FROM region)::int AS regions',
    );
    expect(rows[0]).toEqual({ persons: counts.persons, regions: counts.regions });
    expect(await schemaShape()).toEqual(shapeBefore);
  });

  it('makes the same county again from the same seed after a reset', async () => {
    const before = await contentDigest();
    const again = await loadDemoCounty(pool, { persons: PERSONS, seed: 7, today: TODAY, reset: true });
    expect(again).toEqual(counts);
    expect(await contentDigest()).toBe(before);
    await loadDemoCounty(pool, { persons: PERSONS, seed: 8, today: TODAY, reset: true });
    expect(await contentDigest()).not.toBe(before);
  });
});

describe('demoWanted', () => {
  it('follows FANGKONG_DEMO, and in auto mode loads everywhere but production', () => {
    expect(demoWanted({ FANGKONG_DEMO: 'on', NODE_ENV: 'production' })).toBe(true);
    expect(demoWanted({ FANGKONG_DEMO: 'off', NODE_ENV: 'development' })).toBe(false);
    expect(demoWanted({ FANGKONG_DEMO: 'auto', NODE_ENV: 'development' })).toBe(true);
    expect(demoWanted({ FANGKONG_DEMO: 'auto', NODE_ENV: 'production' })).toBe(false);
  });
});

describe('demo screening round', () => {
  it('has a county round in progress with visits, gaps and leads that tie to the visits', async () => {
    const { rows } = await pool.query(`
      SELECT (SELECT count(*) FROM screening_round)::int AS rounds,
             (SELECT count(DISTINCT household_id) FROM visit)::int AS visited_households,
             (SELECT count(*) FROM household)::int AS households,
             (SELECT count(*) FROM lead_source WHERE source = 'screening')::int AS leads,
             (SELECT count(*) FROM lead_source s WHERE s.source = 'screening' AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.id = s.source_ref))::int AS orphan_sources,
             (SELECT count(*) FROM visit_member m JOIN visit v ON v.id = m.visit_id JOIN person p ON p.id = m.person_id WHERE p.household_id <> v.household_id)::int AS foreign_members`);
    const r = rows[0]!;
    expect(r.rounds).toBe(1);
    expect(r.visited_households).toBeGreaterThan(r.households * 0.6);
    expect(r.visited_households).toBeLessThan(r.households * 0.9);
    expect(r.leads).toBeGreaterThan(0);
    expect(r.orphan_sources).toBe(0);
    expect(r.foreign_members).toBe(0);
  });
});
