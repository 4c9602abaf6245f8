// Brings every ID number and phone under the current key: values written before encryption (clear)
// at start-up, and, for `cli keys rotate`, values under an older key. Batches of rows, each batch
// in its own statement, so a large county is re-encrypted without one huge transaction.
import type pg from 'pg';
import {
  currentKeyId,
  decrypt,
  encrypt,
  keyRing,
  PersonalDataKeyError,
  type PersonalKind,
} from './personal-data-crypto.js';
import { ENCRYPTED_JSON_COLUMNS, jsonValuesSql, sealJson } from './personal-data-json.js';

/** Every encrypted column (table with an `id uuid` key). A new one belongs here too. */
export const ENCRYPTED_COLUMNS: { table: string; column: string; kind: PersonalKind }[] = [
  { table: 'person', column: 'id_number', kind: 'idNumber' },
  { table: 'person', column: 'phone', kind: 'phone' },
  { table: 'household', column: 'phone', kind: 'phone' },
  { table: 'lead', column: 'id_number', kind: 'idNumber' },
  { table: 'lead', column: 'phone', kind: 'phone' },
  { table: 'checkpoint_occupant', column: 'id_number', kind: 'idNumber' },
  { table: 'checkpoint_occupant', column: 'phone', kind: 'phone' },
  { table: 'app_user', column: 'phone', kind: 'phone' },
  { table: 'responsible_officer', column: 'phone', kind: 'phone' },
  { table: 'chain_member', column: 'phone', kind: 'phone' },
  { table: 'command_member', column: 'phone', kind: 'phone' },
  { table: 'volunteer', column: 'phone', kind: 'phone' },
  { table: 'venue', column: 'phone', kind: 'phone' },
  { table: 'gathering', column: 'phone', kind: 'phone' },
  { table: 'public_report', column: 'reporter_phone', kind: 'phone' },
  { table: 'sentinel', column: 'phone', kind: 'phone' },
  { table: 'sentinel_sale', column: 'id_number', kind: 'idNumber' },
  { table: 'sentinel_sale', column: 'phone', kind: 'phone' },
  { table: 'walk_in', column: 'id_number', kind: 'idNumber' },
  { table: 'walk_in', column: 'phone', kind: 'phone' },
];

const BATCH = 2000;

/**
 * Refuses to go on when stored values name a key that is not loaded (a wrong FANGKONG_DATA_KEY or
 * key file): better a clear stop at start than garbage or errors on every page later.
 */
type Queryable = Pick<pg.PoolClient, 'query'>;

export async function checkDataKeys(db: Queryable) {
  const known = keyRing().keys.map((k) => k.id);
  for (const { table, column } of ENCRYPTED_COLUMNS) {
    const r = await db.query(
      `SELECT split_part(${column}, '$', 1) AS key FROM ${table} WHERE ${column} LIKE '%$%' AND split_part(${column}, '$', 1) <> ALL($1::text[]) LIMIT 1`,
      [known],
    );
    const key = (r.rows[0] as { key?: string } | undefined)?.key;
    if (key)
      throw new PersonalDataKeyError(
        `${table}.${column} holds personal data encrypted with key ${key}, which is not among the loaded keys (${keyRing().source}): wrong FANGKONG_DATA_KEY or key file`,
      );
  }
  for (const spec of ENCRYPTED_JSON_COLUMNS) {
    const r = await db.query(
      `SELECT split_part(v.x, '$', 1) AS key FROM ${spec.table} t, LATERAL (${jsonValuesSql(spec, 't')}) v WHERE v.x LIKE '%$%' AND split_part(v.x, '$', 1) <> ALL($1::text[]) LIMIT 1`,
      [known],
    );
    const key = (r.rows[0] as { key?: string } | undefined)?.key;
    if (key)
      throw new PersonalDataKeyError(
        `${spec.table}.${spec.column} holds personal data encrypted with key ${key}, which is not among the loaded keys (${keyRing().source}): wrong FANGKONG_DATA_KEY or key file`,
      );
  }
}

/**
 * Encrypts clear values; with `rotate`, also re-encrypts values under any key but the current one.
 * Returns how many values were written.
 */
export async function encryptPersonalData(
  db: Queryable,
  opts: { rotate?: boolean; log?: (m: string) => void } = {},
): Promise<number> {
  await checkDataKeys(db);
  const current = currentKeyId();
  let total = 0;
  for (const { table, column, kind } of ENCRYPTED_COLUMNS) {
    const stale = opts.rotate
      ? `(${column} NOT LIKE '%$%' OR split_part(${column}, '$', 1) <> '${current}')`
      : `${column} NOT LIKE '%$%'`;
    let done = 0;
    // Walks the primary key: each batch starts where the last ended, not at the table's start again.
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const r = await db.query(
        `SELECT id::text AS id, ${column} AS v FROM ${table} WHERE id > $1 AND ${column} IS NOT NULL AND ${stale} ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      const rows = r.rows as { id: string; v: string }[];
      if (!rows.length) break;
      const ids = rows.map((x) => x.id);
      const values = rows.map((x) => encrypt(kind, decrypt(kind, x.v)));
      await db.query(
        `UPDATE ${table} t SET ${column} = u.v FROM unnest($1::uuid[], $2::text[]) AS u(id, v) WHERE t.id = u.id`,
        [ids, values],
      );
      done += rows.length;
      after = rows[rows.length - 1]!.id;
    }
    if (done)
      opts.log?.(
        `personal data: ${done} values of ${table}.${column} ${opts.rotate ? 're-encrypted under' : 'encrypted with'} key ${current}`,
      );
    total += done;
  }
  // ID numbers and phones inside JSON documents: the rows holding a stale value are rewritten whole.
  for (const spec of ENCRYPTED_JSON_COLUMNS) {
    const stale = opts.rotate
      ? `(v.x NOT LIKE '%$%' OR split_part(v.x, '$', 1) <> '${current}')`
      : `v.x NOT LIKE '%$%'`;
    let done = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const r = await db.query(
        `SELECT t.id::text AS id, t.${spec.column} AS doc FROM ${spec.table} t WHERE t.id > $1 AND EXISTS (SELECT 1 FROM (${jsonValuesSql(spec, 't')}) v WHERE v.x IS NOT NULL AND v.x <> '' AND ${stale}) ORDER BY t.id LIMIT ${BATCH}`,
        [after],
      );
      const rows = r.rows as { id: string; doc: unknown }[];
      if (!rows.length) break;
      const sealed = rows.map((x) => sealJson(spec, x.doc, { rotate: opts.rotate }));
      await db.query(
        `UPDATE ${spec.table} t SET ${spec.column} = u.doc::jsonb FROM unnest($1::uuid[], $2::text[]) AS u(id, doc) WHERE t.id = u.id`,
        [rows.map((x) => x.id), sealed.map((x) => JSON.stringify(x.doc))],
      );
      done += sealed.reduce((n, x) => n + x.changed, 0);
      after = rows[rows.length - 1]!.id;
    }
    if (done)
      opts.log?.(
        `personal data: ${done} values inside ${spec.table}.${spec.column} ${opts.rotate ? 're-encrypted under' : 'encrypted with'} key ${current}`,
      );
    total += done;
  }
  return total;
}
