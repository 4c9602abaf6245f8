// The write path of the 基础台账表 import: each batch of checked rows is COPYed into a staging table
// and written with a handful of set-based statements in one transaction (households per distinct
// address, persons matched by ID number, or by household + name + birth date, then inserted, heads
// set), so a batch of 20,000 rows costs a few statements instead of one round trip per row or
// per thousand. A row is written whole or reported; nothing of a rejected row is written.
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../../db/schema/index.js';
import type { Db, Tx } from '../../db/client.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { copyLine, copyRows } from '../../db/copy.js';
import { encryptOrNull } from '../../security/personal-data-crypto.js';
import { pathUnderText } from '../../auth/scope.js';

export interface LedgerRow {
  row: number;
  regionId: string;
  regionPath: string;
  gridId: string | null;
  address: string;
  name: string;
  idNumber: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  head: boolean;
  groups: string[];
  guardianName: string | null;
}

const BATCH = 20_000;
const COLUMNS = [
  'row',
  'region_id',
  'region_path',
  'grid_id',
  'address',
  'name',
  'id_number',
  'sex',
  'birth_date',
  'phone',
  'head',
  'groups',
  'guardian_name',
  'new_person_id',
  'new_household_id',
];

/** The statements of one batch, in order; each sees what the previous ones wrote to the stage. */
const STEPS = {
  stage: `CREATE TEMP TABLE ledger_stage (
      row int PRIMARY KEY, region_id uuid NOT NULL, region_path ltree NOT NULL, grid_id uuid, address text NOT NULL, name text NOT NULL,
      id_number text, sex text, birth_date date, phone text, head boolean NOT NULL, groups text[] NOT NULL, guardian_name text,
      new_person_id uuid NOT NULL, new_household_id uuid NOT NULL,
      id_bidx text GENERATED ALWAYS AS (nullif(split_part(id_number, '$', 2), '')) STORED,
      person_id uuid, household_id uuid, creates boolean NOT NULL DEFAULT false, elsewhere boolean NOT NULL DEFAULT false
    ) ON COMMIT DROP`,
  // Two imports into the same villages at once must not make two households of one dwelling.
  lock: `SELECT pg_advisory_xact_lock(hashtext('ledger|' || region_id)) FROM (SELECT DISTINCT region_id::text FROM ledger_stage ORDER BY 1) r`,
  // Lookups probe the indexes row by row (OFFSET 0 keeps the planner from turning them into a
  // hash join over a million persons, which it prefers for 20,000 rows and which is far slower).
  known: `UPDATE ledger_stage s SET person_id = p.id, elsewhere = NOT (${pathUnderText('p.region_path', '$1::ltree')})
      FROM ledger_stage k CROSS JOIN LATERAL (SELECT p.id, p.region_path FROM person p WHERE p.id_number_bidx = k.id_bidx OFFSET 0) p
      WHERE k.row = s.row AND k.id_number IS NOT NULL`,
  households: `INSERT INTO household (id, region_id, region_path, grid_id, address)
      SELECT DISTINCT ON (s.region_id, s.address) s.new_household_id, s.region_id, s.region_path, s.grid_id, s.address FROM ledger_stage s
      WHERE NOT s.elsewhere AND NOT EXISTS (SELECT 1 FROM household h WHERE h.region_id = s.region_id AND h.address = s.address OFFSET 0)
      ORDER BY s.region_id, s.address, s.row`,
  dwellings: `UPDATE ledger_stage s SET household_id = h.id
      FROM (SELECT DISTINCT region_id, address FROM ledger_stage) k
      CROSS JOIN LATERAL (SELECT h.id FROM household h WHERE h.region_id = k.region_id AND h.address = k.address ORDER BY h.id LIMIT 1) h
      WHERE k.region_id = s.region_id AND k.address = s.address AND NOT s.elsewhere`,
  sameHousehold: `UPDATE ledger_stage s SET person_id = p.id
      FROM ledger_stage k CROSS JOIN LATERAL (SELECT p.id FROM person p WHERE p.household_id = k.household_id AND p.name = k.name AND p.birth_date = k.birth_date LIMIT 1) p
      WHERE k.row = s.row AND k.id_number IS NULL AND k.household_id IS NOT NULL`,
  // A new person per ID number; without one, the first row of a name + birth date in a household.
  creators: `UPDATE ledger_stage s SET person_id = s.new_person_id, creates = true
      FROM (SELECT row, id_number IS NOT NULL OR row_number() OVER (PARTITION BY household_id, name, birth_date ORDER BY row) = 1 AS first FROM ledger_stage WHERE person_id IS NULL AND NOT elsewhere) f
      WHERE f.row = s.row AND f.first`,
  followers: `UPDATE ledger_stage s SET person_id = c.person_id FROM ledger_stage c
      WHERE s.person_id IS NULL AND c.creates AND c.id_number IS NULL AND c.household_id = s.household_id AND c.name = s.name AND c.birth_date = s.birth_date`,
  persons: `INSERT INTO person (id, id_number, name, sex, birth_date, phone, household_id, region_id, region_path, vulnerable_groups, guardian_name)
      SELECT person_id, id_number, name, sex, birth_date, phone, household_id, region_id, region_path, groups, guardian_name FROM ledger_stage WHERE creates
      ORDER BY region_path, household_id
      ON CONFLICT (id_number_bidx) DO NOTHING`,
  // Registered by someone else since `known` ran: link to theirs.
  raced: `UPDATE ledger_stage s SET person_id = p.id, creates = false, elsewhere = NOT (${pathUnderText('p.region_path', '$1::ltree')})
      FROM ledger_stage k CROSS JOIN LATERAL (SELECT p.id, p.region_path FROM person p WHERE p.id_number_bidx = k.id_bidx OFFSET 0) p
      WHERE k.row = s.row AND k.creates AND k.id_number IS NOT NULL AND p.id <> k.person_id`,
  heads: `UPDATE household h SET head_person_id = k.person_id
      FROM (SELECT DISTINCT ON (household_id) household_id, person_id FROM ledger_stage WHERE head AND NOT elsewhere ORDER BY household_id, row) k
      WHERE h.id = k.household_id AND h.head_person_id IS NULL`,
  outcome: `SELECT count(*) FILTER (WHERE creates)::int AS created, count(*) FILTER (WHERE NOT creates AND NOT elsewhere)::int AS linked,
      coalesce(array_agg(row ORDER BY row) FILTER (WHERE elsewhere), '{}') AS elsewhere FROM ledger_stage`,
};

/**
 * Writes checked rows batch by batch; rows whose ID number belongs to someone outside the actor's scope
 * come back in `elsewhere`. `onBatch` hears the rows written so far after each committed batch.
 */
export async function writeLedgerRows(
  db: Db,
  actor: Actor,
  rows: LedgerRow[],
  onBatch?: (done: number) => Promise<void>,
  batchSize = BATCH,
) {
  const counts = { households: 0, persons: 0, linked: 0, elsewhere: [] as number[] };
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const client = await db.$client.connect();
    try {
      await client.query('BEGIN');
      await client.query(STEPS.stage);
      await copyRows(
        client,
        'ledger_stage',
        COLUMNS,
        batch.map((g) =>
          copyLine([
            g.row,
            g.regionId,
            g.regionPath,
            g.gridId,
            g.address,
            g.name,
            encryptOrNull('idNumber', g.idNumber),
            g.sex,
            g.birthDate,
            encryptOrNull('phone', g.phone),
            g.head,
            g.groups,
            g.guardianName,
            uuidv7(),
            uuidv7(),
          ]),
        ),
      );
      await client.query('ANALYZE ledger_stage');
      await client.query(STEPS.lock);
      await client.query(STEPS.known, [actor.scopePath]);
      counts.households += (await client.query(STEPS.households)).rowCount ?? 0;
      for (const step of [STEPS.dwellings, STEPS.sameHousehold, STEPS.creators, STEPS.followers, STEPS.persons])
        await client.query(step);
      await client.query(STEPS.raced, [actor.scopePath]);
      await client.query(STEPS.heads);
      const {
        rows: [out],
      } = await client.query<{ created: number; linked: number; elsewhere: number[] }>(STEPS.outcome);
      await audit(drizzle(client, { schema }) as unknown as Tx, actor, {
        event: 'person.import',
        targetType: 'person',
        regionPath: actor.scopePath,
        detail: { rows: batch.length, firstRow: batch[0]?.row },
      });
      await client.query('COMMIT');
      counts.persons += out!.created;
      counts.linked += out!.linked;
      counts.elsewhere.push(...out!.elsewhere);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    await onBatch?.(i + batch.length);
  }
  return counts;
}
