import type pg from 'pg';

/**
 * Stored history for the checkpoint benchmarks, made inside PostgreSQL (generate_series into tables stripped of indexes, rebuilt at the end): `entries`
 * entries with one occupant each over the last `days` days at `posts` extra checkpoints spread over
 * the county's townships, and the hourly rollup that the entry transaction keeps for them.
 */
export async function loadCheckpointHistory(
  pool: pg.Pool,
  opts: { entries: number; posts: number; days: number },
): Promise<string[]> {
  const { rows: townships } = await pool.query<{ id: string; path: string }>(
    "SELECT id, path::text FROM region WHERE level = 'township' ORDER BY code",
  );
  const { rows: posts } = await pool.query<{ id: string }>(
    `INSERT INTO checkpoint (id, region_id, region_path, name, kind)
     SELECT gen_random_uuid(), t.id, t.path, '压测卡口' || g, 'roadJunction'
       FROM generate_series(1, $1::int) g
       JOIN LATERAL (SELECT id, path FROM region WHERE level = 'township' ORDER BY code OFFSET (g - 1) % $2::int LIMIT 1) t ON true
     RETURNING id`,
    [opts.posts, townships.length],
  );
  const postCount = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM checkpoint')).rows[0]!.n;
  const client = await pool.connect();
  try {
    // Bulk load the way PostgreSQL is fastest at it: into tables without indexes or constraints,
    // which are rebuilt once at the end (a sort each) instead of maintained row by row.
    const { rows: constraints } = await client.query<{ tbl: string; name: string; def: string }>(
      `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid IN ('checkpoint_entry'::regclass, 'checkpoint_occupant'::regclass) AND contype IN ('p', 'f')
           OR confrelid = 'checkpoint_entry'::regclass
        ORDER BY contype DESC`,
    );
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename IN ('checkpoint_entry', 'checkpoint_occupant')
          AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p')`,
    );
    for (const c of [...constraints].reverse()) await client.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT "${c.name}"`);
    for (const i of indexes) await client.query(`DROP INDEX "${i.name}"`);
    await client.query(
      "SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 2",
    );
    // Entry n has id …n and its occupant id 1…n: both sides are made without a join.
    const batch = 2_000_000;
    for (let from = 0; from < opts.entries; from += batch) {
      const to = Math.min(opts.entries, from + batch) - 1;
      await client.query(
        `INSERT INTO checkpoint_entry (id, checkpoint_id, region_path, kind, plate, vehicle_type, direction, origin, decision, recorded_at, local, persons)
         SELECT lpad(to_hex(g), 32, '0')::uuid, p.id, p.region_path, 'vehicle', '川A' || lpad((g % 100000)::text, 5, '0'), 'car', CASE WHEN g % 2 = 0 THEN 'in' ELSE 'out' END,
                '成都市', CASE WHEN g % 50 = 0 THEN 'turnBack' ELSE 'pass' END, now() - (g % ($2::int * 86400)) * interval '1 second', g % 3 <> 0, 1
           FROM generate_series($3::int, $4::int) g
           JOIN (SELECT row_number() OVER () - 1 AS n, id, region_path FROM checkpoint) p ON p.n = g % $1::int`,
        [postCount, opts.days, from, to],
      );
      await client.query(
        `INSERT INTO checkpoint_occupant (id, entry_id, position, region_path, name, id_number, sex, birth_date, temperature, fever, risk_area)
         SELECT ('1' || lpad(to_hex(g), 31, '0'))::uuid, lpad(to_hex(g), 32, '0')::uuid, 0, p.region_path, '压测', '42010619880505005' || (g % 10), 'male', '1988-05-05', 36.5, false, false
           FROM generate_series($2::int, $3::int) g
           JOIN (SELECT row_number() OVER () - 1 AS n, region_path FROM checkpoint) p ON p.n = g % $1::int`,
        [postCount, from, to],
      );
    }
    // The rollup the entry transaction keeps, computed set-based from the entries.
    await client.query("SET work_mem = '256MB'");
    await client.query('TRUNCATE checkpoint_stat');
    await client.query(
      `INSERT INTO checkpoint_stat (checkpoint_id, region_path, hour, vehicles, persons, turned_back, local_persons, local_vehicles)
       SELECT checkpoint_id, region_path, date_trunc('hour', recorded_at), count(*), sum(persons), count(*) FILTER (WHERE decision = 'turnBack'),
              coalesce(sum(persons) FILTER (WHERE local), 0), count(*) FILTER (WHERE local)
         FROM checkpoint_entry GROUP BY 1, 2, 3`,
    );
    await client.query('TRUNCATE checkpoint_stat_day');
    await client.query(
      `INSERT INTO checkpoint_stat_day (checkpoint_id, region_path, day, vehicles, persons, turned_back, local_persons, local_vehicles)
       SELECT checkpoint_id, region_path, (hour AT TIME ZONE 'Asia/Shanghai')::date, sum(vehicles), sum(persons), sum(turned_back), sum(local_persons), sum(local_vehicles)
         FROM checkpoint_stat GROUP BY 1, 2, 3`,
    );
    for (const i of indexes) await client.query(i.def);
    for (const c of constraints) await client.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT "${c.name}" ${c.def}`);
  } finally {
    // The connection goes back to the pool that the INSERT ceiling then uses: as it came.
    await client.query('RESET ALL');
    client.release();
  }
  await pool.query(
    'VACUUM ANALYZE checkpoint_entry, checkpoint_occupant, checkpoint_stat, checkpoint_stat_day, checkpoint',
  );
  return posts.map((p) => p.id);
}

export interface LoopResult {
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** `concurrency` workers calling `fn` back to back for `seconds`; latencies in ms. */
export async function loop(
  concurrency: number,
  seconds: number,
  fn: (worker: number) => Promise<boolean>,
): Promise<LoopResult> {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const ok = await fn(w).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rate: latencies.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), errors };
}
