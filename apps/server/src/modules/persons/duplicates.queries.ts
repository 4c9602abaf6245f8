// Likely duplicates among people without an ID number (with one, the unique index already keeps one
// record per human): same name + birth date + phone anywhere in scope, or in one household the same
// name, or the same surname and birth date (a name written two ways: 阿依古丽 / 阿依古丽·买买提).
import { sql } from 'drizzle-orm';
import { maskIdNumber, maskPhone } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { decrypt } from '../../security/personal-data-crypto.js';
import { inScope } from '../../auth/scope.js';

interface Side {
  id: string;
  name: string;
  idNumber: string | null;
  birthDate: string | null;
  phone: string | null;
  householdId: string | null;
  address: string | null;
}
interface PairRow {
  a: Side;
  b: Side;
  reason: 'sameNameBirthPhone' | 'similarNameInHousehold';
  total: number;
}

const side = (alias: 'a' | 'b') =>
  sql.raw(`json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'idNumber', ${alias}.id_number, 'birthDate', ${alias}.birth_date, 'phone', ${alias}.phone, 'householdId', ${alias}.household_id,
    'address', (SELECT h.address FROM household h WHERE h.id = ${alias}.household_id))`);

export async function selectDuplicatePairs(tx: Tx, actor: Actor, page: { page: number; pageSize: number }) {
  const result = await tx.execute(sql`
    WITH pairs AS (
      SELECT a.id AS a_id, b.id AS b_id, 'sameNameBirthPhone' AS reason
        FROM person a JOIN person b ON b.name = a.name AND b.birth_date = a.birth_date AND b.phone_bidx = a.phone_bidx AND b.id > a.id
       WHERE ${inScope(actor, sql`a.region_path`)} AND ${inScope(actor, sql`b.region_path`)} AND (a.id_number IS NULL OR b.id_number IS NULL)
      UNION
      SELECT a.id, b.id, 'similarNameInHousehold'
        FROM person a JOIN person b ON b.household_id = a.household_id AND b.id > a.id
       WHERE ${inScope(actor, sql`a.region_path`)} AND (a.id_number IS NULL OR b.id_number IS NULL)
         AND (b.name = a.name OR b.name LIKE a.name || '·%' OR a.name LIKE b.name || '·%'
              OR (left(a.name, 1) = left(b.name, 1) AND a.birth_date = b.birth_date))
    ), one AS (SELECT DISTINCT ON (a_id, b_id) * FROM pairs ORDER BY a_id, b_id, reason DESC)
    SELECT ${side('a')} AS a, ${side('b')} AS b, one.reason, count(*) OVER ()::int AS total
      FROM one JOIN person a ON a.id = one.a_id JOIN person b ON b.id = one.b_id
     ORDER BY a.region_path, a.name, a.id
     LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`);
  const rows = result.rows as unknown as PairRow[];
  const mask = (s: Side) => ({
    ...s,
    idNumber: s.idNumber ? maskIdNumber(decrypt('idNumber', s.idNumber)) : null,
    phone: s.phone ? maskPhone(decrypt('phone', s.phone)) : null,
  });
  return { total: rows[0]?.total ?? 0, items: rows.map((r) => ({ a: mask(r.a), b: mask(r.b), reason: r.reason })) };
}

/** Every column that points at a person (found in the catalog, so tables added later are merged too). */
export async function selectPersonReferences(tx: Tx): Promise<{ table: string; column: string }[]> {
  const result = await tx.execute(sql`
    SELECT c.conrelid::regclass::text AS "table", a.attname AS "column"
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confrelid = 'person'::regclass AND array_length(c.conkey, 1) = 1
     ORDER BY 1, 2`);
  return result.rows as unknown as { table: string; column: string }[];
}
