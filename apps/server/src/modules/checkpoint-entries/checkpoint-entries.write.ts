import { sql } from 'drizzle-orm';
import { chinaDateOf } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';

// The entry write in two round trips (plus the session read): every round trip costs the API
// process a socket write and a wake-up, which is what bounded the throughput under load (see
// bench/RESULTS.md), so the look-ups are one SELECT and the writes one statement.

export interface EntryContext {
  id: string;
  regionId: string;
  regionPath: string;
  name: string;
  status: string;
  closedAt: Date | null;
  /** The checkpoint that already holds an entry with the posted id (a replay), if any. */
  ownerOfId: string | null;
  registered: { id: string; idNumber: string; name: string; phone: string | null; regionId: string; regionPath: string }[];
  area: { id: string; name: string; level: string } | null;
  /** The county's required occupant checks (the nearest setting above the checkpoint). */
  checks: { healthCode: boolean; itinerary: boolean; nucleicAcid: boolean } | null;
}

/**
 * The checkpoint in scope, the replay check, the register entries of the occupants (county-wide:
 * a resident of the next township is still local) and the first risk area named in the origin
 * that is listed above the checkpoint and in force that day, in one SELECT.
 */
export async function selectEntryContext(tx: Tx, actor: Actor, checkpointId: string, entryId: string, idNumbers: string[], origin: string, day: string): Promise<EntryContext | undefined> {
  const { rows } = await tx.execute(sql`
    SELECT c.id, c.region_id AS "regionId", c.region_path::text AS "regionPath", c.name, c.status, c.closed_at AS "closedAt",
           (SELECT e.checkpoint_id FROM checkpoint_entry e WHERE e.id = ${entryId}) AS "ownerOfId",
           (SELECT coalesce(json_agg(json_build_object('id', p.id, 'idNumber', p.id_number, 'name', p.name, 'phone', p.phone, 'regionId', p.region_id, 'regionPath', p.region_path::text)), '[]'::json)
              FROM person p WHERE p.id_number = ANY(string_to_array(${idNumbers.join(',')}, ','))) AS registered,
           (SELECT json_build_object('id', r.id, 'name', r.name, 'level', r.level) FROM risk_area r
             WHERE ${origin} <> '' AND c.region_path <@ r.region_path AND r.starts_on <= ${day}::date
               AND (r.ends_on IS NULL OR r.ends_on >= ${day}::date) AND strpos(${origin}, r.name) > 0
             LIMIT 1) AS area,
           (SELECT json_build_object('healthCode', s.health_code_required, 'itinerary', s.itinerary_required, 'nucleicAcid', s.nucleic_acid_required)
              FROM checkpoint_setting s JOIN region sr ON sr.id = s.region_id
             WHERE c.region_path <@ sr.path ORDER BY nlevel(sr.path) DESC LIMIT 1) AS checks
      FROM checkpoint c
     WHERE c.id = ${checkpointId} AND c.region_path <@ ${actor.scopePath}::ltree`);
  const row = rows[0] as (Omit<EntryContext, 'closedAt'> & { closedAt: Date | string | null }) | undefined;
  if (!row) return undefined;
  return { ...row, closedAt: row.closedAt === null ? null : new Date(row.closedAt) };
}

export interface EntryRow {
  id: string;
  checkpointId: string;
  regionPath: string;
  kind: string;
  plate: string | null;
  vehicleType: string | null;
  direction: string;
  origin: string;
  destination: string;
  reason: string;
  decision: string;
  holdOutcome: string | null;
  recordedAt: Date;
  recordedBy: string | null;
  local: boolean;
  persons: number;
}

export interface OccupantRow {
  id: string;
  position: number;
  personId: string | null;
  name: string;
  idNumber: string;
  sex: string;
  birthDate: string;
  phone: string | null;
  temperature: string;
  healthCode: string | null;
  itinerary: string | null;
  nucleicAcid: string | null;
  fever: boolean;
  riskArea: boolean;
  leadId: string | null;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const OCCUPANT_COLUMNS = ['id', 'position', 'personId', 'name', 'idNumber', 'sex', 'birthDate', 'phone', 'temperature', 'healthCode', 'itinerary', 'nucleicAcid', 'fever', 'riskArea', 'leadId'] as const;
const OCCUPANT_TYPES = 'id uuid, position smallint, person_id uuid, name text, id_number varchar(18), sex text, birth_date date, phone varchar(20), temperature numeric(3,1), health_code text, itinerary text, nucleic_acid text, fever boolean, risk_area boolean, lead_id uuid';

/**
 * The entry, its occupants, its hour and day in the rollups and its audit record as one statement: atomic
 * on its own, and nothing but the entry is written when its id is already taken (a replay that
 * lost a race), in which case no row comes back.
 */
export async function insertEntry(tx: Tx, actor: Actor, e: EntryRow, occupants: OccupantRow[], auditDetail: Record<string, unknown>): Promise<{ createdAt: Date } | undefined> {
  const hour = new Date(Math.floor(e.recordedAt.getTime() / 3_600_000) * 3_600_000);
  const fevers = occupants.filter((o) => o.fever).length;
  const localPersons = occupants.filter((o) => o.personId).length;
  const stat = {
    vehicles: e.kind === 'vehicle' ? 1 : 0,
    pedestrians: e.kind === 'pedestrian' ? 1 : 0,
    persons: occupants.length,
    turned_back: e.decision === 'turnBack' ? 1 : 0,
    held: e.decision === 'hold' ? 1 : 0,
    fevers,
    risk_area: occupants.some((o) => o.riskArea) ? occupants.length : 0,
    local_persons: localPersons,
    local_vehicles: e.kind === 'vehicle' && e.local ? 1 : 0,
  };
  const statColumns = Object.keys(stat);
  const json = JSON.stringify(occupants.map((o) => Object.fromEntries(OCCUPANT_COLUMNS.map((k) => [snake(k), o[k]]))));
  const { rows } = await tx.execute(sql`
    WITH e AS (
      INSERT INTO checkpoint_entry (id, checkpoint_id, region_path, kind, plate, vehicle_type, direction, origin, destination, reason, decision, hold_outcome, recorded_at, recorded_by, local, persons)
      VALUES (${e.id}, ${e.checkpointId}, ${e.regionPath}::ltree, ${e.kind}, ${e.plate}, ${e.vehicleType}, ${e.direction}, ${e.origin}, ${e.destination}, ${e.reason}, ${e.decision}, ${e.holdOutcome}, ${e.recordedAt.toISOString()}::timestamptz, ${e.recordedBy}, ${e.local}, ${e.persons})
      ON CONFLICT (id) DO NOTHING
      RETURNING created_at),
    o AS (
      INSERT INTO checkpoint_occupant (entry_id, region_path, ${sql.raw(OCCUPANT_COLUMNS.map(snake).join(', '))})
      SELECT ${e.id}, ${e.regionPath}::ltree, x.* FROM e, jsonb_to_recordset(${json}::jsonb) AS x(${sql.raw(OCCUPANT_TYPES)})),
    s AS (
      INSERT INTO checkpoint_stat (checkpoint_id, region_path, hour, ${sql.raw(statColumns.join(', '))})
      SELECT ${e.checkpointId}, ${e.regionPath}::ltree, ${hour.toISOString()}::timestamptz, ${sql.join(Object.values(stat).map((v) => sql`${v}::int`), sql`, `)} FROM e
      ON CONFLICT (checkpoint_id, hour) DO UPDATE SET ${sql.raw(statColumns.map((c) => `${c} = checkpoint_stat.${c} + excluded.${c}`).join(', '))}),
    d AS (
      INSERT INTO checkpoint_stat_day (checkpoint_id, region_path, day, ${sql.raw(statColumns.join(', '))})
      SELECT ${e.checkpointId}, ${e.regionPath}::ltree, ${chinaDateOf(e.recordedAt)}::date, ${sql.join(Object.values(stat).map((v) => sql`${v}::int`), sql`, `)} FROM e
      ON CONFLICT (checkpoint_id, day) DO UPDATE SET ${sql.raw(statColumns.map((c) => `${c} = checkpoint_stat_day.${c} + excluded.${c}`).join(', '))}),
    a AS (
      INSERT INTO audit_log (id, actor_id, actor_name, event, target_type, target_id, region_path, ip, user_agent, detail)
      SELECT ${uuidv7()}, ${actor.userId || null}, ${actor.displayName ?? null}, 'checkpointEntry.create', 'checkpointEntry', ${e.id}, ${e.regionPath}::ltree, ${actor.ip || null}, ${actor.userAgent || null}, ${JSON.stringify(auditDetail)}::jsonb FROM e)
    SELECT created_at AS "createdAt" FROM e`);
  const row = rows[0] as { createdAt: Date | string } | undefined;
  return row ? { createdAt: new Date(row.createdAt) } : undefined;
}
