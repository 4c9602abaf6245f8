import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { region } from '../../db/schema/index.js';
import { inScope, pathUnder, pathStrictlyAbove } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';

const columns = {
  id: region.id,
  code: region.code,
  name: region.name,
  level: region.level,
  path: region.path,
  parentId: region.parentId,
  childCount: sql<number>`(SELECT count(*) FROM region c WHERE c.parent_id = "region"."id")::int`,
};

/**
 * Households, persons and grids below each of the given regions, in one pass: a sum over
 * region_tally (kept by triggers) for the regions under each, never a scan over the people.
 */
async function selectCounts(tx: Tx, ids: string[]) {
  if (!ids.length) return new Map<string, { gridCount: number; householdCount: number; personCount: number }>();
  const { rows } = await tx.execute<{ id: string; grids: number; households: number; persons: number }>(sql`
    SELECT r.id, coalesce(sum(t.grids), 0)::int AS grids, coalesce(sum(t.households), 0)::int AS households, coalesce(sum(t.persons), 0)::int AS persons
    FROM region r JOIN region d ON ${pathUnder(sql`d.path`, sql`r.path`)} LEFT JOIN region_tally t ON t.region_id = d.id
    WHERE r.id IN ${sql`(${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`}
    GROUP BY r.id`);
  return new Map(rows.map((r) => [r.id, { gridCount: r.grids, householdCount: r.households, personCount: r.persons }]));
}

export async function selectRegions(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
) {
  const filter = and(inScope(actor, region.path), where);
  const [rows, [total]] = await Promise.all([
    tx
      .select(columns)
      .from(region)
      .where(filter)
      .orderBy(asc(region.code))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(region).where(filter),
  ]);
  const counts = await selectCounts(
    tx,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => ({
    ...r,
    ...(counts.get(r.id) ?? { gridCount: 0, householdCount: 0, personCount: 0 }),
  }));
  return { items, total: total?.n ?? 0 };
}

export const byParent = (parentId: string) => eq(region.parentId, parentId);
export const byId = (id: string) => eq(region.id, id);
export const byPath = (path: string) => sql`${region.path} = ${path}::ltree`;
/** Digits search the division code by prefix; anything else the name. */
export const byText = (q: string) =>
  /^\d+$/.test(q) ? sql`${region.code} LIKE ${q + '%'}` : ilike(region.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`);
export const byLevel = (level: string) => sql`${region.level} = ${level}`;

export async function selectAncestors(tx: Tx, path: string) {
  return tx
    .select({ id: region.id, name: region.name, level: region.level })
    .from(region)
    .where(pathStrictlyAbove(region.path, path))
    .orderBy(sql`nlevel(${region.path})`);
}

export async function selectByCodes(tx: Tx, codes: string[]) {
  if (!codes.length) return [];
  return tx
    .select({ id: region.id, code: region.code, path: region.path, name: region.name })
    .from(region)
    .where(inArray(region.code, codes));
}
