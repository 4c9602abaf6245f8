import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { region } from '../../db/schema/index.js';
import { inScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';

// Counts below each region, read through the gist indexes on the region paths. The outer row is
// named in full: Drizzle leaves selected columns unqualified, which a subquery would capture.
const counts = {
  childCount: sql<number>`(SELECT count(*) FROM region c WHERE c.parent_id = "region"."id")::int`,
  gridCount: sql<number>`(SELECT count(*) FROM grid g WHERE g.region_path <@ "region"."path")::int`,
  householdCount: sql<number>`(SELECT count(*) FROM household h WHERE h.region_path <@ "region"."path")::int`,
  personCount: sql<number>`(SELECT count(*) FROM person p WHERE p.region_path <@ "region"."path")::int`,
};

const columns = {
  id: region.id,
  code: region.code,
  name: region.name,
  level: region.level,
  path: region.path,
  parentId: region.parentId,
  ...counts,
};

export async function selectRegions(tx: Tx, actor: Actor, where: SQL | undefined, page: { page: number; pageSize: number }) {
  const filter = and(inScope(actor, region.path), where);
  const [items, [total]] = await Promise.all([
    tx.select(columns).from(region).where(filter).orderBy(asc(region.code)).limit(page.pageSize).offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(region).where(filter),
  ]);
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
    .where(sql`${region.path} @> ${path}::ltree AND ${region.path} <> ${path}::ltree`)
    .orderBy(sql`nlevel(${region.path})`);
}

export async function selectByCodes(tx: Tx, codes: string[]) {
  if (!codes.length) return [];
  return tx.select({ id: region.id, code: region.code, path: region.path, name: region.name }).from(region).where(inArray(region.code, codes));
}
