import { sql } from 'drizzle-orm';
import { decrypt, decryptOrNull, encrypt, encryptOrNull } from '../../security/personal-data-crypto.js';
import { blindIndexList } from '../../security/personal-data-sql.js';
import { shanghaiDateOf } from '@fangkong/domain';
import type { Execute } from '../../db/prepared.js';
import { auditRow, insertAuditRows, AUDIT_ROW_TYPES } from '../../audit/audit.js';
import type { Actor } from '../../auth/actor.js';
import { pathUnder } from '../../auth/scope.js';
import { settingsInForceSql } from '../county-settings/index.js';

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
  registered: {
    id: string;
    idNumber: string;
    name: string;
    phone: string | null;
    regionId: string;
    regionPath: string;
  }[];
  area: { id: string; name: string; level: string } | null;
  /** The required occupant checks in force at the checkpoint (county settings, 卡口设置). */
  checks: { healthCode: boolean; itinerary: boolean; nucleicAcid: boolean } | null;
}

export interface EntryLookup {
  scopePath: string;
  checkpointId: string;
  entryId: string;
  idNumbers: string[];
  origin: string;
  day: string;
}

/**
 * For each lookup: the checkpoint in scope, the replay check, the register entries of the
 * occupants (county-wide: a resident of the next township is still local) and the first risk area
 * named in the origin that is listed above the checkpoint and in force that day — for a whole
 * batch of entries in one SELECT.
 */
export async function selectEntryContexts(
  execute: Execute,
  lookups: EntryLookup[],
): Promise<(EntryContext | undefined)[]> {
  const input = JSON.stringify(
    lookups.map((l, i) => ({
      i,
      scope: l.scopePath,
      checkpoint_id: l.checkpointId,
      entry_id: l.entryId,
      id_numbers: blindIndexList('idNumber', l.idNumbers),
      origin: l.origin,
      day: l.day,
    })),
  );
  const rows = await execute(sql`
    SELECT x.i, c.id, c.region_id AS "regionId", c.region_path::text AS "regionPath", c.name, c.status, c.closed_at AS "closedAt",
           (SELECT e.checkpoint_id FROM checkpoint_entry e WHERE e.id = x.entry_id) AS "ownerOfId",
           (SELECT coalesce(json_agg(json_build_object('id', p.id, 'idNumber', p.id_number, 'name', p.name, 'phone', p.phone, 'regionId', p.region_id, 'regionPath', p.region_path::text)), '[]'::json)
              FROM person p WHERE p.id_number_bidx = ANY(x.id_numbers)) AS registered,
           (SELECT json_build_object('id', r.id, 'name', r.name, 'level', r.level) FROM risk_area r
             WHERE x.origin <> '' AND ${pathUnder(sql`c.region_path`, sql`r.region_path`)} AND r.starts_on <= x.day
               AND (r.ends_on IS NULL OR r.ends_on >= x.day) AND strpos(x.origin, r.name) > 0
             LIMIT 1) AS area,
           (SELECT json_build_object('healthCode', (s.v->>'healthCodeRequired')::boolean, 'itinerary', (s.v->>'itineraryRequired')::boolean, 'nucleicAcid', (s.v->>'nucleicAcidRequired')::boolean)
              FROM (SELECT ${settingsInForceSql('checkpoint', sql`c.region_path`)} AS v) s) AS checks
      FROM jsonb_to_recordset(${input}::jsonb) AS x(i int, scope ltree, checkpoint_id uuid, entry_id uuid, id_numbers text[], origin text, day date)
      JOIN checkpoint c ON c.id = x.checkpoint_id AND ${pathUnder(sql`c.region_path`, sql`x.scope`)}`);
  const found = new Map(
    (rows as unknown as (Omit<EntryContext, 'closedAt'> & { i: number; closedAt: Date | string | null })[]).map(
      ({ i, ...row }) => [i, row],
    ),
  );
  return lookups.map((_, i) => {
    const row = found.get(i);
    return (
      row && {
        ...row,
        registered: row.registered.map((p) => ({
          ...p,
          idNumber: decrypt('idNumber', p.idNumber),
          phone: decryptOrNull('phone', p.phone),
        })),
        closedAt: row.closedAt === null ? null : new Date(row.closedAt),
      }
    );
  });
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
const OCCUPANT_COLUMNS = [
  'id',
  'position',
  'personId',
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'phone',
  'temperature',
  'healthCode',
  'itinerary',
  'nucleicAcid',
  'fever',
  'riskArea',
  'leadId',
] as const;
const OCCUPANT_TYPES =
  'id uuid, position smallint, person_id uuid, name text, id_number text, sex text, birth_date date, phone text, temperature numeric(3,1), health_code text, itinerary text, nucleic_acid text, fever boolean, risk_area boolean, lead_id uuid';

export interface EntryWrite {
  actor: Actor;
  entry: EntryRow;
  occupants: OccupantRow[];
  auditDetail: Record<string, unknown>;
}

const STAT_COLUMNS = [
  'vehicles',
  'pedestrians',
  'persons',
  'turned_back',
  'turned_back_persons',
  'held',
  'fevers',
  'risk_area',
  'local_persons',
  'local_vehicles',
] as const;
const ENTRY_TYPES = `i int, id uuid, checkpoint_id uuid, region_path ltree, kind text, plate text, vehicle_type text, direction text, origin text, destination text, reason text,
  decision text, hold_outcome text, recorded_at timestamptz, recorded_by uuid, local boolean, persons int, hour timestamptz, day date,
  ${STAT_COLUMNS.map((c) => `s_${c} int`).join(', ')}, ${AUDIT_ROW_TYPES}`;

/** What an entry adds to its hour and day in the rollups. */
function statOf(e: EntryRow, occupants: OccupantRow[]): Record<(typeof STAT_COLUMNS)[number], number> {
  return {
    vehicles: e.kind === 'vehicle' ? 1 : 0,
    pedestrians: e.kind === 'pedestrian' ? 1 : 0,
    persons: occupants.length,
    turned_back: e.decision === 'turnBack' ? 1 : 0,
    turned_back_persons: e.decision === 'turnBack' ? occupants.length : 0,
    held: e.decision === 'hold' ? 1 : 0,
    fevers: occupants.filter((o) => o.fever).length,
    risk_area: occupants.some((o) => o.riskArea) ? occupants.length : 0,
    local_persons: occupants.filter((o) => o.personId).length,
    local_vehicles: e.kind === 'vehicle' && e.local ? 1 : 0,
  };
}

const rollup = (table: string, key: string) =>
  sql.raw(`
    INSERT INTO ${table} (checkpoint_id, region_path, ${key}, ${STAT_COLUMNS.join(', ')})
    SELECT w.checkpoint_id, w.region_path, w.${key}, ${STAT_COLUMNS.map((c) => `sum(w.s_${c})`).join(', ')} FROM w GROUP BY 1, 2, 3
    ON CONFLICT (checkpoint_id, ${key}) DO UPDATE SET ${STAT_COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`);

/**
 * Entries, their occupants, their hours and days in the rollups and their audit records as one
 * statement: atomic on its own. An entry whose id is already taken (a replay that lost a race, or
 * the same id twice in one batch) writes nothing and gets no `createdAt` back.
 */
export async function insertEntries(
  execute: Execute,
  writes: EntryWrite[],
): Promise<({ createdAt: Date } | undefined)[]> {
  const entries = JSON.stringify(
    writes.map(({ actor, entry: e, occupants, auditDetail }, i) => {
      const stat = statOf(e, occupants);
      return {
        i,
        id: e.id,
        checkpoint_id: e.checkpointId,
        region_path: e.regionPath,
        kind: e.kind,
        plate: e.plate,
        vehicle_type: e.vehicleType,
        direction: e.direction,
        origin: e.origin,
        destination: e.destination,
        reason: e.reason,
        decision: e.decision,
        hold_outcome: e.holdOutcome,
        recorded_at: e.recordedAt.toISOString(),
        recorded_by: e.recordedBy,
        local: e.local,
        persons: e.persons,
        hour: new Date(Math.floor(e.recordedAt.getTime() / 3_600_000) * 3_600_000).toISOString(),
        day: shanghaiDateOf(e.recordedAt),
        ...Object.fromEntries(STAT_COLUMNS.map((c) => [`s_${c}`, stat[c]])),
        ...auditRow(actor, { event: 'checkpointEntry.create', targetType: 'checkpointEntry', detail: auditDetail }),
      };
    }),
  );
  const occupants = JSON.stringify(
    writes.flatMap(({ occupants: os }, i) =>
      os.map((o) => ({
        i,
        ...Object.fromEntries(OCCUPANT_COLUMNS.map((k) => [snake(k), o[k]])),
        id_number: encrypt('idNumber', o.idNumber),
        phone: encryptOrNull('phone', o.phone),
      })),
    ),
  );
  const rows = await execute(sql`
    WITH x AS (SELECT DISTINCT ON (id) * FROM jsonb_to_recordset(${entries}::jsonb) AS x(${sql.raw(ENTRY_TYPES)}) ORDER BY id, i),
    e AS (
      INSERT INTO checkpoint_entry (id, checkpoint_id, region_path, kind, plate, vehicle_type, direction, origin, destination, reason, decision, hold_outcome, recorded_at, recorded_by, local, persons)
      SELECT id, checkpoint_id, region_path, kind, plate, vehicle_type, direction, origin, destination, reason, decision, hold_outcome, recorded_at, recorded_by, local, persons FROM x
      ON CONFLICT (id) DO NOTHING
      RETURNING id, created_at),
    w AS (SELECT x.*, e.created_at FROM x JOIN e USING (id)),
    o AS (
      INSERT INTO checkpoint_occupant (entry_id, region_path, ${sql.raw(OCCUPANT_COLUMNS.map(snake).join(', '))})
      SELECT w.id, w.region_path, ${sql.raw(OCCUPANT_COLUMNS.map((c) => `y.${snake(c)}`).join(', '))}
        FROM w JOIN jsonb_to_recordset(${occupants}::jsonb) AS y(i int, ${sql.raw(OCCUPANT_TYPES)}) ON y.i = w.i),
    s AS (${rollup('checkpoint_stat', 'hour')}),
    d AS (${rollup('checkpoint_stat_day', 'day')}),
    a AS (${insertAuditRows('w', { targetId: 'id', regionPath: 'region_path' })})
    SELECT i, created_at AS "createdAt" FROM w`);
  const created = new Map(
    (rows as unknown as { i: number; createdAt: Date | string }[]).map((r) => [r.i, new Date(r.createdAt)]),
  );
  return writes.map((_, i) => (created.has(i) ? { createdAt: created.get(i)! } : undefined));
}
