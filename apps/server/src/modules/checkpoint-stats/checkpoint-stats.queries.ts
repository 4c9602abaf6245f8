import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import type { StatsQuery } from './checkpoint-stats.schemas.js';
import { inScopeBelow } from '../../auth/scope.js';

const n = (v: unknown) => Number(v ?? 0);

/**
 * Figures from the hourly or daily rollup (checkpoint_stat, checkpoint_stat_day), grouped by checkpoint, township or county and
 * by hour, day or the whole range. Days are Asia/Shanghai calendar days.
 */
export async function selectStats(tx: Tx, actor: Actor, q: StatsQuery, below: string | undefined) {
  // Hours come from the hourly rollup; days and ranges from the daily one, 24 times smaller.
  const hourly = q.bucket === 'hour';
  const local = sql`(s.hour AT TIME ZONE 'Asia/Shanghai')`;
  const bucket = hourly
    ? sql`to_char(${local}, 'YYYY-MM-DD"T"HH24:00')`
    : q.bucket === 'day'
      ? sql`s.day::text`
      : sql`NULL::text`;
  const depth = q.by === 'county' ? 1 : 2;
  const key = q.by === 'checkpoint' ? sql`s.checkpoint_id::text` : sql`subpath(s.region_path, 0, ${depth})::text`;
  const name =
    q.by === 'checkpoint'
      ? sql`(SELECT c.name FROM checkpoint c WHERE c.id::text = g.key)`
      : sql`(SELECT r.name FROM region r WHERE r.path = g.key::ltree)`;
  const range = hourly
    ? sql`s.hour >= (${q.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND s.hour < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`
    : sql`s.day >= ${q.from}::date AND s.day <= ${q.to}::date`;
  const result = await tx.execute(sql`
    WITH g AS (
      SELECT ${key} AS key, ${bucket} AS bucket,
        sum(vehicles) AS vehicles, sum(pedestrians) AS pedestrians, sum(persons) AS persons, sum(turned_back) AS turned_back,
        sum(held) AS held, sum(fevers) AS fevers, sum(risk_area) AS risk_area, sum(local_persons) AS local_persons, sum(local_vehicles) AS local_vehicles
      FROM ${hourly ? sql`checkpoint_stat` : sql`checkpoint_stat_day`} s
      WHERE ${inScopeBelow(actor, sql`s.region_path`, below)}
        ${q.checkpointId ? sql`AND s.checkpoint_id = ${q.checkpointId}` : sql``}
        AND ${range}
      GROUP BY 1, 2
    )
    SELECT g.*, ${name} AS name FROM g ORDER BY g.bucket NULLS FIRST, name`);
  const rows = result.rows.map((r) => {
    const vehicles = n(r.vehicles);
    const persons = n(r.persons);
    return {
      key: String(r.key),
      name: String(r.name ?? r.key),
      bucket: (r.bucket as string | null) ?? null,
      vehicles,
      pedestrians: n(r.pedestrians),
      persons,
      turnedBack: n(r.turned_back),
      held: n(r.held),
      fevers: n(r.fevers),
      riskArea: n(r.risk_area),
      localPersons: n(r.local_persons),
      outsidePersons: persons - n(r.local_persons),
      localVehicles: n(r.local_vehicles),
      outsideVehicles: vehicles - n(r.local_vehicles),
    };
  });
  const totals = {
    vehicles: 0,
    pedestrians: 0,
    persons: 0,
    turnedBack: 0,
    held: 0,
    fevers: 0,
    riskArea: 0,
    localPersons: 0,
    outsidePersons: 0,
    localVehicles: 0,
    outsideVehicles: 0,
  };
  for (const r of rows) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
  return { rows, totals };
}
