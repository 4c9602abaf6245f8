// The register side of a round's 统计表: villages under a region with their households, persons and
// vulnerable groups, and the head's phone of the households a 遗漏户清单 names. SQL and nothing else.
import { decryptOrNull } from '../../security/personal-data-crypto.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pathUnder } from '../../auth/scope.js';

export interface VillageRegister {
  id: string;
  name: string;
  townshipId: string | null;
  townshipName: string | null;
  households: number;
  persons: number;
  extremePoverty: number;
  subsistenceAllowance: number;
  disabled: number;
  elderlyAlone: number;
}

/** Every village under `focusPath` and inside `actorPath`, in code order, with its register figures. */
export async function selectVillageRegisters(db: Db, focusPath: string, actorPath: string): Promise<VillageRegister[]> {
  const result = await db.execute(sql`
    SELECT v.id, v.name, t.id AS "townshipId", t.name AS "townshipName",
      (SELECT count(*) FROM household h WHERE ${pathUnder(sql`h.region_path`, sql`v.path`)})::int AS households,
      p.persons, p."extremePoverty", p."subsistenceAllowance", p.disabled, p."elderlyAlone"
    FROM region v
    LEFT JOIN region t ON t.id = v.parent_id AND t.level = 'township'
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS persons,
        count(*) FILTER (WHERE 'extremePoverty' = ANY (vulnerable_groups))::int AS "extremePoverty",
        count(*) FILTER (WHERE 'subsistenceAllowance' = ANY (vulnerable_groups))::int AS "subsistenceAllowance",
        count(*) FILTER (WHERE 'disabled' = ANY (vulnerable_groups))::int AS disabled,
        count(*) FILTER (WHERE 'elderlyAlone' = ANY (vulnerable_groups))::int AS "elderlyAlone"
      FROM person WHERE ${pathUnder(sql`region_path`, sql`v.path`)}
    ) p
    WHERE v.level = 'village' AND ${pathUnder(sql`v.path`, focusPath)} AND ${pathUnder(sql`v.path`, actorPath)}
    ORDER BY v.code`);
  return result.rows as unknown as VillageRegister[];
}

/** The phone to call for each household: its own, else its head's. */
export async function selectHouseholdPhones(db: Db, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const result = await db.execute(sql`
    SELECT h.id, coalesce(h.phone, p.phone) AS phone FROM household h LEFT JOIN person p ON p.id = h.head_person_id
    WHERE h.id = ANY (${sql.param(ids)}::uuid[])`);
  return new Map(
    (result.rows as { id: string; phone: string | null }[]).map((r) => [r.id, decryptOrNull('phone', r.phone)]),
  );
}
