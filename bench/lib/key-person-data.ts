import type pg from 'pg';
import { suspendIndexes } from '../../apps/server/src/demo/bulk.js';

/**
 * Key persons for the benchmarks, made inside PostgreSQL (generate_series) on top of the demo
 * county: `keyPersons` files of distinct registered persons, 40% active (day 1 to day 14 today),
 * the rest closed (mostly released, some lost to follow-up, hospitalised, transferred) with measures
 * of 14–24 days that ended before today; teams of 2–5 officers (some incomplete); every past slot
 * checked except ~1% missed (an open overdue alert) and ~0.5% fevers with an open triage task;
 * today's first slot checked for half of the active files (the other half are due now).
 * `closedDays` stretches the closed files' measures so the checks reach the wanted total.
 */
export async function loadKeyPersonHistory(pool: pg.Pool, opts: { keyPersons: number; checks: number }) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const restore = await suspendIndexes(client, [
      'health_check',
      'responsible_officer',
      'key_person',
      'check_alert',
      'triage_task',
    ]);
    await client.query(
      `CREATE TEMP TABLE bench_kp ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY md5(p.id::text)) - 1)::int AS g, p.id AS person_id, p.region_id, p.region_path, gen_random_uuid() AS id
        FROM person p WHERE NOT EXISTS (SELECT 1 FROM key_person k WHERE k.person_id = p.id) ORDER BY md5(p.id::text) LIMIT $1`,
      [opts.keyPersons],
    );
    const today = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
    // Active files check on average 13.5 slots so far; the closed ones carry the rest of the checks.
    const active = Math.ceil(opts.keyPersons * 0.4);
    const closedChecks = Math.max(0, opts.checks - active * 13.5);
    const closedDays = Math.max(1, Math.round(closedChecks / (opts.keyPersons - active) / 2)) - 5; // len = closedDays + g % 11
    await client.query(
      `INSERT INTO key_person (id, person_id, region_id, region_path, category, source, measure, start_date, planned_end_date, status, status_reason, closed_at)
      SELECT b.id, b.person_id, b.region_id, b.region_path,
             (ARRAY['returnee','closeContact','suspected','confirmed','asymptomatic','fever','other'])[1 + b.g % 7],
             (ARRAY['screening','checkpoint','tip','selfReport','assistRequest'])[1 + b.g % 5],
             (ARRAY['homeIsolation','centralIsolation','healthMonitoring','hospitalized'])[1 + (b.g / 7) % 4],
             s.start, s.start + s.len - 1, s.status, CASE WHEN s.status <> 'active' THEN '压测' END, CASE WHEN s.status <> 'active' THEN now() END
        FROM bench_kp b, LATERAL (SELECT
          CASE WHEN b.g % 5 < 2 THEN 'active' WHEN b.g % 50 = 2 THEN 'lostToFollowUp' WHEN b.g % 50 = 7 THEN 'hospitalized' WHEN b.g % 50 = 12 THEN 'transferred' ELSE 'released' END AS status,
          CASE WHEN b.g % 5 < 2 THEN ${today} - b.g % 14 ELSE ${today} - 40 - b.g % 60 END AS start,
          CASE WHEN b.g % 5 < 2 THEN 14 ELSE $1::int + b.g % 11 END AS len) s`,
      [closedDays],
    );
    await client.query(`INSERT INTO responsible_officer (id, key_person_id, region_path, role, name, user_id)
      SELECT gen_random_uuid(), b.id, b.region_path, r.role, '包保' || r.n, CASE WHEN r.role = 'gridWorker' THEN (w.ids)[1 + b.g % cardinality(w.ids)] END
        FROM bench_kp b
        CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM app_user WHERE role = 'gridWorker') w
        CROSS JOIN LATERAL unnest(ARRAY['villageCadre','gridWorker','doctor','police','leader']) WITH ORDINALITY AS r(role, n)
       WHERE r.n <= CASE WHEN b.g % 13 = 0 THEN 2 ELSE 3 + b.g % 3 END`);
    // Closed files: every slot of the measure; active ones: every slot before today, today's am for odd g.
    await client.query(`INSERT INTO health_check (id, key_person_id, region_path, day, slot, temperature, measured_by, recorded_at)
      SELECT gen_random_uuid(), b.id, b.region_path, d.day, s.slot,
             CASE WHEN b.g % 5 < 2 AND b.g % 211 = 0 AND d.day = ${today} - 1 AND s.slot = 'am' THEN 38.1 ELSE 36.0 + ((b.g + d.n) % 10) / 10.0 END,
             (ARRAY['doctor','gridWorker','self'])[1 + (b.g + d.n) % 3], (d.day + CASE s.slot WHEN 'am' THEN time '08:00' ELSE time '16:00' END) AT TIME ZONE 'Asia/Shanghai'
        FROM bench_kp b JOIN key_person k ON k.id = b.id
        CROSS JOIN LATERAL (SELECT day::date, row_number() OVER () AS n FROM generate_series(k.start_date, least(k.planned_end_date, ${today}), interval '1 day') day) d
        CROSS JOIN (VALUES ('am'), ('pm')) s(slot)
       WHERE (d.day < ${today} OR (s.slot = 'am' AND b.g % 2 = 1))
         AND NOT (b.g % 5 < 2 AND b.g % 97 = 0 AND d.day = ${today} - 1 AND s.slot = 'pm')`);
    await client.query(`INSERT INTO check_alert (id, key_person_id, region_path, day, slot, level, overdue_at)
      SELECT gen_random_uuid(), b.id, b.region_path, ${today} - 1, 'pm', 'gridWorker', now() - interval '10 hours'
        FROM bench_kp b JOIN key_person k ON k.id = b.id WHERE b.g % 5 < 2 AND b.g % 97 = 0 AND k.start_date < ${today}`);
    await client.query(`INSERT INTO triage_task (id, key_person_id, health_check_id, region_path, temperature, deadline)
      SELECT gen_random_uuid(), h.key_person_id, h.id, h.region_path, h.temperature, now() + interval '1 hour'
        FROM health_check h JOIN bench_kp b ON b.id = h.key_person_id WHERE h.temperature >= 37.3`);
    await restore();
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  await pool.query('VACUUM ANALYZE key_person, responsible_officer, health_check, check_alert, triage_task');
  const {
    rows: [stored],
  } = await pool.query<{
    keyPersons: number;
    active: number;
    checks: number;
    officers: number;
    alerts: number;
    triage: number;
  }>(
    `SELECT (SELECT count(*) FROM key_person)::int AS "keyPersons", (SELECT count(*) FROM key_person WHERE status = 'active')::int AS active,
            (SELECT count(*) FROM health_check)::int AS checks, (SELECT count(*) FROM responsible_officer)::int AS officers,
            (SELECT count(*) FROM check_alert WHERE resolved_at IS NULL)::int AS alerts, (SELECT count(*) FROM triage_task WHERE status <> 'closed')::int AS triage`,
  );
  return stored!;
}
